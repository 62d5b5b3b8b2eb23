package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One deployment, two brands by host name: each page, token, marker and emulator check is the host's brand's. */
class BrandsTest {

    private static final String PAGE = "<!DOCTYPE html><html><body><p>hi</p></body></html>";
    private static final String BETA = "Host: beta.test";
    private static final String BETA_SECRET = "beta-brand-secret-for-tests";

    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new WidgetServer().param("emulator", "true").param("debugHeader", "true").param("brands", "beta")
                .param("brand.beta.hosts", "beta.test").param("brand.beta.widgetKey", "beta-widget-key")
                .param("brand.beta.keyId", "app_beta").param("brand.beta.secret", BETA_SECRET)
                .param("brand.beta.externalIdPrefix", "beta:").html("/page", PAGE).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Verified with java-jwt by the brand's own secret; every claim asserted. */
    private static DecodedJWT verify(String token, String secret, String kid, String externalId) {
        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(secret)).withClaim("scope", "user")
                .withClaim("external_id", externalId).withClaim("name", "Alice")
                .withClaim("email", "alice@example.com").withClaim("email_verified", false).build().verify(token);
        assertEquals(kid, jwt.getKeyId());
        assertEquals(WidgetServer.NOW.getEpochSecond(), jwt.getClaim("iat").asLong());
        assertEquals(WidgetServer.NOW.getEpochSecond() + 300, jwt.getClaim("exp").asLong());
        assertEquals(Map.of("alg", "HS256", "typ", "JWT", "kid", kid), Tokens.json(new String(
                Base64.getUrlDecoder().decode(jwt.getHeader()), StandardCharsets.UTF_8)));
        return jwt;
    }

    private static String verifyAnswer(String token, String... host) throws Exception {
        return server.postText("/zendesk-widget/emulator/verify", token, host).getContent();
    }

    @Test
    void eachHostGetsItsBrandsWidgetKeyAndATokenOfItsBrandsKeyForTheBrandsExternalId() throws Exception {
        Browser alice = new Browser(server);
        alice.get("/login?user=alice", BETA);
        String beta = alice.get("/page", BETA).getContent();
        assertTrue(beta.contains("emulator.js?key=beta-widget-key\""), beta);
        String betaToken = Tokens.inPage(beta);
        verify(betaToken, BETA_SECRET, "app_beta", "beta:1001");
        assertThrowsSignature(() -> verify(betaToken, WidgetServer.SECRET, "app_beta", "beta:1001"));

        String own = alice.get("/page").getContent();
        assertTrue(own.contains("emulator.js?key=" + WidgetServer.WIDGET_KEY + "\""), own);
        verify(Tokens.inPage(own), WidgetServer.SECRET, WidgetServer.KEY_ID, "1001");

        HttpTester.Response fresh = alice.post("/zendesk-widget/token", "X-Requested-With: XMLHttpRequest", BETA);
        assertEquals(200, fresh.getStatus());
        String freshToken = (String) Tokens.json(fresh.getContent()).get("jwt");
        verify(freshToken, BETA_SECRET, "app_beta", "beta:1001");
        assertNotNull(alice.cookie("zwidget_signed_in_beta"));
        assertNotNull(alice.cookie("zwidget_signed_in"));
        assertFalse(alice.cookie("zwidget_signed_in_beta").equals(alice.cookie("zwidget_signed_in")));
    }

    private static void assertThrowsSignature(Executable check) {
        try {
            check.execute();
        } catch (SignatureVerificationException expected) {
            return;
        } catch (Throwable other) {
            throw new AssertionError("expected a bad signature", other);
        }
        throw new AssertionError("another brand's secret verified the token");
    }

    @Test
    void theEmulatorOnABrandsHostAcceptsOnlyThatBrandsKeys() throws Exception {
        Browser alice = new Browser(server);
        alice.get("/login?user=alice");
        String ownToken = Tokens.inPage(alice.get("/page").getContent());
        String betaToken = Tokens.inPage(alice.get("/page", BETA).getContent());
        assertEquals("{\"ok\":false,\"reason\":\"unknown kid '" + WidgetServer.KEY_ID + "'\"}",
                verifyAnswer(ownToken, BETA));
        assertTrue(verifyAnswer(betaToken, BETA)
                .startsWith("{\"ok\":true,\"externalId\":\"beta:1001\""));
        assertTrue(verifyAnswer(ownToken)
                .startsWith("{\"ok\":true,\"externalId\":\"1001\""));
    }

    @Test
    void aSignOutIsRepeatedOnlyOnTheBrandsTheVisitorWasSignedInOn() throws Exception {
        Browser alice = new Browser(server);
        alice.get("/login?user=alice", BETA);
        alice.get("/page", BETA);
        alice.get("/logout", BETA);
        HttpTester.Response beta = alice.get("/page", BETA);
        assertEquals("logout", beta.get("X-Zendesk-Widget"));
        assertTrue(beta.getContent().contains("zE('messenger','logoutUser');"));
        HttpTester.Response own = alice.get("/page");
        assertEquals("anonymous", own.get("X-Zendesk-Widget"), "never signed in on this brand: no logoutUser");
        // The sign-out script's ping clears the brand's own marker only.
        assertEquals(401, alice.post("/zendesk-widget/token", "X-Requested-With: XMLHttpRequest", BETA).getStatus());
        assertNull(alice.cookie("zwidget_signed_in_beta"));
    }

    @Test
    void withUnknownHostNoneAHostNoBrandNamesGetsNoWidgetAndNoToken() throws Exception {
        try (WidgetServer strict = new WidgetServer().param("debugHeader", "true").param("brands", "beta")
                .param("unknownHost", "none").param("brand.beta.hosts", "beta.test")
                .param("brand.beta.widgetKey", "beta-widget-key").param("brand.beta.keyId", "app_beta")
                .param("brand.beta.secret", BETA_SECRET).html("/page", PAGE).start()) {
            Browser alice = new Browser(strict);
            alice.get("/login?user=alice");
            HttpTester.Response page = alice.get("/page", "Host: elsewhere.test");
            assertEquals(PAGE, page.getContent());
            assertNull(page.get("X-Zendesk-Widget"), "passed through untouched, headers included");
            assertEquals(404, alice.post("/zendesk-widget/token", "X-Requested-With: XMLHttpRequest",
                    "Host: elsewhere.test").getStatus());
            verify(Tokens.inPage(alice.get("/page", BETA).getContent()), BETA_SECRET, "app_beta", "1001");
        }
    }
}
