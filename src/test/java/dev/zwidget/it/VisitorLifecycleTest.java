package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a browser gets across sign-in, sign-out, session end and a change of visitor. */
class VisitorLifecycleTest {

    static final String PAGE = "<html><body><p>home</p></body></html>";
    static final String LOGOUT_CALL = "ready(function(){zE('messenger','logoutUser');var x=new XMLHttpRequest();";
    static final String LOGOUT_THEN_LOGIN = "ready(function(){zE('messenger','logoutUser');zE('messenger','loginUser',";
    static final String LOGIN_CALL = "zE('messenger','loginUser'";

    private WidgetServer server;

    private WidgetServer start(String... params) throws Exception {
        server = new WidgetServer().page("/home", (req, res) -> {
            res.setContentType("text/html;charset=UTF-8");
            res.getWriter().write(PAGE);
        }).page("/own-snippet", (req, res) -> {
            res.setContentType("text/html;charset=UTF-8");
            res.getWriter().write("<html><head><script id=\"ze-snippet\" src=\"https://static.zdassets.com/ekr/"
                    + "snippet.js?key=abc\"></script></head><body>x</body></html>");
        }).page("/fragment", (req, res) -> {
            res.setContentType("text/html;charset=UTF-8");
            res.getWriter().write("<div>fragment</div>");
        }).page("/csp-attribute", (req, res) -> {
            req.setAttribute("cspNonce", "r4nd0mN0nce+/=");
            res.setContentType("text/html;charset=UTF-8");
            res.getWriter().write(PAGE);
        }).page("/csp-header", (req, res) -> {
            res.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'nonce-Hdr123abc' 'strict-dynamic'");
            res.setContentType("text/html;charset=UTF-8");
            res.getWriter().write(PAGE);
        }).page("/static.html", (req, res) -> {
            if (req.getHeader("If-None-Match") != null) {
                res.setStatus(304);
                return;
            }
            res.setHeader("ETag", "\"static-v1\"");
            res.setContentType("text/html");
            res.getWriter().write(PAGE);
        });
        for (int i = 0; i < params.length; i += 2) {
            server.param(params[i], params[i + 1]);
        }
        return server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static String block(HttpTester.Response response) {
        return Spliced.insertedBlock(PAGE.getBytes(StandardCharsets.UTF_8), response.getContentBytes());
    }

    @Test
    void anAnonymousVisitorGetsTheSnippetAloneAndNoCookie() throws Exception {
        start();
        HttpTester.Response response = new Browser(server).get("/home");
        assertEquals(Spliced.SNIPPET_TAG, block(response));
        assertTrue(response.getValuesList("Set-Cookie").isEmpty());
        assertNull(response.get("Cache-Control"), "no token, nothing to keep out of caches");
    }

    @Test
    void anAnonymousVisitorGetsNothingWhenAnonymousIsFalse() throws Exception {
        start("anonymous", "false");
        HttpTester.Response response = new Browser(server).get("/home");
        assertEquals(PAGE, response.getContent());
    }

    @Test
    void signingInSetsAMarkerCookieThatDoesNotRevealTheId() throws Exception {
        start();
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        HttpTester.Response response = browser.get("/home");
        List<String> cookies = response.getValuesList("Set-Cookie");
        assertEquals(1, cookies.size(), cookies.toString());
        String cookie = cookies.get(0);
        assertTrue(cookie.startsWith("zwidget_signed_in="), cookie);
        assertTrue(cookie.contains("; Path=/app"), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: " + cookie);
        String value = browser.cookie("zwidget_signed_in");
        assertTrue(value.matches("[A-Za-z0-9_-]{22}"), value);
        assertFalse(value.contains("1001"));
        assertTrue(browser.get("/home").getValuesList("Set-Cookie").isEmpty(), "set once, not on every page");
    }

    @Test
    void theFirstPageAfterSignOutCallsLogoutUserOnceThenTheWidgetIsAnonymous() throws Exception {
        start();
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        Tokens.verifyFor(Tokens.inPage(browser.get("/home").getContent()), "1001");
        browser.get("/logout");

        HttpTester.Response first = browser.get("/home");
        String block = block(first);
        assertTrue(block.startsWith(Spliced.SNIPPET_TAG + "<script>"), block);
        assertEquals(1, Spliced.count(block, LOGOUT_CALL), block);
        assertTrue(block.contains("x.open('POST','/app/zendesk-widget/token');"), block);
        assertFalse(block.contains(LOGIN_CALL), block);
        assertFalse(Tokens.hasToken(block));
        assertNull(first.get("Set-Cookie"), "the marker stays until the page's script reports back");

        // What the page's script does once logoutUser ran: the 401 clears the marker.
        HttpTester.Response report = browser.post("/zendesk-widget/token", "X-Requested-With: XMLHttpRequest",
                "Content-Length: 0");
        assertEquals(401, report.getStatus());
        assertTrue(report.get("Set-Cookie").startsWith("zwidget_signed_in=; Path=/app; Expires=Thu, 01 Jan 1970"),
                report.get("Set-Cookie"));

        assertEquals(Spliced.SNIPPET_TAG, block(browser.get("/home")), "the page after that is anonymous");
    }

    @Test
    void aSignOutIsRepeatedUntilAPageHasRunIt() throws Exception {
        start();
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        browser.get("/home");
        browser.get("/logout");
        assertEquals("<div>fragment</div>", browser.get("/fragment").getContent(), "no </body>: nothing ran");
        assertEquals(PAGE, browser.get("/home", "Sec-Fetch-Dest: empty").getContent(),
                "a page fetched by a script is not touched");
        assertEquals(1, Spliced.count(block(browser.get("/home")), LOGOUT_CALL), "the next document signs out");
    }

    @Test
    void aSessionThatTimedOutLeadsToLogoutUser() throws Exception {
        start();
        Browser browser = new Browser(server);
        browser.get("/login?user=alice&timeout=1");
        Tokens.verifyFor(Tokens.inPage(browser.get("/home").getContent()), "1001");
        Thread.sleep(2100);
        String block = block(browser.get("/home"));
        assertEquals(1, Spliced.count(block, LOGOUT_CALL), block);
        assertFalse(Tokens.hasToken(block));
    }

    @Test
    void anInvalidatedSessionLeadsToLogoutUserEvenWhenAnonymousIsFalse() throws Exception {
        start("anonymous", "false");
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        browser.get("/home");
        browser.get("/logout");
        String block = block(browser.get("/home"));
        assertTrue(block.startsWith(Spliced.SNIPPET_TAG), "snippet loaded for the logout: " + block);
        assertEquals(1, Spliced.count(block, LOGOUT_CALL));
        browser.post("/zendesk-widget/token", "X-Requested-With: XMLHttpRequest", "Content-Length: 0");
        assertEquals(PAGE, browser.get("/home").getContent(), "then nothing");
    }

    @Test
    void aDifferentVisitorOnTheSameBrowserSignsThePreviousOneOutFirst() throws Exception {
        start();
        Browser shared = new Browser(server);
        shared.get("/login?user=alice");
        shared.get("/home");
        String aliceMarker = shared.cookie("zwidget_signed_in");
        assertNotNull(aliceMarker);
        // Bob signs in before any HTML page showed Alice's sign-out: the marker still names Alice.
        shared.get("/logout");
        shared.get("/login?user=bob");
        String block = block(shared.get("/home"));
        assertEquals(1, Spliced.count(block, LOGOUT_THEN_LOGIN), "logoutUser, then loginUser: " + block);
        Tokens.verifyFor(Tokens.inPage(block), "1002");
        assertNotEquals(aliceMarker, shared.cookie("zwidget_signed_in"));
        String next = block(shared.get("/home"));
        assertFalse(next.contains(LOGOUT_THEN_LOGIN), "only once: " + next);
        assertTrue(next.contains("ready(function(){" + LOGIN_CALL), next);
    }

    @Test
    void aPageThatLoadsTheSnippetItselfGetsOnlyTheIdentificationScript() throws Exception {
        start();
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        String body = browser.get("/own-snippet").getContent();
        assertEquals(1, Spliced.count(body, "id=\"ze-snippet\""), body);
        assertTrue(body.contains(LOGIN_CALL));
        Tokens.verifyFor(Tokens.inPage(body), "1001");
        assertEquals(1, Spliced.count(new Browser(server).get("/own-snippet").getContent(), "id=\"ze-snippet\""),
                "and an anonymous visitor gets nothing more");
    }

    @Test
    void bothScriptsCarryTheNonceFromTheRequestAttribute() throws Exception {
        start("cspNonceAttribute", "cspNonce");
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        Spliced.assertLoginBlock(block(browser.get("/csp-attribute")), "r4nd0mN0nce+/=");
    }

    @Test
    void bothScriptsCarryTheNonceFromTheResponsePolicy() throws Exception {
        start();
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        Spliced.assertLoginBlock(block(browser.get("/csp-header")), "Hdr123abc");
    }

    /** What a browser's Accept header says when it navigates to a page. */
    static final String NAVIGATION = "Accept: text/html,application/xhtml+xml,*/*;q=0.8";

    @Test
    void aSignedInVisitorGetsTheWholePageInsteadOfA304EvenOnTheFirstPage() throws Exception {
        start();
        Browser browser = new Browser(server);
        assertEquals(304, browser.get("/static.html", "If-None-Match: \"static-v1\"", NAVIGATION).getStatus(),
                "anonymous browsers keep their conditional requests");
        browser.get("/login?user=alice");
        HttpTester.Response response = browser.get("/static.html", "If-None-Match: \"static-v1\"", NAVIGATION);
        assertEquals(200, response.getStatus());
        Tokens.verifyFor(Tokens.inPage(response.getContent()), "1001");
        assertNull(response.get("ETag"));
    }

    @Test
    void theDebugHeaderSaysWhatThePageGot() throws Exception {
        start("debugHeader", "true");
        Browser browser = new Browser(server);
        assertEquals("anonymous", browser.get("/home").get("X-Zendesk-Widget"));
        browser.get("/login?user=alice");
        assertEquals("login", browser.get("/home").get("X-Zendesk-Widget"));
        assertNull(browser.get("/login?user=alice").get("X-Zendesk-Widget"), "only HTML pages carry it");
    }
}
