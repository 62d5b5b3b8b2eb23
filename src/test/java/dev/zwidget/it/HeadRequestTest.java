package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A HEAD announces what the GET of the same page sends: its length, or no length at all. */
class HeadRequestTest {

    static final String PAGE = "<!DOCTYPE html><html><head><title>h</title></head><body><p>head \u00e9</p></body></html>\n";

    @TempDir
    static Path webRoot;

    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(webRoot.resolve("static.html"), PAGE, StandardCharsets.UTF_8);
        server = new WidgetServer().staticFiles(webRoot)
                .page("/servlet", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(PAGE);
                })
                .page("/with-length", (req, res) -> {
                    byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
                    res.setContentType("text/html;charset=UTF-8");
                    res.setContentLength(page.length);
                    res.getOutputStream().write(page);
                })
                .page("/length-only", (req, res) -> {
                    // As a servlet that answers HEAD by itself, without writing the body.
                    res.setContentType("text/html;charset=UTF-8");
                    res.setContentLength(PAGE.getBytes(StandardCharsets.UTF_8).length);
                    if (!"HEAD".equals(req.getMethod())) {
                        res.getWriter().write(PAGE);
                    }
                })
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "{0}, signed in: {1}")
    @CsvSource({"/static.html,true", "/static.html,false", "/servlet,true", "/servlet,false",
        "/with-length,true", "/with-length,false", "/length-only,true", "/length-only,false"})
    void headAnnouncesTheLengthGetSendsOrNone(String path, boolean signedIn) throws Exception {
        Browser browser = new Browser(server);
        if (signedIn) {
            browser.get("/login?user=alice");
        }
        HttpTester.Response get = browser.get(path);
        HttpTester.Response head = browser.send("HEAD", path);
        assertEquals(200, get.getStatus());
        assertEquals(200, head.getStatus());
        assertTrue(get.getContent().contains("ze-snippet"), "GET is spliced");
        String length = head.get("Content-Length");
        if (length != null) {
            assertEquals(get.getContentBytes().length, Long.parseLong(length), "HEAD's Content-Length");
        }
        assertEquals(get.get("Cache-Control"), head.get("Cache-Control"));
    }
}
