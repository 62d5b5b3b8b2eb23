package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rest of the response API an application may call on the wrapped response, and a static
 * file served by Jetty's own DefaultServlet.
 */
class ResponseApiTest {

    static final String PAGE = "<html><body><p>final</p></body></html>";
    static final String STATIC = "<!DOCTYPE html><html><head><title>s</title></head><body>static \u00e9</body></html>\n";

    @TempDir
    static Path webRoot;

    private static WidgetServer server;
    private static Browser alice;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(webRoot.resolve("static.html"), STATIC, StandardCharsets.UTF_8);
        server = new WidgetServer().staticFiles(webRoot)
                .page("/reset", (req, res) -> {
                    res.setContentType("text/plain");
                    res.setHeader("X-Draft", "1");
                    res.getWriter().write("<body>draft</body>");
                    res.reset();
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(PAGE);
                })
                .page("/reset-buffer", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getOutputStream().write("<html><body>draft</body>".getBytes(StandardCharsets.UTF_8));
                    res.resetBuffer();
                    res.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
                })
                .page("/closed", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(PAGE);
                    res.getWriter().close();
                })
                .page("/throws", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    throw new IllegalStateException("application bug");
                })
                .start();
        alice = new Browser(server);
        alice.get("/login?user=alice");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void afterResetOnlyTheNewPageIsSentAndSpliced() throws Exception {
        HttpTester.Response response = alice.get("/reset");
        Spliced.assertLoginBlock(Spliced.insertedBlock(PAGE.getBytes(StandardCharsets.UTF_8),
                response.getContentBytes()), null);
        assertNull(response.get("X-Draft"));
        assertEquals("no-store, private", response.get("Cache-Control"));
    }

    @Test
    void afterResetBufferOnlyTheNewContentIsSentAndSplicedOnce() throws Exception {
        HttpTester.Response response = alice.get("/reset-buffer");
        Spliced.assertLoginBlock(Spliced.insertedBlock(PAGE.getBytes(StandardCharsets.UTF_8),
                response.getContentBytes()), null);
    }

    @Test
    void aPageThatClosesItsWriterIsSplicedBeforeTheClose() throws Exception {
        HttpTester.Response response = alice.get("/closed");
        Spliced.assertLoginBlock(Spliced.insertedBlock(PAGE.getBytes(StandardCharsets.UTF_8),
                response.getContentBytes()), null);
        assertEquals(response.getContentBytes().length, response.getLongField("Content-Length"));
    }

    @Test
    void anApplicationExceptionStillGivesTheContainersErrorPageUntouched() throws Exception {
        HttpTester.Response response = alice.get("/throws");
        assertEquals(500, response.getStatus());
        assertFalse(response.getContent().contains("ze-snippet"));
    }

    @Test
    void aStaticFileFromTheDefaultServletIsSplicedWithAnExactLength() throws Exception {
        HttpTester.Response response = alice.get("/static.html");
        assertEquals(200, response.getStatus());
        byte[] body = response.getContentBytes();
        Tokens.verifyFor(Spliced.assertLoginBlock(
                Spliced.insertedBlock(STATIC.getBytes(StandardCharsets.UTF_8), body), null), "1001");
        assertEquals(body.length, response.getLongField("Content-Length"));
        assertNull(response.get("ETag"));
        assertNull(response.get("Last-Modified"));
        assertEquals("no-store, private", response.get("Cache-Control"));
    }

    @Test
    void aStaticFileForAnAnonymousVisitorKeepsItsValidators() throws Exception {
        HttpTester.Response response = new Browser(server).get("/static.html");
        byte[] body = response.getContentBytes();
        assertEquals(Spliced.SNIPPET_TAG, Spliced.insertedBlock(STATIC.getBytes(StandardCharsets.UTF_8), body));
        assertEquals(body.length, response.getLongField("Content-Length"));
        assertTrue(response.get("Last-Modified") != null || response.get("ETag") != null);
    }

    @Test
    void theMarkerCookieIsSecureOnHttps() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=bob");
        HttpTester.Response response = browser.get("/static.html", "X-Forwarded-Proto: https");
        String cookie = response.get("Set-Cookie");
        assertTrue(cookie.contains("; Secure"), cookie);
    }
}
