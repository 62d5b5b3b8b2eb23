package dev.zwidget.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.zwidget.WidgetUser;
import dev.zwidget.internal.compat.Java8;
import dev.zwidget.internal.config.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written JSON of the minted tokens, checked against java-jwt's own parser: whatever
 * characters a name, email or id holds, a token verifies and each claim decodes to the text that
 * went in (as its UTF-8 encoding carries it: an unpaired surrogate becomes '?', as Jackson's
 * output did before).
 */
class CompactJwtProperties {

    private static final String SECRET = "s3cr3t-Shared-Value-from-Admin-Center";
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TokenMinter MESSAGING = new TokenMinter("app_\"kid\\1", Secret.of(SECRET),
            Duration.ofMinutes(5), CLOCK);
    private static final ChatTokenMinter CHAT = new ChatTokenMinter(Secret.of(SECRET), Duration.ofMinutes(5), CLOCK);

    @Provide
    Arbitrary<String> texts() {
        // Quotes, backslashes, every control character, DEL, non-ASCII, astral and lone surrogates.
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("\"\\/\u0000\u001f\u007f\t\n\r\b\f\u2028\u00e9\u20ac")
                        .ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40))
                .filter(s -> !Java8.isBlank(s));
    }

    @Property(tries = 2000)
    void messagingClaimsDecodeToWhatWentIn(@ForAll("texts") String id, @ForAll("texts") String name,
            @ForAll("texts") String email) {
        DecodedJWT jwt = verify(MESSAGING.mint(WidgetUser.of(id).withName(name).withEmail(email, true)));
        assertEquals("app_\"kid\\1", jwt.getKeyId());
        assertEquals(asUtf8(id), jwt.getClaim("external_id").asString());
        assertEquals(asUtf8(name), jwt.getClaim("name").asString());
        assertEquals(asUtf8(email), jwt.getClaim("email").asString());
        assertEquals(Boolean.TRUE, jwt.getClaim("email_verified").asBoolean());
        assertEquals(NOW, jwt.getIssuedAtAsInstant());
    }

    @Property(tries = 500)
    void chatClaimsDecodeToWhatWentIn(@ForAll("texts") String id, @ForAll("texts") String name,
            @ForAll("texts") String email) {
        DecodedJWT jwt = verify(CHAT.mint(WidgetUser.of(id).withName(name).withEmail(email, false)));
        assertEquals(null, jwt.getKeyId());
        assertEquals(asUtf8(id), jwt.getClaim("external_id").asString());
        assertEquals(asUtf8(name), jwt.getClaim("name").asString());
        assertEquals(asUtf8(email), jwt.getClaim("email").asString());
    }

    private static DecodedJWT verify(String token) {
        return ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(SECRET))).build(CLOCK).verify(token);
    }

    private static String asUtf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
