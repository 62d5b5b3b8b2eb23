package dev.zwidget.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zwidget.WidgetUser;
import dev.zwidget.internal.config.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TokenMinterTest {

    private static final String SECRET = "s3cr3t-Shared-Value-from-Admin-Center";
    private static final String KID = "app_64a1b2c3d4e5f6";
    private static final Duration TTL = Duration.ofMinutes(10);
    // Milliseconds on purpose: iat and exp must drop them, not scale them.
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.750Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TokenMinter minter = new TokenMinter(KID, Secret.of(SECRET), TTL, CLOCK);

    private static JWTVerifier verifier(String secret, Clock clock) {
        return ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(secret))
                .withClaim("scope", "user")).build(clock);
    }

    private static DecodedJWT verify(String token) {
        DecodedJWT decoded = verifier(SECRET, CLOCK).verify(token);
        assertEquals(KID, decoded.getKeyId());
        return decoded;
    }

    private static String part(String token, int index) {
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        return new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8);
    }

    private static Set<String> keys(String json) throws Exception {
        return JSON.readValue(json, Map.class).keySet();
    }

    private static long number(String json, String claim) {
        Matcher m = Pattern.compile("\"" + claim + "\":(\\d+)[,}]").matcher(json);
        assertTrue(m.find(), claim + " as a JSON integer in " + json);
        return Long.parseLong(m.group(1));
    }

    @Test
    void independentVerifierAcceptsTheToken() {
        WidgetUser user = WidgetUser.of("1001").withName("Ana").withEmail("ana@example.com", true);
        DecodedJWT jwt = verify(minter.mint(user));
        assertEquals("HS256", jwt.getAlgorithm());
        assertEquals("JWT", jwt.getType());
        assertEquals("1001", jwt.getClaim("external_id").asString());
        assertEquals("Ana", jwt.getClaim("name").asString());
        assertEquals("ana@example.com", jwt.getClaim("email").asString());
        assertEquals(Boolean.TRUE, jwt.getClaim("email_verified").asBoolean());
        assertEquals(NOW.getEpochSecond(), jwt.getIssuedAtAsInstant().getEpochSecond());
        assertEquals(NOW.getEpochSecond() + 600, jwt.getExpiresAtAsInstant().getEpochSecond());
    }

    @Test
    void rawHeaderHasExactlyAlgTypKid() throws Exception {
        String header = part(minter.mint(WidgetUser.of("1001")), 0);
        assertEquals(Set.of("alg", "typ", "kid"), keys(header));
        assertTrue(header.contains("\"alg\":\"HS256\""), header);
        assertTrue(header.contains("\"typ\":\"JWT\""), header);
        assertTrue(header.contains("\"kid\":\"" + KID + "\""), header);
    }

    @Test
    void rawPayloadUsesStringIdAndSecondTimestamps() throws Exception {
        WidgetUser user = WidgetUser.of("1001").withEmail("ana@example.com", false);
        String payload = part(minter.mint(user), 1);
        assertTrue(payload.contains("\"external_id\":\"1001\""), payload);
        assertTrue(payload.contains("\"scope\":\"user\""), payload);
        assertTrue(payload.contains("\"email_verified\":false"), payload);
        long iat = number(payload, "iat");
        long exp = number(payload, "exp");
        assertEquals(10, Long.toString(exp).length(), "seconds, not milliseconds");
        assertEquals(NOW.getEpochSecond(), iat);
        assertEquals(TTL.getSeconds(), exp - iat);
        assertEquals(Set.of("scope", "external_id", "email", "email_verified", "iat", "exp"),
                keys(payload));
    }

    @Test
    void absentClaimsAreReallyAbsent() throws Exception {
        assertEquals(Set.of("scope", "external_id", "iat", "exp"),
                keys(part(minter.mint(WidgetUser.of("u-1")), 1)));
        // Verified without an email means nothing: no email_verified either.
        WidgetUser named = WidgetUser.of("u-1").withName("Ana").withEmail(null, true);
        assertEquals(Set.of("scope", "external_id", "name", "iat", "exp"),
                keys(part(minter.mint(named), 1)));
        WidgetUser blank = WidgetUser.of("u-1").withName(" ").withEmail("", true);
        assertEquals(Set.of("scope", "external_id", "iat", "exp"), keys(part(minter.mint(blank), 1)));
    }

    @Test
    void expiredTokenIsRejected() {
        String token = minter.mint(WidgetUser.of("1001"));
        Clock justBefore = Clock.fixed(NOW.plus(TTL).minusSeconds(2), ZoneOffset.UTC);
        assertNotNull(verifier(SECRET, justBefore).verify(token));
        Clock after = Clock.fixed(NOW.plus(TTL).plusSeconds(1), ZoneOffset.UTC);
        assertThrows(TokenExpiredException.class, () -> verifier(SECRET, after).verify(token));
    }

    @Test
    void tokenSignedWithAnotherSecretIsRejected() {
        TokenMinter other = new TokenMinter(KID, Secret.of("another-secret"), TTL, CLOCK);
        String token = other.mint(WidgetUser.of("1001"));
        assertThrows(SignatureVerificationException.class,
                () -> verifier(SECRET, CLOCK).verify(token));
    }

    @Test
    void unicodeNamesRoundTrip() {
        for (String name : List.of("José Ñúñez", "山田", "Zoë \uD83D\uDE00")) {
            DecodedJWT jwt = verify(minter.mint(WidgetUser.of("1").withName(name)));
            assertEquals(name, jwt.getClaim("name").asString());
        }
    }

    @Test
    void overlongExternalIdIsRefused() {
        String limit = "x".repeat(255);
        assertTrue(ExternalIds.accepts(limit));
        assertEquals(limit, verify(minter.mint(WidgetUser.of(limit))).getClaim("external_id").asString());
        String tooLong = limit + "x";
        assertFalse(ExternalIds.accepts(tooLong));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> minter.mint(WidgetUser.of(tooLong)));
        assertEquals("external_id is longer than 255 characters", e.getMessage());
        assertFalse(ExternalIds.accepts(null));
        assertFalse(ExternalIds.accepts(" "));
        assertThrows(IllegalArgumentException.class, () -> minter.mint(WidgetUser.of(" ")));
    }

    @Test
    void toStringShowsKidAndTtlButNotTheSecret() {
        String text = minter.toString();
        assertTrue(text.contains(KID), text);
        assertTrue(text.contains("PT10M"), text);
        assertFalse(text.contains(SECRET), text);
    }

    @Test
    void constructorRefusesBadSettingsWithoutShowingTheSecret() {
        Secret secret = Secret.of(SECRET);
        List<Runnable> bad = List.of(
                () -> new TokenMinter(" ", secret, TTL, CLOCK),
                () -> new TokenMinter(KID, secret, Duration.ZERO, CLOCK),
                () -> new TokenMinter(KID, secret, Duration.ofMillis(999), CLOCK),
                () -> new TokenMinter(KID, secret, Duration.ofSeconds(-5), CLOCK));
        for (Runnable r : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
            assertFalse(e.getMessage().contains(SECRET));
        }
    }

    @Test
    void mintsConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> jobs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                jobs.add(() -> {
                    for (int i = 0; i < 200; i++) {
                        String id = "user-" + thread + "-" + i;
                        String token = minter.mint(WidgetUser.of(id).withName("N" + i));
                        assertEquals(id, verify(token).getClaim("external_id").asString());
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(jobs)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
