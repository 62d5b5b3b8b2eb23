package dev.zwidget.internal.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zwidget.WidgetUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

/**
 * What the token unit tests share: a fixed clock, a visitor, and an independent verifier
 * (java-jwt's, built from the shared secret, and a plain JSON decode of each part).
 */
public final class TestTokens {

    public static final String SECRET = "shared-secret-for-tests";
    public static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final WidgetUser ALICE = WidgetUser.of("1001").withName("Alice")
            .withEmail("alice@example.com", false);

    private TestTokens() {
    }

    /** Verifies signature and times at {@link #NOW}, and that the token identifies Alice. */
    public static DecodedJWT verifyAlice(String token) {
        Verification required = JWT.require(Algorithm.HMAC256(SECRET)).withClaim("name", "Alice")
                .withClaim("email", "alice@example.com").withClaim("external_id", "1001");
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) required).build(CLOCK);
        return verifier.verify(token);
    }

    /** One base64url part of a token (its header or payload) as JSON. */
    public static Map<?, ?> json(String base64url) {
        try {
            return new ObjectMapper().readValue(Base64.getUrlDecoder().decode(base64url), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
