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
                .page("/reset-held-stream", (req, res) -> {
                    var out = res.getOutputStream();
                    res.setContentType("text/html;charset=UTF-8");
                    out.write("<html><body>draft</body>".getBytes(StandardCharsets.UTF_8));
                    res.reset();
                    res.setContentType("text/html;charset=UTF-8");
                    out.write(PAGE.getBytes(StandardCharsets.UTF_8));
                })
                .page("/reset-held-writer", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    var out = res.getWriter();
                    out.write("<html><body>draft</body>");
                    res.reset();
                    res.setContentType("text/html;charset=UTF-8");
                    out.write(PAGE);
                })
                .page("/write-then-forward", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getOutputStream().write("<html><body>old</body>".getBytes(StandardCharsets.UTF_8));
                    req.getRequestDispatcher("/view").forward(req, res);
                })
                .page("/view", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(PAGE);
                })
                .page("/write-then-redirect", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write("<html><body>moving</body>");
                    res.sendRedirect("/app/view");
                })
                .page("/write-then-error", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write("<html><body>half</body>");
                    res.sendError(503);
                })
                .page("/wrong-length", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.setContentLength(19);
                    res.getOutputStream().write("<html><p>more than nineteen bytes".getBytes(StandardCharsets.UTF_8));
                })
                .page("/length-then-flush", (req, res) -> {
                    byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
                    res.setContentType("text/html;charset=UTF-8");
                    res.setContentLength(page.length);
                    res.getOutputStream().write(page, 0, 10);
                    res.flushBuffer();
                    res.getOutputStream().write(page, 10, page.length - 10);
                })
                .page("/cdn", (req, res) -> {
                    res.setHeader("CDN-Cache-Control", "public, max-age=600");
                    res.setHeader("Surrogate-Control", "max-age=600");
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(PAGE);
                    res.setHeader("Cloudflare-CDN-Cache-Control", "max-age=600");
                })
                .page("/async", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    var async = req.startAsync();
                    async.start(() -> {
                        try {
                            async.getResponse().getWriter().write(PAGE);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        async.complete();
                    });
                })
                .page("/throws", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    throw new IllegalStateException("application bug");
                })
                .start();
        server.context().getServletHandler().getServlets()[0].setAsyncSupported(true);
        for (var holder : server.context().getServletHandler().getServlets()) {
            holder.setAsyncSupported(true);
        }
        for (var holder : server.context().getServletHandler().getFilters()) {
            holder.setAsyncSupported(true);
        }
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
    void aPageKeepsUsingTheStreamItHeldBeforeReset() throws Exception {
        for (String path : new String[] {"/reset-held-stream", "/reset-held-writer"}) {
            HttpTester.Response response = alice.get(path);
            Spliced.assertLoginBlock(Spliced.insertedBlock(PAGE.getBytes(StandardCharsets.UTF_8),
                    response.getContentBytes()), null);
        }
    }

    @Test
    void aForwardAfterAPartialWriteSendsOnlyTheViewSplicedOnce() throws Exception {
        HttpTester.Response response = alice.get("/write-then-forward");
        Spliced.assertLoginBlock(Spliced.insertedBlock(PAGE.getBytes(StandardCharsets.UTF_8),
                response.getContentBytes()), null);
    }

    @Test
    void aRedirectOrErrorAfterTheFirstByteIsTheContainersAlone() throws Exception {
        HttpTester.Response redirect = alice.get("/write-then-redirect");
        assertEquals(302, redirect.getStatus());
        assertFalse(redirect.getContent().contains("ze-snippet"));
        HttpTester.Response error = alice.get("/write-then-error");
        assertEquals(503, error.getStatus());
        assertFalse(error.getContent().contains("ze-snippet"));
    }

    @Test
    void aWrongContentLengthFromTheApplicationDoesNotBecomeA500() throws Exception {
        HttpTester.Response response = alice.get("/wrong-length");
        assertEquals(200, response.getStatus());
        assertEquals(response.getContentBytes().length, response.getLongField("Content-Length"));
    }

    @Test
    void theApplicationsLengthIsDroppedWhenThePageIsCommittedBeforeItsEnd() throws Exception {
        HttpTester.Response response = alice.get("/length-then-flush");
        Spliced.assertLoginBlock(Spliced.insertedBlock(PAGE.getBytes(StandardCharsets.UTF_8),
                response.getContentBytes()), null);
        assertNull(response.get("Content-Length"));
    }

    @Test
    void aTokenPageCarriesNoCdnCachingHeaders() throws Exception {
        HttpTester.Response response = alice.get("/cdn");
        assertTrue(Tokens.hasToken(response.getContent()));
        assertNull(response.get("CDN-Cache-Control"));
        assertNull(response.get("Surrogate-Control"));
        assertNull(response.get("Cloudflare-CDN-Cache-Control"));
        assertEquals("no-store, private", response.get("Cache-Control"));
    }

    @Test
    void anAsyncPageWrittenThroughTheContainersOwnResponseIsSpliced() throws Exception {
        HttpTester.Response response = alice.get("/async");
        assertEquals(200, response.getStatus());
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
