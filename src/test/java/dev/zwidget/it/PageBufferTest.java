package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page that gets the widget leaves in one write with its exact length when it fits
 * {@code PageBuffer.SIZE}, although it is larger than the container's own buffer (Jetty's 32 KB
 * here), where the same page without the filter is committed early and sent in chunks. What the
 * application can observe stays as without the filter: the buffer size it reads, its own choice
 * of size, and the truncated response of a page that fails after the container's buffer.
 */
class PageBufferTest {

    private static final byte[] PAGE = page(50_000);
    private static final AtomicInteger SEEN_SIZE = new AtomicInteger();
    private static final AtomicInteger REPORT_SIZE = new AtomicInteger();
    /** Whether the report was committed after its first 40 000 bytes. */
    private static final AtomicInteger COMMITTED_AT_40K = new AtomicInteger(-1);
    private static final Map<WidgetServer, Integer> ports = new ConcurrentHashMap<>();

    private static SideBySide servers;

    @BeforeAll
    static void start() throws Exception {
        servers = SideBySide.start(PageBufferTest::pages);
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
    }

    private static WidgetServer pages(WidgetServer server) {
        return server.page("/page", (req, res) -> write(res, PAGE.length))
                .page("/small-buffer", (req, res) -> {
                    res.setBufferSize(4096);
                    write(res, PAGE.length);
                })
                .page("/report", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    byte[] report = page(REPORT_SIZE.get());
                    var out = res.getOutputStream();
                    for (int i = 0; i < report.length; i += 8000) {
                        out.write(report, i, Math.min(8000, report.length - i));
                        if (i + 8000 == 40_000) {
                            COMMITTED_AT_40K.set(res.isCommitted() ? 1 : 0);
                        }
                    }
                })
                .page("/fails", (req, res) -> {
                    write(res, 40_000);
                    throw new IllegalStateException("the page fails after 40 000 bytes");
                });
    }

    private static void write(HttpServletResponse res, int length) throws IOException {
        res.setContentType("text/html;charset=UTF-8");
        var out = res.getOutputStream();
        for (int i = 0; i < length; i += 8192) {
            out.write(PAGE, i, Math.min(8192, length - i));
            SEEN_SIZE.set(res.getBufferSize());
        }
    }

    @Test
    void aSignedInPageOfFiftyKilobytesLeavesWithItsExactLengthInsteadOfChunks() throws Exception {
        String without = head(servers.withoutFilter, "/page", null);
        assertTrue(without.contains("\r\nTransfer-Encoding: chunked\r\n"), "the container alone commits at 32 KB");
        assertArrayEquals(PAGE, servers.plain.get("/page").getContentBytes());

        HttpTester.Response with = servers.signedIn.get("/page");
        assertEquals(200, with.getStatus());
        byte[] body = with.getContentBytes();
        Spliced.assertLoginBlock(Spliced.insertedBlock(PAGE, body), null);
        String head = head(servers.withFilter, "/page", "JSESSIONID=" + servers.signedIn.cookie("JSESSIONID"));
        assertTrue(head.contains("\r\nContent-Length: " + body.length + "\r\n"), head);
        assertFalse(head.contains("Transfer-Encoding"), head);
    }

    /** The head of a GET over a real socket, as the container framed it. */
    private static String head(WidgetServer server, String path, String cookie) throws Exception {
        int port = ports.computeIfAbsent(server, s -> {
            try {
                return s.openHttpPort();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + WidgetServer.CONTEXT + path + " HTTP/1.1\r\nHost: test\r\n"
                    + "Accept: text/html\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            // Kept alive (a closing connection is framed by its end instead): read the head only.
            var in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            return head.substring(0, head.length() - 2);
        }
    }

    @Test
    void aPathWhosePageOutgrewTheEnlargedBufferStreamsFromTheContainersSizeNextTime() throws Exception {
        REPORT_SIZE.set(200_000);
        assertEquals(true, committedAt40k(servers.plain), "the container alone commits at 32 KB");
        assertEquals(false, committedAt40k(servers.signedIn), "the first render is enlarged");
        assertEquals(true, committedAt40k(servers.signedIn), "the path is now known to be large");
        HttpTester.Response large = servers.signedIn.get("/report");
        Spliced.assertLoginBlock(Spliced.insertedBlock(page(200_000), large.getContentBytes()), null);

        REPORT_SIZE.set(50_000);
        assertEquals(true, committedAt40k(servers.signedIn), "still streamed: the last page was large");
        assertEquals(false, committedAt40k(servers.signedIn), "the page fits again: enlarged");
        String head = head(servers.withFilter, "/report", "JSESSIONID=" + servers.signedIn.cookie("JSESSIONID"));
        assertTrue(head.contains("\r\nContent-Length: "), head);
    }

    private static boolean committedAt40k(Browser client) throws Exception {
        COMMITTED_AT_40K.set(-1);
        assertEquals(200, client.get("/report").getStatus());
        int seen = COMMITTED_AT_40K.get();
        assertTrue(seen >= 0, "the report passed 40 000 bytes");
        return seen == 1;
    }

    @Test
    void thePageReadsTheBufferSizeTheContainerChose() throws Exception {
        SEEN_SIZE.set(-1);
        servers.plain.get("/page");
        int containers = SEEN_SIZE.get();
        assertTrue(containers > 0, "the page read a size");
        SEEN_SIZE.set(-1);
        servers.signedIn.get("/page");
        assertEquals(containers, SEEN_SIZE.get());
    }

    @Test
    void aBufferSizeThePageChoseIsKept() throws Exception {
        HttpTester.Response with = servers.signedIn.get("/small-buffer");
        assertEquals(4096, SEEN_SIZE.get());
        String head = head(servers.withFilter, "/small-buffer", "JSESSIONID=" + servers.signedIn.cookie("JSESSIONID"));
        assertTrue(head.contains("\r\nTransfer-Encoding: chunked\r\n"), head);
        Spliced.assertLoginBlock(Spliced.insertedBlock(PAGE, with.getContentBytes()), null);
    }

    @Test
    void aPageFailingPastTheContainersBufferIsCommittedAndCutAsWithoutTheFilter() throws Exception {
        HttpTester.Response without = servers.plain.get("/fails");
        HttpTester.Response with = servers.signedIn.get("/fails");
        assertEquals(without.getStatus(), with.getStatus());
        byte[] cut = without.getContentBytes();
        assertArrayEquals(Arrays.copyOf(PAGE, cut.length), cut);
        // Every byte the client gets without the filter, and the rest of what the page wrote.
        byte[] got = with.getContentBytes();
        assertTrue(got.length >= cut.length && got.length <= 40_000, "got " + got.length);
        assertArrayEquals(Arrays.copyOf(PAGE, got.length), got);
    }

    private static byte[] page(int size) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><title>Orders</title></head><body>\n");
        for (int row = 0; page.length() < size - 30; row++) {
            page.append("<p class=\"order\">order ").append(row).append(", caf\u00e9</p>\n");
        }
        return page.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
