package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.ZendeskWidgetFilter;
import jakarta.servlet.Filter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thin jar copied alone into WEB-INF/lib, without java-jwt: the application still starts and
 * no request of a signed-in visitor fails, whichever path asks who the visitor is.
 */
class NoJavaJwtTest {

    static final String PAGE = "<html><body>account</body></html>";

    @TempDir
    static Path files;

    private static URLClassLoader webapp;
    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        Files.write(files.resolve("static.html"), PAGE.getBytes(StandardCharsets.UTF_8));
        URL filterClasses = ZendeskWidgetFilter.class.getProtectionDomain().getCodeSource().getLocation();
        webapp = new OldJacksonTest.WebAppLoader(new URL[] {filterClasses}, NoJavaJwtTest.class.getClassLoader());
        Filter filter = (Filter) webapp.loadClass(ZendeskWidgetFilter.class.getName()).getConstructor().newInstance();
        server = new WidgetServer().filter(filter).staticFiles(files).page("/account", (req, res) -> {
            res.setContentType("text/html;charset=UTF-8");
            res.getWriter().write(PAGE);
        }).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        webapp.close();
    }

    @Test
    void javaJwtIsReallyMissing() {
        assertThrows(ClassNotFoundException.class, () -> webapp.loadClass("com.auth0.jwt.JWT"));
    }

    @Test
    void aSignedInVisitorsPagesAndConditionalRequestsAre200AndUntouched() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        HttpTester.Response page = browser.get("/account", "Accept: text/html");
        assertEquals(200, page.getStatus());
        assertEquals(PAGE, page.getContent());
        HttpTester.Response file = browser.get("/static.html", "Accept: text/html",
                "If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT");
        assertEquals(200, file.getStatus());
        assertEquals(PAGE, file.getContent());
        assertEquals(503, browser.tokenRequest().getStatus());
    }

    @Test
    void anAnonymousVisitorStillGetsTheWidget() throws Exception {
        HttpTester.Response page = new Browser(server).get("/account");
        assertTrue(page.getContent().contains("id=\"ze-snippet\""), page.getContent());
    }
}
