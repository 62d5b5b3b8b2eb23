package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A signed-in visitor's HTML pages, written every way a servlet or JSP writes them. */
class SignedInPageTest {

    private static final Map<String, String> TEXT = Map.of(
            "UTF-8", "caf\u00e9 \u2014 \u65e5\u672c\u8a9e \ud83d\ude00",
            "ISO-8859-1", "na\u00efve caf\u00e9 \u00a9",
            "Shift_JIS", "\u8868\u793a \u30bd\u30d5\u30c8 \u80fd\u529b");

    private static WidgetServer server;

    static String page(String charset) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"" + charset + "\"><title>t</title></head>"
                + "<body><p>" + TEXT.get(charset) + "</p><script>var s='</body>';</script></BODY >\n</html>\n";
    }

    @BeforeAll
    static void start() throws Exception {
        server = new WidgetServer()
                .page("/writer", (req, res) -> {
                    String charset = req.getParameter("charset");
                    String page = page(charset);
                    int cut = Integer.parseInt(req.getParameter("cut"));
                    res.setContentType("text/html;charset=" + charset);
                    res.getWriter().write(page.substring(0, cut));
                    res.getWriter().write(page.substring(cut));
                })
                .page("/stream", (req, res) -> {
                    String charset = req.getParameter("charset");
                    byte[] page = page(charset).getBytes(charset);
                    int cut = Integer.parseInt(req.getParameter("cut"));
                    res.setContentType("text/html;charset=" + charset);
                    res.getOutputStream().write(page, 0, cut);
                    res.getOutputStream().write(page, cut, page.length - cut);
                })
                .page("/null-type", (req, res) -> {
                    res.setContentType(null);
                    res.setContentType("text/html");
                    res.getOutputStream().write(page("UTF-8").getBytes("UTF-8"));
                })
                .page("/length", (req, res) -> {
                    byte[] page = page("UTF-8").getBytes("UTF-8");
                    res.setContentType("text/html;charset=UTF-8");
                    switch (req.getParameter("how")) {
                        case "setContentLength" -> res.setContentLength(page.length);
                        case "setContentLengthLong" -> res.setContentLengthLong(page.length);
                        case "setHeader" -> res.setHeader("Content-Length", Integer.toString(page.length));
                        case "addHeader" -> res.addHeader("Content-Length", Integer.toString(page.length));
                        case "setIntHeader" -> res.setIntHeader("Content-Length", page.length);
                        case "addIntHeader" -> res.addIntHeader("Content-Length", page.length);
                        default -> throw new IllegalArgumentException();
                    }
                    res.getOutputStream().write(page);
                })
                .page("/flushed", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write("<html><body><p>first part</p>");
                    res.flushBuffer();
                    res.getWriter().write("<p>second part</p></body></html>");
                })
                .page("/cached", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.setHeader("Cache-Control", "public, max-age=3600");
                    res.setHeader("ETag", "\"v1\"");
                    res.setDateHeader("Last-Modified", 0);
                    res.getWriter().write("<html><body>cached</body></html>");
                    res.setHeader("Cache-Control", "public, max-age=60");
                })
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Browser signedIn(String user) throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=" + user);
        return browser;
    }

    @ParameterizedTest(name = "{0} through {1}")
    @CsvSource({"UTF-8,writer", "UTF-8,stream", "ISO-8859-1,writer", "ISO-8859-1,stream",
        "Shift_JIS,writer", "Shift_JIS,stream"})
    void insertsTheSnippetAndAVerifiableLoginBeforeTheLastBodyEndTag(String charset, String path)
            throws Exception {
        Browser browser = signedIn("alice");
        byte[] original = page(charset).getBytes(charset);
        HttpTester.Response response = browser.get("/" + path + "?charset=" + charset + "&cut=10");
        assertEquals(200, response.getStatus());
        assertEquals(("text/html;charset=" + charset).toLowerCase(),
                response.get("Content-Type").replace(" ", "").toLowerCase());
        String block = Spliced.insertedBlock(original, response.getContentBytes());
        DecodedJWT jwt = Tokens.verifyFor(Spliced.assertLoginBlock(block, null), "1001");
        assertEquals("Alice", jwt.getClaim("name").asString());
        assertEquals("alice@example.com", jwt.getClaim("email").asString());
        assertEquals(Boolean.FALSE, jwt.getClaim("email_verified").asBoolean());
        assertEquals(WidgetServer.NOW.getEpochSecond() + 300, jwt.getClaim("exp").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-8", "Shift_JIS"})
    void findsTheBodyEndTagSplitAcrossWritesAtEveryOffset(String charset) throws Exception {
        Browser browser = signedIn("alice");
        String page = page(charset);
        byte[] original = page.getBytes(charset);
        for (int cut = 0; cut <= original.length; cut++) {
            byte[] body = browser.get("/stream?charset=" + charset + "&cut=" + cut).getContentBytes();
            Spliced.assertLoginBlock(Spliced.insertedBlock(original, body), null);
        }
        for (int cut = 0; cut <= page.length(); cut++) {
            if (Character.isLowSurrogate(page.charAt(Math.min(cut, page.length() - 1)))) {
                continue;
            }
            byte[] body = browser.get("/writer?charset=" + charset + "&cut=" + cut).getContentBytes();
            Spliced.assertLoginBlock(Spliced.insertedBlock(original, body), null);
        }
    }

    @Test
    void countsAContentTypeSetToNullBeforeTheRealOne() throws Exception {
        HttpTester.Response response = signedIn("alice").get("/null-type");
        Spliced.assertLoginBlock(Spliced.insertedBlock(page("UTF-8").getBytes("UTF-8"),
                response.getContentBytes()), null);
    }

    @ParameterizedTest
    @CsvSource({"setContentLength", "setContentLengthLong", "setHeader", "addHeader", "setIntHeader",
        "addIntHeader"})
    void correctsTheContentLengthTheApplicationSet(String how) throws Exception {
        HttpTester.Response response = signedIn("alice").get("/length?how=" + how);
        byte[] body = response.getContentBytes();
        Spliced.assertLoginBlock(Spliced.insertedBlock(page("UTF-8").getBytes("UTF-8"), body), null);
        assertEquals(1, response.getValuesList("Content-Length").size(), "one Content-Length");
        assertEquals(body.length, response.getLongField("Content-Length"));
    }

    @Test
    void stillInsertsWhenThePageIsFlushedMidway() throws Exception {
        HttpTester.Response response = signedIn("alice").get("/flushed");
        byte[] original = "<html><body><p>first part</p><p>second part</p></body></html>".getBytes("UTF-8");
        Spliced.assertLoginBlock(Spliced.insertedBlock(original, response.getContentBytes()), null);
        assertNull(response.get("Content-Length"), "committed before the end, so no length");
    }

    @Test
    void makesAPageCarryingATokenUncacheableWhateverTheApplicationSays() throws Exception {
        HttpTester.Response response = signedIn("alice").get("/cached");
        assertTrue(Tokens.hasToken(response.getContent()));
        assertEquals("no-store, private", response.get("Cache-Control"));
        assertEquals(1, response.getValuesList("Cache-Control").size());
        assertNull(response.get("ETag"));
        assertNull(response.get("Last-Modified"));
    }

    @Test
    void concurrentVisitorsEachGetTheirOwnFreshToken() throws Exception {
        // A ticking clock, so that a token cached per user would show as a repeated token.
        AtomicLong tick = new AtomicLong();
        Clock ticking = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return WidgetServer.NOW.plusSeconds(tick.incrementAndGet());
            }
        };
        try (WidgetServer ticked = new WidgetServer().clock(ticking).page("/home", (req, res) -> {
            res.setContentType("text/html");
            res.getWriter().write("<html><body>home</body></html>");
        }).start()) {
            // 200 sessions of 200 users; requests as many as the page-fidelity suite has cases
            // (-Dfuzz.tries=100000 for the long run).
            int requests = Integer.getInteger("fuzz.tries", 1000);
            Browser[] visitors = new Browser[200];
            String[] ids = new String[visitors.length];
            for (int v = 0; v < visitors.length; v++) {
                visitors[v] = new Browser(ticked);
                visitors[v].get("/login?user=user" + v);
                ids[v] = Long.toString(5000L + v);
                visitors[v].get("/home"); // takes the marker cookie now: the jar is not thread-safe
            }
            Set<String> seen = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int n = 0; n < requests; n++) {
                    int v = n % visitors.length;
                    done.add(pool.submit(() -> {
                        String token = Tokens.inPage(visitors[v].get("/home").getContent());
                        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                                StandardCharsets.UTF_8);
                        assertTrue(payload.contains("\"external_id\":\"" + ids[v] + "\""), payload);
                        assertTrue(seen.add(token), "a token was handed out twice");
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(requests, seen.size());
        }
    }

    @Test
    void leavesTheCharsetToTheApplication() throws Exception {
        HttpTester.Response response = signedIn("alice").get("/null-type");
        String type = response.get("Content-Type");
        assertEquals("text/html", type, "the filter added no charset");
    }
}
