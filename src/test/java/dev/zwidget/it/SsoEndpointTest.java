package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Help Center JWT SSO through embedded Jetty: the raw responses of the remote login and logout URLs. */
class SsoEndpointTest {

    static final String SSO_SECRET = "help-center-sso-shared-secret";
    private static final String SSO = "/zendesk-widget/sso";
    private static final Pattern FORM = Pattern.compile("<form id=\"zw-sso\" method=\"post\" action=\"([^\"]*)\">"
            + "<input type=\"hidden\" name=\"jwt\" value=\"([A-Za-z0-9_.-]+)\">");
    private static final Pattern SCRIPT = Pattern.compile("<script nonce=\"([^\"]+)\">HTMLFormElement.prototype"
            + ".submit.call\\(document.getElementById\\('zw-sso'\\)\\);</script>");

    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = sso(new WidgetServer()).param("loginPath", "/login").param("ssoRole", "user").start();
    }

    /** With the optional claim paths: they fit the Map users of /login-map, not the default AppUser. */
    private static WidgetServer withClaimPaths() throws Exception {
        return sso(new WidgetServer()).param("ssoRole", "user")
                .param("ssoOrganization", "org").param("ssoTags", "tags").param("ssoUserFields", "fields")
                .param("ssoLocaleId", "locale").param("ssoPhone", "phone")
                .page("/login-map", (req, res) -> {
                    // A user object as a Map: the optional claims come from its keys.
                    Map<String, Object> user = new java.util.HashMap<>(Map.of("id", 7L, "name", "Mia",
                            "email", "mia@example.com", "org", "Acme", "tags", List.of("gold", "beta"),
                            "fields", Map.of("plan", "gold"), "locale", 1176, "phone", "+15555550100"));
                    user.put("role", "admin");
                    req.getSession(true).setAttribute("user", user);
                    res.getWriter().write("ok");
                })
                .page("/login-nomail", (req, res) -> {
                    req.getSession(true).setAttribute("user", Map.of("id", 8L, "name", "Noa"));
                    res.getWriter().write("ok");
                })
                .start();
    }

    static WidgetServer sso(WidgetServer s) {
        return s.param("ssoSecret", SSO_SECRET).param("zendeskSubdomain", "acme")
                .clock(Clock.fixed(WidgetServer.NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static DecodedJWT verify(String token, String email, String name, String externalId) {
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(SSO_SECRET))
                .withClaim("email", email).withClaim("name", name).withClaim("external_id", externalId))
                .build(Clock.fixed(WidgetServer.NOW, ZoneOffset.UTC));
        DecodedJWT jwt = verifier.verify(token);
        assertEquals(WidgetServer.NOW.getEpochSecond(), jwt.getClaim("iat").asLong());
        assertEquals(Map.of("alg", "HS256", "typ", "JWT"),
                Tokens.json(new String(Base64.getUrlDecoder().decode(jwt.getHeader()), StandardCharsets.UTF_8)));
        return jwt;
    }

    private static void assertNeverStored(HttpTester.Response response) {
        assertEquals("no-store, private", response.get("Cache-Control"));
        assertEquals("DENY", response.get("X-Frame-Options"));
        assertEquals("nosniff", response.get("X-Content-Type-Options"));
        assertEquals(response.getContentBytes().length, response.getLongField("Content-Length"));
    }

    @Test
    void aSignedInVisitorGetsAPageThatPostsTheirTokenToZendeskWithReturnTo() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        HttpTester.Response page = browser.get(SSO + "?return_to=https%3A%2F%2Facme.zendesk.com%2Fhc%2Fen-us"
                + "&brand_id=360001&locale_id=1&timestamp=1700000000");
        assertEquals(200, page.getStatus());
        assertNeverStored(page);
        assertEquals("text/html;charset=utf-8", page.get("Content-Type").replace(" ", "").toLowerCase());
        Matcher form = FORM.matcher(page.getContent());
        assertTrue(form.find(), page.getContent());
        assertEquals("https://acme.zendesk.com/access/jwt?return_to=https%3A%2F%2Facme.zendesk.com%2Fhc%2Fen-us"
                + "&amp;brand_id=360001&amp;locale_id=1&amp;timestamp=1700000000", form.group(1));
        DecodedJWT jwt = verify(form.group(2), "alice@example.com", "Alice", "1001");
        assertEquals(List.of("iat", "jti", "email", "name", "external_id", "role").stream().sorted().toList(),
                jwt.getClaims().keySet().stream().sorted().toList());
        assertEquals("user", jwt.getClaim("role").asString());
        Matcher script = SCRIPT.matcher(page.getContent());
        assertTrue(script.find(), "the form submits itself");
        assertEquals("default-src 'none'; script-src 'nonce-" + script.group(1) + "'; form-action"
                + " https://acme.zendesk.com; frame-ancestors 'none'; base-uri 'none'",
                page.get("Content-Security-Policy"));
        assertTrue(page.getContent().contains("<button type=\"submit\">Continue to the Help Center</button>"));
        assertFalse(page.getContent().contains(SSO_SECRET));
    }

    @Test
    void optionalClaimsComeFromTheUserObjectButTheRoleOnlyFromConfiguration() throws Exception {
        try (WidgetServer claims = withClaimPaths()) {
            Browser browser = new Browser(claims);
            browser.get("/login-map");
            assertClaimsOfMia(browser.get(SSO).getContent());
            // Paths that do not fit the user's class: an operator's mistake, a 503 page, never a token.
            Browser alice = new Browser(claims);
            alice.get("/login?user=alice");
            HttpTester.Response broken = alice.get(SSO);
            assertEquals(503, broken.getStatus());
            assertFalse(FORM.matcher(broken.getContent()).find());
        }
    }

    private static void assertClaimsOfMia(String page) {
        Matcher form = FORM.matcher(page);
        assertTrue(form.find());
        assertEquals("https://acme.zendesk.com/access/jwt", form.group(1));
        DecodedJWT jwt = verify(form.group(2), "mia@example.com", "Mia", "7");
        assertEquals("Acme", jwt.getClaim("organization").asString());
        assertEquals(List.of("gold", "beta"), jwt.getClaim("tags").asList(String.class));
        assertEquals(Map.of("plan", "gold"), jwt.getClaim("user_fields").asMap());
        assertEquals(1176L, jwt.getClaim("locale_id").asLong());
        assertEquals("+15555550100", jwt.getClaim("phone").asString());
        assertEquals("user", jwt.getClaim("role").asString(), "the user object's admin is never sent");
    }

    @Test
    void aReturnToOnAnotherHostIsDropped() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        Matcher form = FORM.matcher(browser.get(SSO + "?return_to=https%3A%2F%2Fevil.example%2F").getContent());
        assertTrue(form.find());
        assertEquals("https://acme.zendesk.com/access/jwt", form.group(1));
    }

    @Test
    void aVisitorNotSignedInIsSentToTheSignInPageWithTheWayBack() throws Exception {
        HttpTester.Response response = server.get(SSO + "?return_to=https%3A%2F%2Facme.zendesk.com%2Fhc");
        assertEquals(302, response.getStatus());
        assertEquals("no-store, private", response.get("Cache-Control"));
        assertEquals(WidgetServer.CONTEXT + "/login?next=%2Fapp%2Fzendesk-widget%2Fsso%3Freturn_to%3Dhttps%253A%252F"
                + "%252Facme.zendesk.com%252Fhc", response.get("Location"));
    }

    @Test
    void withoutALoginPathAVisitorNotSignedInGetsA401Page() throws Exception {
        try (WidgetServer plain = sso(new WidgetServer()).start()) {
            HttpTester.Response response = plain.get(SSO);
            assertEquals(401, response.getStatus());
            assertNeverStored(response);
            assertTrue(response.getContent().contains("<p id=\"zw-sso-message\">Sign in to this application first,"
                    + " then open the Help Center again.</p>"), response.getContent());
        }
    }

    @Test
    void aVisitorWithoutEmailIsToldSoAndTheLogSaysItOnce() throws Exception {
        try (LogCapture log = new LogCapture(Level.WARNING); WidgetServer claims = withClaimPaths()) {
            Browser browser = new Browser(claims);
            browser.get("/login-nomail");
            HttpTester.Response first = browser.get(SSO);
            browser.get(SSO);
            assertEquals(403, first.getStatus());
            assertNeverStored(first);
            assertTrue(first.getContent().contains("Your account has no email address, which the Help Center needs"),
                    first.getContent());
            assertFalse(FORM.matcher(first.getContent()).find());
            assertEquals(1, log.messages(Level.WARNING).stream().filter(m -> m.contains("has no email address")).count(),
                    log.messages(Level.WARNING).toString());
        }
    }

    @Test
    void theRemoteLogoutUrlRedirectsAndLogsAnErrorZendeskReports() throws Exception {
        try (LogCapture log = new LogCapture(Level.WARNING)) {
            HttpTester.Response response = server.get(SSO + "/logout?kind=error&message=Invalid+JWT%0Aforged");
            assertEquals(302, response.getStatus());
            assertEquals(WidgetServer.CONTEXT + "/", response.get("Location"));
            assertEquals("no-store, private", response.get("Cache-Control"));
            assertTrue(log.messages(Level.WARNING).stream().anyMatch(m -> m.startsWith(
                    "Zendesk Help Center SSO: Zendesk refused a sign-in: Invalid JWT?forged")), log.messages(Level.WARNING).toString());
        }
    }

    @Test
    void onlyGetIsAnsweredSoNoTokenIsMintedForNobody() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        for (String method : List.of("POST", "HEAD")) {
            HttpTester.Response response = browser.send(method, SSO);
            assertEquals(405, response.getStatus(), method);
            assertEquals("GET", response.get("Allow"));
        }
    }

    @Test
    void inEmulatorModeTheStandInVerifiesTheTokenOnceAndRefusesItsReplay() throws Exception {
        try (WidgetServer emulated = sso(new WidgetServer()).param("emulator", "true").start()) {
            Browser browser = new Browser(emulated);
            browser.get("/login?user=bob");
            Matcher form = FORM.matcher(browser.get(SSO + "?return_to=https%3A%2F%2Facme.zendesk.com%2Fhc").getContent());
            assertTrue(form.find());
            assertEquals(WidgetServer.CONTEXT + SSO + "/access/jwt?return_to=https%3A%2F%2Facme.zendesk.com%2Fhc",
                    form.group(1));
            String path = form.group(1).substring(WidgetServer.CONTEXT.length()).replace("&amp;", "&");
            HttpTester.Response first = postForm(emulated, path, "jwt=" + form.group(2));
            assertEquals(200, first.getStatus(), first.getContent());
            assertNeverStored(first);
            assertTrue(first.getContent().contains("<p id=\"zw-sso-result\" data-state=\"signedIn\">Signed in to the"
                    + " Help Center as Bob (bob@example.com) \u2014 external_id 1002 \u2713</p>"), first.getContent());
            assertTrue(first.getContent().contains("data-url=\"https://acme.zendesk.com/hc\""), first.getContent());
            HttpTester.Response replay = postForm(emulated, path, "jwt=" + form.group(2));
            assertEquals(401, replay.getStatus());
            assertTrue(replay.getContent().contains("was used before: every token needs a new one"));
            assertNull(replay.get("Set-Cookie"));
        }
    }

    private static HttpTester.Response postForm(WidgetServer target, String path, String body) throws Exception {
        String raw = "POST " + WidgetServer.CONTEXT + path + " HTTP/1.1\r\nHost: test\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
        LocalConnector connector = (LocalConnector) target.server().getConnectors()[0];
        return HttpTester.parseResponse(connector.getResponse(ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8))));
    }
}
