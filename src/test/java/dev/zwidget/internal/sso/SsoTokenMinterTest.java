package dev.zwidget.internal.sso;

import static dev.zwidget.internal.token.TestTokens.ALICE;
import static dev.zwidget.internal.token.TestTokens.CLOCK;
import static dev.zwidget.internal.token.TestTokens.NOW;
import static dev.zwidget.internal.token.TestTokens.SECRET;
import static dev.zwidget.internal.token.TestTokens.json;
import static dev.zwidget.internal.token.TestTokens.verifyAlice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.zwidget.internal.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SsoTokenMinterTest {

    @Test
    void theTokenCarriesTheRequiredClaimsAndAFresh128BitJti() throws Exception {
        String token = new SsoTokenMinter(Secret.of(SECRET), null, CLOCK).mint(ALICE, "Alice", Map.of());
        DecodedJWT jwt = verifyAlice(token);
        assertEquals(Map.of("alg", "HS256", "typ", "JWT"), json(jwt.getHeader()));
        Map<?, ?> claims = json(jwt.getPayload());
        assertEquals(Set.of("iat", "jti", "email", "name", "external_id"), claims.keySet());
        assertEquals(NOW.getEpochSecond(), ((Number) claims.get("iat")).longValue(), "seconds");
        assertTrue(jwt.getId().matches("[A-Za-z0-9_-]{22}"), jwt.getId());
        assertEquals(16, Base64.getUrlDecoder().decode(jwt.getId()).length, "128 random bits");
    }

    @Test
    void everyTokenHasItsOwnJti() {
        SsoTokenMinter minter = new SsoTokenMinter(Secret.of(SECRET), null, CLOCK);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(verifyAlice(minter.mint(ALICE, "Alice", Map.of())).getId());
        }
        assertEquals(1000, ids.size());
    }

    @Test
    void optionalClaimsKeepTheirJsonTypesAndTheRoleComesOnlyFromConfiguration() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("organization", "Acme");
        extra.put("tags", List.of("gold", "beta"));
        extra.put("phone", "+15555550100");
        extra.put("locale_id", 1176L);
        extra.put("user_fields", Map.of("plan", "gold", "seats", 12L, "trial", false));
        extra.put("role", "admin");
        DecodedJWT jwt = verifyAlice(new SsoTokenMinter(Secret.of(SECRET), "user", CLOCK).mint(ALICE, "Alice", extra));
        Map<?, ?> claims = json(jwt.getPayload());
        assertEquals(Set.of("iat", "jti", "email", "name", "external_id", "organization", "tags", "phone",
                "locale_id", "user_fields", "role"), claims.keySet());
        assertEquals("Acme", claims.get("organization"));
        assertEquals(List.of("gold", "beta"), claims.get("tags"));
        assertEquals("+15555550100", claims.get("phone"));
        assertEquals(1176, claims.get("locale_id"));
        assertEquals(Map.of("plan", "gold", "seats", 12, "trial", false), claims.get("user_fields"));
        assertEquals("user", claims.get("role"), "never the value from the user object");

        Map<?, ?> noRole = json(verifyAlice(new SsoTokenMinter(Secret.of(SECRET), null, CLOCK)
                .mint(ALICE, "Alice", extra)).getPayload());
        assertFalse(noRole.containsKey("role"));
    }

    @Test
    void anExtraClaimNamedLikeOneOfTheMintersOwnIsIgnoredNotRepeated() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        for (String own : List.of("iat", "jti", "email", "name", "external_id", "role")) {
            extra.put(own, "from-the-user-object");
        }
        extra.put("organization", "Acme");
        DecodedJWT jwt = verifyAlice(new SsoTokenMinter(Secret.of(SECRET), null, CLOCK).mint(ALICE, "Alice", extra));
        String payload = new String(Base64.getUrlDecoder().decode(jwt.getPayload()), StandardCharsets.UTF_8);
        assertFalse(payload.contains("from-the-user-object"), payload);
        for (String own : List.of("iat", "jti", "email", "name", "external_id")) {
            assertEquals(payload.indexOf("\"" + own + "\":"), payload.lastIndexOf("\"" + own + "\":"), payload);
        }
        assertEquals("Acme", json(jwt.getPayload()).get("organization"));
    }

    @Test
    void extraClaimsAreReadInZendesksTypes() {
        assertEquals(List.of("gold", "beta", "x"), ExtraClaims.tagList("gold, beta x"));
        assertEquals(List.of("a", "b"), ExtraClaims.tagList(new String[] {"a", " ", "b"}));
        assertEquals(List.of("1", "2"), ExtraClaims.tagList(List.of(1, 2)));
        assertEquals(1176L, ExtraClaims.localeId(1176));
        assertEquals(1176L, ExtraClaims.localeId(" 1176 "));
        assertEquals(null, ExtraClaims.localeId("en-US"));
        assertEquals(null, ExtraClaims.localeId(1.5d));
    }

    @Test
    void theMinterNeverShowsTheSecret() {
        assertEquals("SsoTokenMinter[role=agent]", new SsoTokenMinter(Secret.of(SECRET), "agent", CLOCK).toString());
    }
}
