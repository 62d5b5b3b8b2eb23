package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page written a few bytes at a time, whose writes the filter gathers before they reach the
 * container: whatever the page can see of the container's buffer (a flush, a refused buffer
 * size, an error page, a redirect) comes out as it does without the filter.
 */
class SmallWritesTest {

    private static final byte[] END = "</body></html>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROW = "<p class=\"row\">row</p>\n".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, CountDownLatch> CLIENT_HAS_ROWS = new ConcurrentHashMap<>();
    /** What the page saw, per server. */
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    private static SideBySide servers;

    @BeforeAll
    static void start() throws Exception {
        servers = SideBySide.start(server -> server
                .page("/flushed", (req, res) -> {
                    OutputStream out = rows(res, 3);
                    out.flush();
                    try {
                        if (!CLIENT_HAS_ROWS.get(key(server, "/flushed")).await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the client never got the flushed rows");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.write(END);
                })
                .page("/buffer-size-late", (req, res) -> {
                    OutputStream out = rows(res, 3);
                    attempt(server, "/buffer-size-late", () -> res.setBufferSize(100_000));
                    out.write(END);
                })
                .page("/own-buffer", (req, res) -> {
                    res.setBufferSize(4096);
                    OutputStream out = rows(res, 0);
                    int written = 0;
                    while (!res.isCommitted()) {
                        out.write(ROW);
                        written += ROW.length;
                    }
                    SEEN.put(key(server, "/own-buffer"), "committed after " + written);
                    out.write(END);
                })
                .page("/forward-after-flush", (req, res) -> {
                    OutputStream out = rows(res, 3);
                    out.flush();
                    for (int i = 0; i < 10; i++) {
                        out.write(ROW);
                    }
                    attempt(server, "/forward-after-flush",
                            () -> req.getRequestDispatcher("/elsewhere").forward(req, res));
                    out.write(END);
                })
                .page("/elsewhere", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getOutputStream().write("<html><body>elsewhere</body></html>".getBytes(StandardCharsets.UTF_8));
                })
                .page("/reset-past-own-buffer", (req, res) -> {
                    res.setBufferSize(4096);
                    OutputStream out = rows(res, 4300 / ROW.length);
                    attempt(server, "/reset-past-own-buffer", res::resetBuffer);
                    out.write(END);
                })
                .page("/error-past-own-buffer", (req, res) -> {
                    res.setBufferSize(4096);
                    OutputStream out = rows(res, 4300 / ROW.length);
                    attempt(server, "/error-past-own-buffer", () -> res.sendError(409, "taken"));
                    out.write(END);
                })
                .page("/stream-between-writer", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    OutputStream stream = res.getOutputStream();
                    stream.write("<p>draft</p>".getBytes(StandardCharsets.UTF_8));
                    res.reset();
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write("<html><body>a");
                    res.getWriter().flush();
                    // The page's old stream, still at hand, between two writes of the writer.
                    stream.write("B".getBytes(StandardCharsets.UTF_8));
                    res.getWriter().write("c</body></html>");
                    SEEN.put(key(server, "/stream-between-writer"), "done");
                })
                .page("/write-after-close", (req, res) -> {
                    OutputStream out = rows(res, 1);
                    out.write(END);
                    out.close();
                    attempt(server, "/write-after-close", () -> out.write(ROW));
                })
                .page("/error-after-rows", (req, res) -> {
                    rows(res, 3);
                    res.sendError(409, "taken");
                })
                .page("/redirect-after-rows", (req, res) -> {
                    rows(res, 3);
                    res.sendRedirect("/elsewhere");
                }));
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
    }

    /** A call the container may refuse. */
    private interface Call {
        void run() throws IOException, ServletException;
    }

    /** Records whether the container took the call ("done") or refused it, as it says it must. */
    private static void attempt(WidgetServer server, String path, Call call) throws IOException, ServletException {
        try {
            call.run();
            SEEN.put(key(server, path), "done");
        } catch (IllegalStateException | IOException e) {
            SEEN.put(key(server, path), "refused");
        }
    }

    private static OutputStream rows(HttpServletResponse res, int count) throws IOException {
        res.setContentType("text/html;charset=UTF-8");
        OutputStream out = res.getOutputStream();
        out.write("<html><body>".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < count; i++) {
            out.write(ROW);
        }
        return out;
    }

    private static String key(WidgetServer server, String path) {
        return System.identityHashCode(server) + path;
    }

    /** What the page saw; a page that goes on after its response is complete may still be at it. */
    private static String seen(WidgetServer server, String path) throws InterruptedException {
        for (int i = 0; i < 500 && !SEEN.containsKey(key(server, path)); i++) {
            Thread.sleep(10);
        }
        return SEEN.get(key(server, path));
    }

    @Test
    void smallWritesReachTheClientWhenThePageFlushes() throws Exception {
        String rows = "<html><body>" + new String(ROW, StandardCharsets.UTF_8).repeat(3);
        for (WidgetServer server : new WidgetServer[] {servers.withoutFilter, servers.withFilter}) {
            CountDownLatch clientHasRows = new CountDownLatch(1);
            CLIENT_HAS_ROWS.put(key(server, "/flushed"), clientHasRows);
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:"
                    + server.openHttpPort() + WidgetServer.CONTEXT + "/flushed").toURL().openConnection();
            if (server == servers.withFilter) {
                connection.setRequestProperty("Cookie", "JSESSIONID=" + servers.signedIn.cookie("JSESSIONID"));
            }
            // The page waits for the client: rows held back by the filter would time this out.
            connection.setReadTimeout(10_000);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try (InputStream in = connection.getInputStream()) {
                byte[] buffer = new byte[4096];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                    if (received.toString(StandardCharsets.UTF_8).startsWith(rows)) {
                        clientHasRows.countDown();
                    }
                }
            }
            assertEquals(0, clientHasRows.getCount(), "the rows arrived before the page ended");
            assertTrue(received.toString(StandardCharsets.UTF_8).endsWith("</body></html>"));
        }
    }

    @Test
    void aBufferSizeSetAfterSmallWritesIsRefusedAsWithoutTheFilter() throws Exception {
        servers.plain.get("/buffer-size-late");
        HttpTester.Response with = servers.signedIn.get("/buffer-size-late");
        assertEquals("refused", seen(servers.withoutFilter, "/buffer-size-late"));
        assertEquals("refused", seen(servers.withFilter, "/buffer-size-late"));
        assertEquals(200, with.getStatus());
    }

    @Test
    void aPageThatChoseItsBufferSizeSeesTheCommitAfterTheSameRowAsWithoutTheFilter() throws Exception {
        servers.plain.get("/own-buffer");
        HttpTester.Response with = servers.signedIn.get("/own-buffer");
        String without = seen(servers.withoutFilter, "/own-buffer");
        assertTrue(without.startsWith("committed after 4"), without);
        assertEquals(without, seen(servers.withFilter, "/own-buffer"));
        assertEquals(200, with.getStatus());
    }

    /** The page's body and what it saw, with and without the filter, the block taken out. */
    private static void assertSameAsWithoutTheFilter(String path) throws Exception {
        SEEN.remove(key(servers.withoutFilter, path));
        SEEN.remove(key(servers.withFilter, path));
        HttpTester.Response without = servers.plain.get(path);
        HttpTester.Response with = servers.signedIn.get(path);
        assertEquals(without.getStatus(), with.getStatus());
        assertEquals(seen(servers.withoutFilter, path), seen(servers.withFilter, path));
        byte[] withBody = with.getContentBytes();
        if (!Arrays.equals(without.getContentBytes(), withBody)) {
            Spliced.assertLoginBlock(Spliced.insertedBlock(without.getContentBytes(), withBody), null);
        }
    }

    /**
     * Calls a container refuses once the response is committed or closed, made after small
     * writes: refused with the filter too, and the page goes on with every byte it wrote.
     * A forward after a flush, a buffer reset and an error page past the page's own buffer
     * size, a write after the stream was closed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/forward-after-flush", "/reset-past-own-buffer", "/error-past-own-buffer",
        "/write-after-close"})
    void aCallTheContainerRefusesAfterSmallWritesIsRefusedAsWithoutTheFilter(String path) throws Exception {
        assertSameAsWithoutTheFilter(path);
        assertEquals("refused", seen(servers.withFilter, path));
    }

    @Test
    void aStreamWriteBetweenTwoWriterWritesKeepsItsPlace() throws Exception {
        HttpTester.Response without = servers.plain.get("/stream-between-writer");
        assertEquals("<html><body>aBc</body></html>", without.getContent());
        assertSameAsWithoutTheFilter("/stream-between-writer");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/error-after-rows, 409", "/redirect-after-rows, 302"})
    void anErrorPageOrRedirectAfterSmallWritesIsTheContainersOwn(String path, int status) throws Exception {
        HttpTester.Response without = servers.plain.get(path);
        HttpTester.Response with = servers.signedIn.get(path);
        assertEquals(status, without.getStatus());
        assertEquals(without.getStatus(), with.getStatus());
        assertEquals(without.get("Location"), with.get("Location"));
        assertEquals(without.getContent(), with.getContent());
    }
}
