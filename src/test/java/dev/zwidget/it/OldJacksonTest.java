package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.zwidget.ZendeskWidgetFilter;
import jakarta.servlet.Filter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thin jar in an application that ships Jackson 2.9 in WEB-INF/lib: java-jwt 4 cannot mint
 * there (its JWTCreator needs Jackson's JsonMapper, 2.10+), which once made every signed-in
 * request answer 500 and then made the filter stop minting. The filter writes its tokens without
 * Jackson now, so such an application gets signed-in visitors like any other; java-jwt's verifier,
 * which the start-up check uses, runs on Jackson 2.9. The filter is loaded by a class loader laid
 * out as a web application's: Jackson 2.9, java-jwt and the filter's classes, looked up there
 * first and never in the test's own class path (which has a current Jackson).
 */
class OldJacksonTest {

    static final String PAGE = "<html><body><p>account</p></body></html>";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

    @TempDir
    static Path files;

    private static LogCapture log;

    private static URLClassLoader webapp;
    private static WidgetServer server;
    private static WidgetServer plain;

    /** Child-first for the libraries a WAR carries; everything else (JDK, servlet API, Jetty) from the parent. */
    static final class WebAppLoader extends URLClassLoader {
        WebAppLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            boolean inWar = name.startsWith("com.fasterxml.") || name.startsWith("com.auth0.")
                    || (name.startsWith("dev.zwidget.") && !name.startsWith("dev.zwidget.it."));
            if (!inWar) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        log = new LogCapture(Level.WARNING);
        Files.write(files.resolve("logo.png"), PNG);
        Path oldJackson = Paths.get(System.getProperty("zwidget.oldJackson", "target/old-jackson"));
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(oldJackson)) {
            for (Path jar : jars.sorted().collect(Collectors.toList())) {
                urls.add(jar.toUri().toURL());
            }
        }
        assertEquals(3, urls.size(), "Jackson 2.9 jars in " + oldJackson);
        urls.add(JWT.class.getProtectionDomain().getCodeSource().getLocation());
        urls.add(ZendeskWidgetFilter.class.getProtectionDomain().getCodeSource().getLocation());
        webapp = new WebAppLoader(urls.toArray(new URL[0]), OldJacksonTest.class.getClassLoader());
        Filter filter = (Filter) webapp.loadClass(ZendeskWidgetFilter.class.getName())
                .getConstructor().newInstance();
        server = pages(new WidgetServer().filter(filter)).start();
        plain = pages(new WidgetServer().withoutFilter()).start();
    }

    private static WidgetServer pages(WidgetServer server) {
        return server.staticFiles(files).page("/account", (req, res) -> {
            res.setContentType("text/html;charset=UTF-8");
            res.getWriter().write(PAGE);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        log.close();
        server.close();
        plain.close();
        webapp.close();
    }

    @Test
    void theFilterReallyRunsAgainstJackson29() throws Exception {
        Class<?> mapper = webapp.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
        assertTrue(mapper.getProtectionDomain().getCodeSource().getLocation().toString()
                .contains("jackson-databind-2.9"), mapper.getProtectionDomain().getCodeSource().toString());
    }

    @Test
    void javaJwtsOwnMinterCannotLoadNextToJackson29() {
        Throwable failure = assertThrows(LinkageError.class,
                () -> Class.forName("com.auth0.jwt.JWTCreator", true, webapp));
        assertTrue(String.valueOf(failure.getCause()).contains("JsonMapper")
                || String.valueOf(failure.getMessage()).contains("JsonMapper"), failure::toString);
    }

    @Test
    void aSignedInVisitorsPageCarriesATokenThatVerifies() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        HttpTester.Response page = browser.get("/account", "Accept: text/html");
        assertEquals(200, page.getStatus());
        String body = page.getContent();
        assertTrue(body.startsWith("<html><body><p>account</p><script id=\"ze-snippet\""), body);
        assertTrue(body.endsWith("</script></body></html>"), body);
        verifiedFor(Tokens.inPage(body), "1001");
    }

    @Test
    void imagesOfASignedInVisitorAre200AndByteIdenticalEvenWhenRevalidated() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        HttpTester.Response png = browser.get("/logo.png");
        assertEquals(200, png.getStatus());
        assertArrayEquals(PNG, png.getContentBytes());
        HttpTester.Response again = browser.get("/logo.png", "If-Modified-Since: " + png.get("Last-Modified"),
                "Accept: image/avif,image/webp,*/*");
        assertEquals(304, again.getStatus());
    }

    @Test
    void anAnonymousVisitorStillGetsTheWidget() throws Exception {
        HttpTester.Response page = new Browser(server).get("/account");
        assertEquals(200, page.getStatus());
        assertTrue(page.getContent().startsWith("<html><body><p>account</p>"), page.getContent());
        assertTrue(page.getContent().contains("id=\"ze-snippet\""), page.getContent());
        assertTrue(page.getContent().endsWith("</body></html>"), page.getContent());
    }

    @Test
    void theTokenEndpointAnswersWithAFreshToken() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        HttpTester.Response token = browser.tokenRequest();
        assertEquals(200, token.getStatus());
        verifiedFor((String) Tokens.json(token.getContent()).get("jwt"), "1001");
    }

    @Test
    void nothingIsLogged() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        for (int i = 0; i < 3; i++) {
            browser.get("/account", "Accept: text/html");
        }
        List<LogRecord> warnings = new ArrayList<>(log.at(Level.WARNING));
        warnings.addAll(log.at(Level.SEVERE));
        assertEquals(0, warnings.size(), () -> warnings.stream().map(LogRecord::getMessage)
                .collect(Collectors.joining("\n")));
    }

    /** java-jwt with the test's current Jackson, the system clock (the filter's), the shared secret. */
    private static void verifiedFor(String token, String externalId) {
        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(WidgetServer.SECRET)).withClaim("scope", "user")
                .withClaim("external_id", externalId).build().verify(token);
        assertEquals(WidgetServer.KEY_ID, jwt.getKeyId());
    }
}
