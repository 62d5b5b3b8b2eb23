package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caching headers are held until the page decides: a token page never carries them, even on a
 * container that ignores {@code setHeader(name, null)} as Tomcat 10.1 does; any other page gets
 * them as the application set them, and the application reads back what it set.
 */
class CachingHeadersTest {

    static final String STATIC = "<!DOCTYPE html><html><body>static</body></html>\n";
    static final long DATE = 784111777000L;

    @TempDir
    static Path webRoot;

    private static WidgetServer tomcatLike;
    private static WidgetServer filtered;
    private static WidgetServer plain;

    /** Ignores {@code setHeader(name, null)}, as Tomcat 10.1's response does. */
    static final Filter NULL_IGNORING = (req, res, chain) -> chain.doFilter(req,
            new HttpServletResponseWrapper((HttpServletResponse) res) {
                @Override
                public void setHeader(String name, String value) {
                    if (value != null) {
                        super.setHeader(name, value);
                    }
                }
            });

    static WidgetServer pages(WidgetServer server) {
        return server
                .page("/caching", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.addHeader("Cache-Control", "public");
                    res.setDateHeader("Last-Modified", DATE);
                    res.addHeader("Cache-Control", "max-age=60");
                    res.setHeader("ETag", "\"v1\"");
                    res.addDateHeader("Expires", DATE + 60_000);
                    res.addHeader("Surrogate-Control", "max-age=600");
                    res.setIntHeader("X-Count", 3);
                    res.getWriter().write("<html><body><p>read back: ETag=" + res.getHeader("ETag")
                            + " Cache-Control=" + res.getHeaders("Cache-Control")
                            + " Last-Modified=" + res.getHeader("Last-Modified")
                            + " has Pragma=" + res.containsHeader("Pragma")
                            + " names have ETag=" + res.getHeaderNames().stream().anyMatch("ETag"::equalsIgnoreCase)
                            + "</p></body></html>");
                })
                .page("/reset", (req, res) -> {
                    res.setHeader("ETag", "\"draft\"");
                    res.setDateHeader("Last-Modified", DATE);
                    res.reset();
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write("<html><body><p>etag " + res.getHeader("ETag") + "</p></body></html>");
                });
    }

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(webRoot.resolve("static.html"), STATIC, StandardCharsets.UTF_8);
        tomcatLike = new WidgetServer().filterFirst(NULL_IGNORING).staticFiles(webRoot).start();
        filtered = pages(new WidgetServer()).start();
        plain = pages(new WidgetServer().withoutFilter()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcatLike.close();
        filtered.close();
        plain.close();
    }

    @Test
    void aStaticTokenPageCarriesNoValidatorsOnAContainerThatIgnoresNullHeaders() throws Exception {
        Browser alice = new Browser(tomcatLike);
        alice.get("/login?user=alice");
        HttpTester.Response response = alice.get("/static.html");
        assertTrue(Tokens.hasToken(response.getContent()));
        assertNull(response.get("ETag"));
        assertNull(response.get("Last-Modified"));
        assertEquals(List.of("no-store, private"), response.getValuesList("Cache-Control"));
    }

    @Test
    void aStaticPageWithoutTokenKeepsItsValidatorsOnThatContainer() throws Exception {
        HttpTester.Response response = new Browser(tomcatLike).get("/static.html");
        assertTrue(response.getContent().contains("ze-snippet"));
        assertTrue(response.get("ETag") != null || response.get("Last-Modified") != null);
    }

    @Test
    void aPageWithoutTokenGetsItsCachingHeadersAsSetInOrder() throws Exception {
        HttpTester.Response expected = new Browser(plain).get("/caching");
        HttpTester.Response actual = new Browser(filtered).get("/caching");
        assertEquals(Spliced.SNIPPET_TAG, Spliced.insertedBlock(expected.getContentBytes(), actual.getContentBytes()));
        assertEquals(headersOf(expected), headersOf(actual));
    }

    @Test
    void aTokenPageReadsBackWhatItSetButSendsNone() throws Exception {
        HttpTester.Response expected = new Browser(plain).get("/caching");
        Browser alice = new Browser(filtered);
        alice.get("/login?user=alice");
        HttpTester.Response actual = alice.get("/caching");
        Spliced.assertLoginBlock(Spliced.insertedBlock(expected.getContentBytes(), actual.getContentBytes()), null);
        assertNull(actual.get("ETag"));
        assertNull(actual.get("Last-Modified"));
        // Jetty adds an Expires of 1970 itself next to a Set-Cookie: never the application's.
        assertTrue(actual.get("Expires") == null || actual.get("Expires").contains("1970"), actual.get("Expires"));
        assertNull(actual.get("Surrogate-Control"));
        assertEquals(List.of("no-store, private"), actual.getValuesList("Cache-Control"));
        assertEquals("3", actual.get("X-Count"));
    }

    @Test
    void resetForgetsHeldHeaders() throws Exception {
        HttpTester.Response expected = new Browser(plain).get("/reset");
        HttpTester.Response actual = new Browser(filtered).get("/reset");
        assertEquals(Spliced.SNIPPET_TAG, Spliced.insertedBlock(expected.getContentBytes(), actual.getContentBytes()));
        assertEquals(headersOf(expected), headersOf(actual));
    }

    /**
     * Every header but Date and the length, which a spliced page changes, grouped by name:
     * held headers reach the container later than others, and only the order within a name
     * means anything in HTTP.
     */
    private static List<String> headersOf(HttpTester.Response response) {
        List<String> headers = new ArrayList<>();
        for (HttpField field : response) {
            if (!field.getName().equalsIgnoreCase("Date") && !field.getName().equalsIgnoreCase("Content-Length")) {
                headers.add(field.getName() + ": " + field.getValue());
            }
        }
        headers.sort(java.util.Comparator.comparing(line -> line.substring(0, line.indexOf(':')).toLowerCase()));
        return headers;
    }
}
