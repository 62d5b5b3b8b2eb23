package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The defects an adversarial run found, each a page a real application writes, each compared
 * with the same servlet on a server without the filter.
 */
class PageFidelityTest {

    private static SideBySide servers;

    @BeforeAll
    static void start() throws Exception {
        servers = SideBySide.start(PageFidelityTest::pages);
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
    }

    static byte[] hundredKilobytesWithBodyEndNear50k() {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes("<html><body>".getBytes(StandardCharsets.US_ASCII));
        byte[] line = "<p>0123456789 abcdefghijklmnopqrstuvwxyz</p>\n".getBytes(StandardCharsets.US_ASCII);
        while (page.size() < 50_000) {
            page.writeBytes(line);
        }
        page.writeBytes("</body>".getBytes(StandardCharsets.US_ASCII));
        while (page.size() < 100_000) {
            page.writeBytes(line);
        }
        return page.toByteArray();
    }

    private static WidgetServer pages(WidgetServer server) {
        return server
                .page("/stream-print", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getOutputStream().print("<html><body>\uC5B4 caf\u00e9</body></html>");
                })
                .page("/stream-print-flushed", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getOutputStream().print("<html><body>");
                    res.getOutputStream().flush();
                    res.getOutputStream().println("\uC5B4 caf\u00e9");
                    res.getOutputStream().print(42);
                    res.getOutputStream().print('\u00e9');
                    res.getOutputStream().print("</body></html>");
                })
                .page("/json-print", (req, res) -> {
                    res.setContentType("application/json;charset=UTF-8");
                    res.getOutputStream().print("{\"name\":\"Jos\u00e9\"}");
                })
                .page("/printf-locale", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.setLocale(Locale.GERMANY);
                    res.getWriter().printf("<html><body>%,d", 8646456);
                    res.getWriter().format(" %.2f</body></html>", 3.5);
                })
                .page("/refused-send-error", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    byte[] page = hundredKilobytesWithBodyEndNear50k();
                    res.getOutputStream().write(page, 0, 50_100);
                    res.flushBuffer();
                    assertThrows(IllegalStateException.class, () -> res.sendError(404));
                    assertThrows(IllegalStateException.class, () -> res.sendRedirect("/elsewhere"));
                    res.getOutputStream().write(page, 50_100, page.length - 50_100);
                })
                .page("/exception-after-commit", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    byte[] line = "<p>0123456789 abcdefghijklmnopqrstuvwxyz</p>\n".getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 3000; i++) {
                        res.getOutputStream().write(line);
                    }
                    res.getOutputStream().write("</body>".getBytes(StandardCharsets.US_ASCII));
                    res.flushBuffer();
                    for (int i = 0; i < 1000; i++) {
                        res.getOutputStream().write(line);
                    }
                    throw new IllegalStateException("the template failed half way");
                })
                .page("/bom-split", (req, res) -> {
                    // No charset in the type: only the byte order mark says the page is UTF-16.
                    res.setContentType("text/html");
                    res.setContentLength(2 + "<html><body>x</body></html>".length() * 2);
                    res.getOutputStream().write(0xFF);
                    res.getOutputStream().write(new byte[] {(byte) 0xFE});
                    res.getOutputStream().write("<html><body>x</body></html>".getBytes(StandardCharsets.UTF_16LE));
                });
    }

    private static HttpTester.Response[] both(String path) throws Exception {
        return new HttpTester.Response[] {servers.plain.get(path), servers.signedIn.get(path)};
    }

    @Test
    void defectA_streamPrintEncodesWithTheResponseCharsetAsTheContainerDoes() throws Exception {
        HttpTester.Response[] r = both("/stream-print");
        assertEquals(200, r[1].getStatus());
        String block = Spliced.insertedBlock(r[0].getContentBytes(), r[1].getContentBytes());
        Tokens.verifyFor(Spliced.assertLoginBlock(block, null), "1001");
        assertTrue(new String(r[0].getContentBytes(), StandardCharsets.UTF_8).contains("\uC5B4 caf\u00e9"));
    }

    @Test
    void defectA_streamPrintAndPrintlnAfterAFlush() throws Exception {
        HttpTester.Response[] r = both("/stream-print-flushed");
        assertEquals(200, r[1].getStatus());
        Spliced.insertedBlock(r[0].getContentBytes(), r[1].getContentBytes());
    }

    @Test
    void defectA_jsonWrittenWithPrintKeepsItsUtf8Bytes() throws Exception {
        HttpTester.Response[] r = both("/json-print");
        assertArrayEquals(r[0].getContentBytes(), r[1].getContentBytes());
        assertArrayEquals("{\"name\":\"Jos\u00e9\"}".getBytes(StandardCharsets.UTF_8), r[1].getContentBytes());
    }

    @Test
    void defectB_printfAndFormatUseTheResponseLocaleAsTheContainersWriterDoes() throws Exception {
        HttpTester.Response[] r = both("/printf-locale");
        String block = Spliced.insertedBlock(r[0].getContentBytes(), r[1].getContentBytes());
        assertNotNull(block);
        assertTrue(r[0].getContent().contains("8.646.456 3,50"), r[0].getContent());
    }

    @Test
    void defectD_aRefusedSendErrorOrRedirectLosesNoByte() throws Exception {
        HttpTester.Response[] r = both("/refused-send-error");
        assertEquals(200, r[1].getStatus());
        byte[] original = r[0].getContentBytes();
        byte[] body = r[1].getContentBytes();
        assertTrue(body.length >= original.length, "bytes lost: " + body.length + " < " + original.length);
        Spliced.insertedBlock(original, body);
    }

    @Test
    void defectE_anExceptionAfterACommittedHalfPageLosesNoMoreThanWithoutTheFilter() throws Exception {
        int plainPort = servers.withoutFilter.openHttpPort();
        int filteredPort = servers.withFilter.openHttpPort();
        byte[] without = RawHttp.bodyUntilAbort(plainPort, "/app/exception-after-commit", null);
        byte[] with = RawHttp.bodyUntilAbort(filteredPort, "/app/exception-after-commit",
                "JSESSIONID=" + servers.signedIn.cookie("JSESSIONID"));
        assertTrue(without.length > 130_000, "the container sent what was written: " + without.length);
        assertTrue(with.length >= without.length, "lost bytes: " + with.length + " < " + without.length);
        assertArrayEquals(without, Arrays.copyOf(with, without.length), "the same page, no block");
        assertTrue(!new String(with, StandardCharsets.US_ASCII).contains("<script"), "no block in a failed page");
    }

    @Test
    void defectG_aUtf16ByteOrderMarkSplitAcrossWritesLeavesThePageAndItsHeadersAlone() throws Exception {
        HttpTester.Response[] r = both("/bom-split");
        assertArrayEquals(r[0].getContentBytes(), r[1].getContentBytes());
        assertEquals(r[0].get("Content-Length"), r[1].get("Content-Length"));
        assertEquals(r[0].get("Cache-Control"), r[1].get("Cache-Control"));
        assertNull(r[1].get("Cache-Control"));
        assertTrue(Arrays.equals(new byte[] {(byte) 0xFF, (byte) 0xFE},
                Arrays.copyOf(r[1].getContentBytes(), 2)));
    }
}
