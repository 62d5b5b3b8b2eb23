package dev.zwidget.internal.token;

import static dev.zwidget.internal.token.TestTokens.ALICE;
import static dev.zwidget.internal.token.TestTokens.CLOCK;
import static dev.zwidget.internal.token.TestTokens.NOW;
import static dev.zwidget.internal.token.TestTokens.SECRET;
import static dev.zwidget.internal.token.TestTokens.json;
import static dev.zwidget.internal.token.TestTokens.verifyAlice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.zwidget.WidgetUser;
import dev.zwidget.internal.config.Secret;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatTokenMinterTest {

    @Test
    void aChatTokenCarriesExactlyTheChatClaimsAndNoKid() throws Exception {
        String token = new ChatTokenMinter(Secret.of(SECRET), Duration.ofMinutes(5), CLOCK).mint(ALICE);
        DecodedJWT jwt = verifyAlice(token);
        assertEquals(Map.of("alg", "HS256", "typ", "JWT"), json(jwt.getHeader()));
        Map<?, ?> claims = json(jwt.getPayload());
        assertEquals(Set.of("name", "email", "external_id", "iat", "exp"), claims.keySet());
        assertEquals("1001", claims.get("external_id"), "a JSON string");
        assertEquals(NOW.getEpochSecond(), ((Number) claims.get("iat")).longValue(), "seconds");
        assertEquals(NOW.getEpochSecond() + 300, ((Number) claims.get("exp")).longValue());
        assertNull(jwt.getKeyId());
    }

    @Test
    void expStaysWithinTenMinutesWhateverTheConfiguredLifetime() {
        String token = new ChatTokenMinter(Secret.of(SECRET), Duration.ofHours(24), CLOCK).mint(ALICE);
        DecodedJWT jwt = verifyAlice(token);
        assertEquals(600, jwt.getExpiresAtAsInstant().getEpochSecond() - jwt.getIssuedAtAsInstant().getEpochSecond());
    }

    @Test
    void aVisitorWithoutNameOrEmailGetsNoChatToken() {
        ChatTokenMinter minter = new ChatTokenMinter(Secret.of(SECRET), Duration.ofMinutes(5), CLOCK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> minter.mint(WidgetUser.of("1001").withName("Alice")));
        assertEquals("a Chat JWT needs the visitor's name and email: configure the name and email params"
                + " (or set both in the UserResolver)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> minter.mint(WidgetUser.of("1001").withEmail("alice@example.com", true)));
    }

    @Test
    void theSelfTestPassesAndNothingShowsTheSecret() {
        ChatTokenMinter minter = new ChatTokenMinter(Secret.of(SECRET), Duration.ofMinutes(5), CLOCK);
        minter.selfTest();
        assertFalse(minter.toString().contains(SECRET));
        assertEquals("ChatTokenMinter[ttl=PT5M]", minter.toString());
    }
}
