package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.FilterProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token is minted only for a response that carries it: resolving who the visitor is (which a
 * conditional request header on a static file needs) never mints.
 */
class MintOnlyForTokenPagesTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    static final String CSS = "body { color: #333; }\n";

    @TempDir
    static Path files;

    private static WidgetServer server;
    private static final AtomicLong mintedAtFirstByte = new AtomicLong(-1);

    @BeforeAll
    static void start() throws Exception {
        Files.write(files.resolve("logo.png"), PNG);
        Files.write(files.resolve("site.css"), CSS.getBytes(StandardCharsets.UTF_8));
        Files.write(files.resolve("static.html"),
                "<html><body>static</body></html>".getBytes(StandardCharsets.UTF_8));
        server = new WidgetServer()
                .page("/home", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write("<html><body>home</body></html>");
                })
                .page("/streamed", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write("<html><body><h1>Orders</h1>");
                    res.flushBuffer();
                    mintedAtFirstByte.set(minted());
                    res.getWriter().write("<p>rows</p></body></html>");
                })
                .page("/data.json", (req, res) -> {
                    res.setContentType("application/json");
                    res.getWriter().write("{\"a\":1}");
                })
                .staticFiles(files)
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static long minted() {
        return FilterProbe.runtime(server.filter()).tokensMinted();
    }

    private static Browser signedIn() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        return browser;
    }

    @Test
    void aSignedInRequestForAnImageOrStylesheetMintsNothingAndIsServedAsIs() throws Exception {
        Browser browser = signedIn();
        long before = minted();
        HttpTester.Response png = browser.get("/logo.png");
        HttpTester.Response css = browser.get("/site.css", "If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT");
        HttpTester.Response etag = browser.get("/site.css", "If-None-Match: \"anything\"");
        assertEquals(200, png.getStatus());
        assertArrayEquals(PNG, png.getContentBytes());
        assertEquals(200, css.getStatus());
        assertEquals(CSS, css.getContent());
        assertEquals(200, etag.getStatus());
        assertEquals(before, minted(), "no token for an image or a stylesheet");
    }

    @Test
    void aRevalidatedImageAnswers304WithoutMinting() throws Exception {
        Browser browser = signedIn();
        String validator = browser.get("/logo.png").get("Last-Modified");
        long before = minted();
        HttpTester.Response again = browser.get("/logo.png", "If-Modified-Since: " + validator,
                "Accept: image/avif,image/webp,*/*");
        assertEquals(304, again.getStatus());
        assertEquals(before, minted());
    }

    @Test
    void aSignedInBrowserNavigatingToAPageGetsItWholeInsteadOfA304() throws Exception {
        Browser browser = signedIn();
        String validator = browser.get("/static.html").get("Last-Modified");
        HttpTester.Response page = browser.get("/static.html", "If-Modified-Since: " + validator,
                "Accept: text/html,*/*;q=0.8");
        assertEquals(200, page.getStatus());
        assertTrue(page.getContent().contains("loginUser"), page.getContent());
    }

    @Test
    void aRequestWithoutAcceptOrFetchDestinationCountsAsANavigation() throws Exception {
        // A cache in front that forwards the cookie but not Accept must not get an old anonymous copy.
        Browser browser = signedIn();
        String validator = browser.get("/static.html").get("Last-Modified");
        HttpTester.Response page = browser.get("/static.html", "If-Modified-Since: " + validator);
        assertEquals(200, page.getStatus());
        assertTrue(page.getContent().contains("loginUser"), page.getContent());
    }

    @Test
    void aFetchDestinationIsReadWithoutCaseOrSpaces() throws Exception {
        Browser browser = signedIn();
        String validator = browser.get("/static.html").get("Last-Modified");
        HttpTester.Response page = browser.get("/static.html", "If-Modified-Since: " + validator,
                "Sec-Fetch-Dest:  Document ");
        assertEquals(200, page.getStatus());
        assertTrue(page.getContent().contains("loginUser"), page.getContent());
    }

    @Test
    void jsonOfASignedInVisitorMintsNothing() throws Exception {
        Browser browser = signedIn();
        long before = minted();
        HttpTester.Response json = browser.get("/data.json");
        assertEquals("{\"a\":1}", json.getContent());
        assertEquals(before, minted());
    }

    @Test
    void eachPageThatCarriesATokenMintsExactlyOne() throws Exception {
        Browser browser = signedIn();
        long before = minted();
        HttpTester.Response page = browser.get("/home");
        HttpTester.Response file = browser.get("/static.html", "If-None-Match: \"x\"");
        assertTrue(page.getContent().contains("loginUser"), page.getContent());
        assertTrue(file.getContent().contains("loginUser"), file.getContent());
        assertEquals(before + 2, minted());
    }

    @Test
    void aPageOfAVisitorTheBrowserAlreadyRecordsMintsItsTokenAfterTheFirstByteLeft() throws Exception {
        Browser browser = signedIn();
        browser.get("/home");
        long before = minted();
        HttpTester.Response page = browser.get("/streamed");
        assertEquals(before, mintedAtFirstByte.get(), "nothing minted before the flushed first byte");
        assertEquals(before + 1, minted());
        assertEquals(null, page.get("Set-Cookie"), "the browser's record stays as it is");
        assertEquals("no-store, private", page.get("Cache-Control"));
        Tokens.verifyFor(Tokens.inPage(page.getContent()), "1001");
    }

    @Test
    void theFirstPageAfterSignInMintsBeforeItsFirstByteAsItsMarkerDependsOnIt() throws Exception {
        Browser browser = signedIn();
        long before = minted();
        HttpTester.Response page = browser.get("/streamed");
        assertEquals(before + 1, mintedAtFirstByte.get());
        assertEquals(before + 1, minted());
        assertTrue(page.get("Set-Cookie").startsWith("zwidget_signed_in="), page.get("Set-Cookie"));
        Tokens.verifyFor(Tokens.inPage(page.getContent()), "1001");
    }
}
