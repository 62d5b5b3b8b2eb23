package dev.zwidget.internal.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.zwidget.WidgetUser;
import dev.zwidget.internal.config.Secret;
import dev.zwidget.internal.config.SigningKey;
import dev.zwidget.internal.token.TokenMinter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The emulator's token check against tokens from the library's own minter and against
 * hand-built ones, each rejection asserted with its reason.
 */
class EmulatorTokenCheckTest {

    private static final String KID = "app_5f3a9c";
    private static final String SECRET = "emulator-test-secret";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final long IN_AN_HOUR = NOW.getEpochSecond() + 3600;
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}";

    private final EmulatorTokenCheck check = new EmulatorTokenCheck(KID, Secret.of(SECRET), clock(NOW));

    private static Clock clock(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }

    private static String minted(Instant at, String kid, String secret) {
        TokenMinter minter = new TokenMinter(kid, Secret.of(secret), Duration.ofMinutes(5), clock(at));
        return minter.mint(WidgetUser.of("1001").withName("Alice").withEmail("alice@example.com", true));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A token with exactly this header and payload JSON, signed HS256 with the test secret. */
    private static String signed(String header, String payload) throws Exception {
        String input = b64(header) + "." + b64(payload);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String claims(String extra) {
        return "{\"scope\":\"user\",\"external_id\":\"1001\",\"exp\":" + IN_AN_HOUR + extra + "}";
    }

    private void assertRejected(String token, String reason) {
        EmulatorVerdict verdict = check.check(token);
        assertFalse(verdict.ok(), "accepted: " + token);
        assertEquals(reason, verdict.reason());
        assertNull(verdict.externalId());
    }

    @Test
    void acceptsATokenFromTheMinterAndReadsItsClaims() {
        EmulatorVerdict verdict = check.check(minted(NOW.minusSeconds(60), KID, SECRET));
        assertTrue(verdict.ok(), verdict::reason);
        assertNull(verdict.reason());
        assertEquals("1001", verdict.externalId());
        assertEquals("Alice", verdict.name());
        assertEquals("alice@example.com", verdict.email());
        assertEquals(NOW.getEpochSecond() + 240, verdict.exp());
    }

    @Test
    void acceptsAMinimalTokenWithoutExpNameOrEmail() throws Exception {
        EmulatorVerdict verdict = check.check(signed(HEADER, "{\"scope\":\"user\",\"external_id\":\"u-7\"}"));
        assertTrue(verdict.ok(), verdict::reason);
        assertEquals("u-7", verdict.externalId());
        assertNull(verdict.exp());
        assertNull(verdict.name());
    }

    @Test
    void rejectsAnotherKeyId() {
        assertRejected(minted(NOW, "app_other", SECRET), "unknown kid 'app_other'");
    }

    @Test
    void rejectsAnotherSecret() {
        assertRejected(minted(NOW, KID, "the-chat-secret-by-mistake"), "bad signature");
    }

    @Test
    void rejectsAnExpiredTokenWithoutLeeway() {
        Instant issued = NOW.minusSeconds(300);
        assertRejected(minted(issued, KID, SECRET), "expired at 2026-03-01T12:00:00Z");
        assertRejected(minted(issued.minusSeconds(1), KID, SECRET), "expired at 2026-03-01T11:59:59Z");
    }

    @Test
    void rejectsExpInMilliseconds() throws Exception {
        long millis = IN_AN_HOUR * 1000;
        assertRejected(signed(HEADER, "{\"scope\":\"user\",\"external_id\":\"1001\",\"exp\":" + millis + "}"),
                "exp looks like milliseconds (" + millis + "): Zendesk wants seconds since the epoch");
    }

    @Test
    void rejectsANumericExternalId() throws Exception {
        assertRejected(signed(HEADER, "{\"scope\":\"user\",\"external_id\":1001,\"exp\":" + IN_AN_HOUR + "}"),
                "external_id must be a string, got a number");
    }

    @Test
    void rejectsAlgNoneBeforeLookingForASignature() {
        String payload = b64(claims(""));
        assertRejected(b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}") + "." + payload + ".",
                "alg must be HS256, got 'none'");
        assertRejected(b64("{\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}") + "." + payload + ".",
                "alg must be HS256, got nothing");
    }

    @Test
    void rejectsOtherAlgorithmsEvenWithTheRightSecret() throws Exception {
        String hs512 = JWT.create().withKeyId(KID).withClaim("scope", "user").withClaim("external_id", "1001")
                .sign(Algorithm.HMAC512(SECRET));
        assertRejected(hs512, "alg must be HS256, got 'HS512'");
        assertRejected(signed(HEADER.replace("HS256", "RS256"), claims("")), "alg must be HS256, got 'RS256'");
    }

    @Test
    void rejectsAMissingScope() throws Exception {
        assertRejected(signed(HEADER, "{\"external_id\":\"1001\"}"), "scope is missing: it must be \"user\"");
        assertRejected(signed(HEADER, "{\"scope\":\"agent\",\"external_id\":\"1001\"}"),
                "scope must be \"user\", got 'agent'");
    }

    @Test
    void rejectsAnExternalIdOf256CharactersButTakes255() throws Exception {
        String id255 = "x".repeat(255);
        assertTrue(check.check(signed(HEADER, "{\"scope\":\"user\",\"external_id\":\"" + id255 + "\"}")).ok());
        assertRejected(signed(HEADER, "{\"scope\":\"user\",\"external_id\":\"" + id255 + "y\"}"),
                "external_id is longer than 255 characters (256)");
    }

    @Test
    void rejectsEmailVerifiedGivenAsAString() throws Exception {
        assertRejected(signed(HEADER, claims(",\"email\":\"a@example.com\",\"email_verified\":\"true\"")),
                "email_verified must be a boolean, got a string");
        assertTrue(check.check(signed(HEADER, claims(",\"email_verified\":true"))).ok());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"scope\":\"user\"}                                      | external_id is missing",
        "{\"scope\":\"user\",\"external_id\":\"  \"}               | external_id is empty",
        "{\"scope\":\"user\",\"external_id\":null}                 | external_id must be a string, got null",
        "{\"scope\":\"user\",\"external_id\":\"1\",\"exp\":\"9\"}  | exp must be an integer number of seconds, got a string",
        "{\"scope\":\"user\",\"external_id\":\"1\",\"exp\":1.5e9}  | exp must be an integer number of seconds, got a decimal number",
        "{\"scope\":\"user\",\"external_id\":\"1\",\"iat\":true}   | iat must be an integer number of seconds, got a boolean",
        "{\"scope\":\"user\",\"external_id\":\"1\",\"scope\":\"user\"} | payload is not valid JSON",
        "[1,2]                                                     | payload is not a JSON object",
    })
    void explainsEveryOtherClaimProblem(String payload, String reason) throws Exception {
        assertRejected(signed(HEADER, payload), reason);
    }

    @Test
    void rejectsWhatIsNotAJwtAtAll() {
        String reason = "not a JWT: it must be three base64url parts separated by dots";
        assertRejected(null, reason);
        assertRejected("", reason);
        assertRejected("a.b", reason);
        assertRejected("a.b.c.d", reason);
        assertRejected("a+b.cc.dd", reason);
        assertRejected(b64("not json") + "." + b64("{}") + ".", "header is not valid JSON");
    }

    @Test
    void neverShowsTheSecret() {
        String text = check + " " + check.check(minted(NOW, KID, SECRET)) + " "
                + check.check(minted(NOW, KID, "other"));
        assertFalse(text.contains(SECRET), text);
    }

    @Test
    void withSeveralKeysATokenOfAnyOfThemVerifiesWithItsOwnSecretOnly() throws Exception {
        EmulatorTokenCheck rotating = new EmulatorTokenCheck(java.util.List.of(
                new SigningKey("app_new", Secret.of("new-secret")), new SigningKey(KID, Secret.of(SECRET))), clock(NOW));
        assertEquals("1001", rotating.check(minted(NOW, "app_new", "new-secret")).externalId());
        assertEquals("1001", rotating.check(minted(NOW, KID, SECRET)).externalId());
        EmulatorVerdict crossed = rotating.check(minted(NOW, "app_new", SECRET));
        assertFalse(crossed.ok());
        assertEquals("bad signature", crossed.reason());
        assertEquals("unknown kid 'app_gone'", rotating.check(minted(NOW, "app_gone", SECRET)).reason());
        assertEquals("EmulatorTokenCheck[kid=app_new, " + KID + "]", rotating.toString());
    }
}
