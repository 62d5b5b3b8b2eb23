package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mode=classic}: the Classic Web Widget's page block, Chat tokens and the emulator's Classic mode. */
class ClassicModeTest {

    private static final String PAGE = "<!DOCTYPE html><html><head><title>t</title></head><body><p>hi</p></body></html>";
    private static final String SNIPPET = "<script id=\"ze-snippet\" src=\"/app/zendesk-widget/emulator.js?key="
            + WidgetServer.WIDGET_KEY + "\"></script>";

    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        // tokenTtl above Chat's cap: the tokens must still expire ten minutes after they are issued.
        server = new WidgetServer().param("mode", "classic").param("keyId", null).param("emulator", "true")
                .param("tokenTtl", "3600").clock(Clock.fixed(WidgetServer.NOW, ZoneOffset.UTC))
                .html("/page", PAGE).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A browser whose visitor signed in as Alice. */
    private static Browser alice() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        return browser;
    }

    /** A Chat JWT for Alice: no kid, name, email, string external_id, exp 600 s after iat. */
    static DecodedJWT verifyChat(String token) {
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(WidgetServer.SECRET))
                .withClaim("name", "Alice").withClaim("email", "alice@example.com").withClaim("external_id", "1001"))
                .build(Clock.fixed(WidgetServer.NOW, ZoneOffset.UTC));
        DecodedJWT jwt = verifier.verify(token);
        assertEquals(Map.of("alg", "HS256", "typ", "JWT"),
                Tokens.json(new String(Base64.getUrlDecoder().decode(jwt.getHeader()), StandardCharsets.UTF_8)));
        assertEquals(Map.of("name", "Alice", "email", "alice@example.com", "external_id", "1001",
                "iat", (int) WidgetServer.NOW.getEpochSecond(), "exp", (int) WidgetServer.NOW.getEpochSecond() + 600),
                Tokens.json(new String(Base64.getUrlDecoder().decode(jwt.getPayload()), StandardCharsets.UTF_8)));
        return jwt;
    }

    @Test
    void aSignedInPageSetsTheJwtFnBeforeTheSnippetAndCarriesAChatToken() throws Exception {
        Browser browser = alice();
        HttpTester.Response response = browser.get("/page");
        assertEquals("no-store, private", response.get("Cache-Control"));
        String page = response.getContent();
        int settings = page.indexOf("var s=window.zESettings=window.zESettings||{};");
        int snippet = page.indexOf(SNIPPET);
        assertTrue(settings > 0 && snippet > settings, page);
        assertTrue(page.contains("a.chat={jwtFn:function(callback){if(!used){used=true;callback(jwt);}"
                + "else{fresh(callback);}}};"), page);
        assertTrue(page.contains("else if(x.status===401){zE('webWidget','logout');}"), page);
        assertEquals(-1, page.indexOf("'messenger'"), "no messaging API in classic mode");
        assertTrue(page.endsWith(SNIPPET + "</body></html>"), "nothing after the snippet on a first sign-in");
        verifyChat(Tokens.inPage(page));
    }

    @Test
    void theTokenEndpointHandsFreshChatTokens() throws Exception {
        HttpTester.Response response = alice().tokenRequest();
        assertEquals(200, response.getStatus());
        assertNull(verifyChat((String) Tokens.json(response.getContent()).get("jwt")).getKeyId());
    }

    @Test
    void afterSignOutThePageCallsTheWebWidgetLogout() throws Exception {
        Browser browser = alice();
        browser.get("/page");
        browser.get("/logout");
        String page = browser.get("/page").getContent();
        assertTrue(page.contains(SNIPPET + "<script>(function(){function ready(f)"), page);
        assertTrue(page.contains("ready(function(){zE('webWidget','logout');var x=new XMLHttpRequest();"), page);
    }

    @Test
    void theEmulatorRunsInClassicModeAndChecksChatRules() throws Exception {
        String script = server.get("/zendesk-widget/emulator.js").getContent();
        assertTrue(script.contains("var MODE = 'classic';"));
        assertEquals(-1, script.indexOf("var MODE = 'messenger';"));
        // A messaging token (it has a kid) signed with the right secret: only a Chat rule refuses it.
        String messaging = JWT.create().withKeyId(WidgetServer.KEY_ID).withClaim("name", "Alice")
                .withClaim("email", "alice@example.com").withClaim("external_id", "1001")
                .withIssuedAt(WidgetServer.NOW).withExpiresAt(WidgetServer.NOW.plusSeconds(300))
                .sign(Algorithm.HMAC256(WidgetServer.SECRET));
        HttpTester.Response response = server.postText("/zendesk-widget/emulator/verify", messaging);
        assertEquals(200, response.getStatus());
        assertEquals("a Chat JWT has no kid: this looks like a messaging token (use mode=messenger,"
                + " or sign with the Chat shared secret)", Tokens.json(response.getContent()).get("reason"));
    }
}
