package dev.zwidget.internal.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.zwidget.internal.config.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedTokenTest {

    private static final SignedToken.HeaderRule ANY_HEADER = header -> { };

    private static SignedToken twoKeys() {
        Map<String, Secret> byKid = new LinkedHashMap<>();
        byKid.put("app_new", Secret.of("new-secret-new-secret"));
        byKid.put("app_old", Secret.of("old-secret-old-secret"));
        return new SignedToken(byKid);
    }

    @Test
    void eachKidIsCheckedWithItsOwnSecret() throws Exception {
        String old = JWT.create().withKeyId("app_old").withClaim("n", 1).sign(Algorithm.HMAC256("old-secret-old-secret"));
        assertEquals(1, twoKeys().payload(old, ANY_HEADER).get("n").asInt());
        String crossed = JWT.create().withKeyId("app_new").sign(Algorithm.HMAC256("old-secret-old-secret"));
        assertEquals("bad signature", assertThrows(TokenRejected.class,
                () -> twoKeys().payload(crossed, ANY_HEADER)).getMessage());
    }

    /** Refused by the token itself, not only by a header rule before it (it was a NullPointerException). */
    @Test
    void aMissingOrUnknownKidIsRefusedEvenWhenTheHeaderRuleLetsItThrough() {
        String none = JWT.create().sign(Algorithm.HMAC256("new-secret-new-secret"));
        assertEquals("unknown kid nothing", assertThrows(TokenRejected.class,
                () -> twoKeys().payload(none, ANY_HEADER)).getMessage());
        String other = JWT.create().withKeyId("app_x").sign(Algorithm.HMAC256("new-secret-new-secret"));
        assertEquals("unknown kid 'app_x'", assertThrows(TokenRejected.class,
                () -> twoKeys().payload(other, ANY_HEADER)).getMessage());
    }

    @Test
    void theDescriptionNamesTheKidsOnly() {
        assertEquals("app_new, app_old", twoKeys().kids());
    }
}
