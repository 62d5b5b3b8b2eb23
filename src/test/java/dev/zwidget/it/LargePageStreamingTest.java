package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A 10 MB page over a real HTTP port: its first bytes must reach the client while the servlet is
 * still writing (the servlet waits for the client before writing the rest), and writing it must
 * not allocate anything near the page's size.
 */
class LargePageStreamingTest {

    static final int SIZE = 10 * 1024 * 1024;
    static final int CHUNK = 8192;

    @Test
    void streamsATenMegabytePageAndStillInsertsBeforeItsEnd() throws Exception {
        byte[] head = "<html><body>".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "</body></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < CHUNK; i += 100) {
            chunk[i] = '<';
        }
        int chunks = SIZE / CHUNK;
        CountDownLatch clientHasFirstBytes = new CountDownLatch(1);
        AtomicLong allocated = new AtomicLong(-1);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        WidgetServer server = new WidgetServer().page("/big", (req, res) -> {
            res.setContentType("text/html;charset=UTF-8");
            var out = res.getOutputStream();
            long before = threads.getCurrentThreadAllocatedBytes();
            out.write(head);
            for (int i = 0; i < chunks; i++) {
                out.write(chunk);
                if (i == chunks / 10
                        && !clientHasFirstBytes.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the client saw nothing of the first megabyte");
                }
            }
            out.write(tail);
            allocated.set(threads.getCurrentThreadAllocatedBytes() - before);
        }).start();
        try {
            int port = server.openHttpPort();
            Browser browser = new Browser(server);
            browser.get("/login?user=alice");
            String session = browser.cookie("JSESSIONID");

            HttpURLConnection connection = (HttpURLConnection) URI.create(
                    "http://127.0.0.1:" + port + WidgetServer.CONTEXT + "/big").toURL().openConnection();
            connection.setRequestProperty("Cookie", "JSESSIONID=" + session);
            connection.setReadTimeout(60_000);
            ByteArrayOutputStream received = new ByteArrayOutputStream(SIZE + 4096);
            try (InputStream in = connection.getInputStream()) {
                byte[] buffer = new byte[65536];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                    if (received.size() >= 64 * 1024) {
                        clientHasFirstBytes.countDown();
                    }
                }
            }
            assertEquals(200, connection.getResponseCode());

            ByteArrayOutputStream original = new ByteArrayOutputStream(SIZE + 64);
            original.write(head);
            for (int i = 0; i < chunks; i++) {
                original.write(chunk);
            }
            original.write(tail);
            byte[] body = received.toByteArray();
            String block = Spliced.insertedBlock(original.toByteArray(), body);
            Tokens.verifyFor(Spliced.assertLoginBlock(block, null), "1001");
            System.out.println("allocated while writing 10 MB: " + allocated.get());
            assertTrue(allocated.get() >= 0);
            assertTrue(allocated.get() < 2 * 1024 * 1024,
                    "writing 10 MB allocated " + allocated.get() + " bytes on the request thread");
        } finally {
            server.close();
        }
    }

    @Test
    void aPageCanStillSeeThatTheClientWentAway() throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean noticed = new java.util.concurrent.atomic.AtomicBoolean();
        char[] chunk = new char[CHUNK];
        Arrays.fill(chunk, 'x');
        WidgetServer server = new WidgetServer().page("/endless", (req, res) -> {
            res.setContentType("text/html;charset=UTF-8");
            var out = res.getWriter();
            out.write("<html><body>");
            try {
                for (int i = 0; i < 20_000 && !noticed.get(); i++) {
                    out.write(chunk);
                    out.flush();
                    noticed.set(out.checkError());
                }
            } finally {
                finished.countDown();
            }
        }).start();
        try {
            int port = server.openHttpPort();
            Browser browser = new Browser(server);
            browser.get("/login?user=alice");
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(("GET " + WidgetServer.CONTEXT + "/endless HTTP/1.1\r\nHost: t\r\n"
                        + "Cookie: JSESSIONID=" + browser.cookie("JSESSIONID") + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getInputStream().read(new byte[4096]);
                socket.setSoLinger(true, 0);
            }
            assertTrue(finished.await(60, TimeUnit.SECONDS));
            assertTrue(noticed.get(), "PrintWriter.checkError() reported the closed connection");
        } finally {
            server.close();
        }
    }

    @Test
    void theDocumentIsCompleteWhenItHasNoBodyEndTag() throws Exception {
        byte[] page = "<html><p>".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        try (WidgetServer server = new WidgetServer().page("/nobody", (req, res) -> {
            res.setContentType("text/html");
            res.getOutputStream().write(page);
        }).start()) {
            Browser browser = new Browser(server);
            browser.get("/login?user=alice");
            assertArrayEquals(page, browser.get("/nobody").getContentBytes());
        }
    }
}
