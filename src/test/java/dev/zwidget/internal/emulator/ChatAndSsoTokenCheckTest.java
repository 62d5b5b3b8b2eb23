package dev.zwidget.internal.emulator;

import static dev.zwidget.internal.token.TestTokens.ALICE;
import static dev.zwidget.internal.token.TestTokens.CLOCK;
import static dev.zwidget.internal.token.TestTokens.NOW;
import static dev.zwidget.internal.token.TestTokens.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.zwidget.internal.config.Secret;
import dev.zwidget.internal.sso.SsoTokenMinter;
import dev.zwidget.internal.token.ChatTokenMinter;
import dev.zwidget.internal.token.TokenMinter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emulator's Chat and Help Center SSO rules, against tokens of the real minters and hand-made bad ones. */
class ChatAndSsoTokenCheckTest {

    private final ChatTokenCheck chat = new ChatTokenCheck(Secret.of(SECRET), CLOCK);
    private final SsoTokenCheck sso = new SsoTokenCheck(Secret.of(SECRET), CLOCK);

    private static String chatToken(Map<String, Object> claims) {
        return JWT.create().withPayload(claims).sign(Algorithm.HMAC256(SECRET));
    }

    @Test
    void aChatTokenOfTheMinterIsAccepted() {
        EmulatorVerdict verdict = chat.check(new ChatTokenMinter(Secret.of(SECRET), Duration.ofMinutes(5), CLOCK).mint(ALICE));
        assertTrue(verdict.ok(), verdict.toString());
        assertEquals("1001", verdict.externalId());
        assertEquals(NOW.getEpochSecond() + 300, verdict.exp());
    }

    @Test
    void aMessagingTokenIsRefusedForItsKid() {
        String messaging = new TokenMinter("app_1", Secret.of(SECRET), Duration.ofMinutes(5), CLOCK)
                .mint(ALICE);
        assertEquals("a Chat JWT has no kid: this looks like a messaging token (use mode=messenger, or sign with"
                + " the Chat shared secret)", chat.check(messaging).reason());
    }

    @Test
    void chatRulesSayWhyATokenFails() {
        long now = NOW.getEpochSecond();
        assertEquals("name is missing", chat.check(chatToken(Map.of("email", "a@b", "external_id", "1",
                "iat", now, "exp", now + 60))).reason());
        assertEquals("external_id must be a string, got a number", chat.check(chatToken(Map.of("name", "A",
                "email", "a@b", "external_id", 1001, "iat", now, "exp", now + 60))).reason());
        assertEquals("exp is 3600 s after iat: Chat takes at most 600 s", chat.check(chatToken(Map.of("name", "A",
                "email", "a@b", "external_id", "1", "iat", now, "exp", now + 3600))).reason());
        assertEquals("iat is 300 s in the future (Chat allows 120 s of clock skew)", chat.check(chatToken(Map.of(
                "name", "A", "email", "a@b", "external_id", "1", "iat", now + 300, "exp", now + 600))).reason());
        assertEquals("exp is missing: Chat tokens must expire", chat.check(chatToken(Map.of("name", "A",
                "email", "a@b", "external_id", "1", "iat", now))).reason());
    }

    @Test
    void anSsoTokenIsAcceptedOnceAndItsReplayRefused() {
        String token = new SsoTokenMinter(Secret.of(SECRET), null, CLOCK).mint(ALICE, "Alice", Map.of());
        EmulatorVerdict first = sso.check(token);
        assertTrue(first.ok(), first.toString());
        assertEquals("Alice", first.name());
        assertEquals("alice@example.com", first.email());
        assertTrue(sso.check(token).reason().endsWith(" was used before: every token needs a new one"));
    }

    @Test
    void ssoRulesSayWhyATokenFails() {
        long now = NOW.getEpochSecond();
        assertEquals("iat is 181 s away from now: Zendesk takes tokens issued within 180 s (is iat in"
                + " milliseconds, or the clock off?)", sso.check(chatToken(Map.of("iat", now - 181, "jti", "a",
                "email", "a@b", "name", "A"))).reason());
        assertEquals("jti is missing", sso.check(chatToken(Map.of("iat", now, "email", "a@b", "name", "A"))).reason());
        assertEquals("email is missing", sso.check(chatToken(Map.of("iat", now, "jti", "b", "name", "A"))).reason());
        assertEquals("name must be a non-empty string, got ' '", sso.check(chatToken(Map.of("iat", now, "jti", "c",
                "email", "a@b", "name", " "))).reason());
        assertEquals("bad signature", sso.check(JWT.create().withPayload(Map.of("iat", now, "jti", "d",
                "email", "a@b", "name", "A")).sign(Algorithm.HMAC256("another-secret"))).reason());
        assertTrue(sso.check(chatToken(Map.of("iat", now, "jti", "c", "email", "a@b", "name", "A"))).ok(),
                "a refused token did not use up its jti");
    }
}
