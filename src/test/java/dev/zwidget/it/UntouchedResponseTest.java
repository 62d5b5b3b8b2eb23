package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.zwidget.FilterProbe;
import dev.zwidget.ZendeskWidgetFilter;
import dev.zwidget.internal.html.WidgetRequest;
import dev.zwidget.internal.html.WidgetResponse;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every response the filter must not touch is compared, status, headers and bytes, with the
 * same servlet's response on a server without the filter, for a signed-in visitor.
 */
class UntouchedResponseTest {

    static final String HTML = "<html><body><p>page</p></body></html>";

    private static WidgetServer filtered;
    private static WidgetServer plain;
    private static Browser withFilter;
    private static Browser withoutFilter;

    static WidgetServer pages(WidgetServer server) {
        return server
                .param("excludePaths", "/api/*, *.txt")
                .page("/redirect", (req, res) -> {
                    res.setContentType("text/html");
                    res.sendRedirect("/elsewhere");
                })
                .page("/not-found", (req, res) -> res.sendError(404))
                .page("/failed", (req, res) -> {
                    res.setStatus(500);
                    res.setContentType("text/html");
                    res.getWriter().write(HTML);
                })
                .page("/json", (req, res) -> {
                    byte[] json = "{\"html\":\"</body>\"}".getBytes(StandardCharsets.UTF_8);
                    res.setContentType("application/json");
                    res.addHeader("Content-Length", Integer.toString(json.length));
                    res.getOutputStream().write(json);
                })
                .page("/download", (req, res) -> {
                    res.setContentType("text/html");
                    res.setHeader("Content-Disposition", "attachment; filename=\"page.html\"");
                    res.setContentLength(HTML.length());
                    res.getOutputStream().write(HTML.getBytes(StandardCharsets.US_ASCII));
                })
                .page("/gzipped", (req, res) -> {
                    res.setContentType("text/html");
                    res.setHeader("Content-Encoding", "gzip");
                    res.getOutputStream().write(new byte[] {0x1f, (byte) 0x8b, 8, 0, '<', '/', 'b', 'o', 'd', 'y', '>'});
                })
                .page("/utf16", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-16");
                    res.getOutputStream().write(HTML.getBytes(StandardCharsets.UTF_16));
                })
                .page("/bom", (req, res) -> {
                    res.setContentType("text/html");
                    res.getOutputStream().write(withBom(HTML));
                })
                .page("/plain", (req, res) -> {
                    res.setContentType("text/plain");
                    res.getWriter().write(HTML);
                })
                .page("/page", (req, res) -> {
                    res.setContentType("text/html");
                    res.setContentLength(HTML.length());
                    res.getWriter().write(HTML);
                })
                .page("/api/page", (req, res) -> {
                    res.setContentType("text/html");
                    res.getWriter().write(HTML);
                })
                .page("/notes.txt", (req, res) -> {
                    res.setContentType("text/html");
                    res.getWriter().write(HTML);
                })
                .page("/skipped", (req, res) -> {
                    ZendeskWidgetFilter.skip(req);
                    res.setContentType("text/html");
                    res.getWriter().write(HTML);
                })
                .page("/empty", (req, res) -> {
                    res.setContentType("text/html");
                    res.setContentLength(0);
                });
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    @BeforeAll
    static void start() throws Exception {
        filtered = pages(new WidgetServer()).start();
        plain = pages(new WidgetServer().withoutFilter()).start();
        withFilter = new Browser(filtered);
        withoutFilter = new Browser(plain);
        withFilter.get("/login?user=alice");
        withoutFilter.get("/login?user=alice");
    }

    @AfterAll
    static void stop() throws Exception {
        filtered.close();
        plain.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "GET|/redirect|",
        "GET|/not-found|",
        "GET|/failed|",
        "GET|/json|",
        "GET|/download|",
        "GET|/gzipped|",
        "GET|/utf16|",
        "GET|/bom|",
        "GET|/plain|",
        "POST|/page|",
        "HEAD|/plain|",
        "GET|/page|X-Requested-With: XMLHttpRequest",
        "GET|/page|Accept: application/json",
        "GET|/api/page|",
        "GET|/notes.txt|",
        "GET|/skipped|",
        "GET|/empty|",
    })
    void passesTheResponseThroughByteForByteHeadersIncluded(String method, String path, String header)
            throws Exception {
        String[] headers = header == null ? new String[0] : new String[] {header};
        HttpTester.Response expected = withoutFilter.send(method, path, headers);
        HttpTester.Response actual = withFilter.send(method, path, headers);
        assertEquals(expected.getStatus(), actual.getStatus());
        assertEquals(headersOf(expected), headersOf(actual));
        assertArrayEquals(expected.getContentBytes(), actual.getContentBytes());
        assertFalse(actual.getContent().contains("ze-snippet"));
    }

    @Test
    void aRequestAnEarlierFilterSkippedIsNeitherWrappedNorRenderedAsAPage() throws Exception {
        try (WidgetServer server = skippingServer().start()) {
            Browser browser = new Browser(server);
            browser.get("/login?user=alice");
            HttpTester.Response page = browser.get("/seen?skip");
            assertEquals("<html><body>skipped by the application false false</body></html>", page.getContent());
            assertEquals(Long.valueOf(1), FilterProbe.runtime(server.filter()).stats().skippedByReason()
                    .get("skipped by the application"));
        }
    }

    @Test
    void theOptOutIsReportedAfterTheRequestsOwnReasonsAndBeforeItsBrand() throws Exception {
        try (WidgetServer server = skippingServer().param("excludePaths", "/api/*").param("brands", "beta")
                .param("unknownHost", "none").param("brand.beta.hosts", "beta.test")
                .param("brand.beta.widgetKey", "beta-widget-key").param("brand.beta.keyId", "app_beta")
                .param("brand.beta.secret", "beta-brand-secret-for-tests").start()) {
            Browser browser = new Browser(server);
            String beta = "Host: beta.test";
            assertEquals("method POST false false", reason(browser.post("/seen?skip", beta)));
            assertEquals("excluded path false false", reason(browser.get("/api/seen?skip", beta)));
            assertEquals("skipped by the application false false", reason(browser.get("/seen?skip", beta)));
            assertEquals("skipped by the application false false", reason(browser.get("/seen?skip", "Host: elsewhere.test")));
            assertEquals("no brand for this host false false", reason(browser.get("/seen", "Host: elsewhere.test")));
            assertEquals("wrapped true true", reason(browser.get("/seen", beta)));
        }
    }

    /** A server whose page shows what the filter decided for it, behind a filter that opts out on {@code ?skip}. */
    private static WidgetServer skippingServer() {
        Filter skipper = (req, res, chain) -> {
            if (req.getParameter("skip") != null) {
                ZendeskWidgetFilter.skip(req);
            }
            chain.doFilter(req, res);
        };
        WidgetServer.Page seen = (req, res) -> {
            res.setContentType("text/html");
            Object decided = req.getAttribute(WidgetRequest.ATTRIBUTE);
            res.getWriter().write("<html><body>" + (decided instanceof String ? decided : "wrapped") + " "
                    + (req instanceof WidgetRequest) + " " + (res instanceof WidgetResponse) + "</body></html>");
        };
        return new WidgetServer().filterFirst(skipper).page("/seen", seen).page("/api/seen", seen);
    }

    /** What the page wrote before its end, where the widget's block may follow. */
    private static String reason(HttpTester.Response page) {
        String content = page.getContent();
        return content.substring("<html><body>".length(), content.indexOf('<', "<html><body>".length()));
    }

    private static List<String> headersOf(HttpTester.Response response) {
        List<String> headers = new ArrayList<>();
        for (HttpField field : response) {
            if (!field.getName().equalsIgnoreCase("Date")) {
                headers.add(field.getName() + ": " + field.getValue());
            }
        }
        return headers;
    }
}
