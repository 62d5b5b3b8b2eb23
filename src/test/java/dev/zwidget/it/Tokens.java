package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks tokens the way Zendesk does, with code that is not the code that minted them: java-jwt's
 * verifier built from the shared secret, plus a hand decode of the header.
 */
final class Tokens {

    private static final Pattern IN_PAGE = Pattern.compile("var jwt='([A-Za-z0-9_.-]+)'");

    private Tokens() {
    }

    /** The token printed in a page, failing when there is none. */
    static String inPage(String body) {
        Matcher m = IN_PAGE.matcher(body);
        if (!m.find()) {
            fail("no token in page: " + body);
        }
        String token = m.group(1);
        assertTrue(!m.find(), "exactly one token in the page");
        return token;
    }

    static boolean hasToken(String body) {
        return IN_PAGE.matcher(body).find();
    }

    /** Verifies signature, kid, scope and times; returns the decoded token. */
    static DecodedJWT verify(String token) {
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(WidgetServer.SECRET))
                .withClaim("scope", "user"))
                .build(Clock.fixed(WidgetServer.NOW, ZoneOffset.UTC));
        DecodedJWT jwt = verifier.verify(token);
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertEquals(Map.of("alg", "HS256", "typ", "JWT", "kid", WidgetServer.KEY_ID), json(header));
        assertEquals(WidgetServer.KEY_ID, jwt.getKeyId());
        assertEquals(WidgetServer.NOW.getEpochSecond(), jwt.getClaim("iat").asLong());
        return jwt;
    }

    static Map<String, Object> json(String text) {
        try {
            return new ObjectMapper().readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Verifies the token and that it identifies {@code externalId} as a JSON string. */
    static DecodedJWT verifyFor(String token, String externalId) {
        DecodedJWT jwt = verify(token);
        String payload = new String(Base64.getUrlDecoder().decode(jwt.getPayload()), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"external_id\":\"" + externalId + "\""), payload);
        return jwt;
    }
}
