package dev.zwidget.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.WidgetUser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UserMapperTest {

    public record Account(Object id, String fullName, String mail, Object verified) {
    }

    public record NamedPrincipal(String name, String uid) implements Principal {
        @Override
        public String getName() {
            return name;
        }
    }

    private static PropertyPath p(String path) {
        return PropertyPath.parse(path);
    }

    private static final UserMapper DEFAULTS = new UserMapper(null, null, null, false);

    @Test
    void numericIdsBecomeDecimalStrings() {
        assertEquals("1001", DEFAULTS.map(Map.of("id", 1001)).externalId());
        assertEquals("1001", DEFAULTS.map(Map.of("id", 1001L)).externalId());
        assertEquals("1001", DEFAULTS.map(Map.of("id", (short) 1001)).externalId());
        assertEquals("1001", DEFAULTS.map(Map.of("id", new AtomicLong(1001))).externalId());
        assertEquals("12345678901234567890",
                DEFAULTS.map(Map.of("id", new BigInteger("12345678901234567890"))).externalId());
        assertEquals("10000000000", DEFAULTS.map(Map.of("id", new BigDecimal("1E+10"))).externalId());
        // JSON libraries hand out integral numbers as doubles: they must not gain a ".0".
        assertEquals("1001", DEFAULTS.map(Map.of("id", 1001.0d)).externalId());
        assertEquals("10000000000", DEFAULTS.map(Map.of("id", 1.0E10d)).externalId());
        assertEquals("1.5", DEFAULTS.map(Map.of("id", 1.5f)).externalId());
    }

    @Test
    void otherIdsUseToString() {
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertEquals(uuid.toString(), DEFAULTS.map(Map.of("id", uuid)).externalId());
        assertEquals("u-42", DEFAULTS.map(Map.of("id", new StringBuilder("u-42"))).externalId());
    }

    @Test
    void missingOrBlankIdMeansNotSignedIn() {
        assertNull(DEFAULTS.map(null));
        assertNull(DEFAULTS.map(new HashMap<>()));
        assertNull(DEFAULTS.map(Map.of("id", "  ")));
        assertNull(DEFAULTS.map(Map.of("id", Double.NaN)));
        assertNull(DEFAULTS.map(new Account(null, "Ana", "a@example.com", true)));
    }

    @Test
    void principalDefaultsToItsNameAndOtherwiseUsesThePath() {
        NamedPrincipal principal = new NamedPrincipal("ana", "u-7");
        assertEquals("ana", DEFAULTS.map(principal).externalId());
        UserMapper byUid = new UserMapper(p("uid"), p("name"), null, false);
        WidgetUser user = byUid.map(principal);
        assertEquals("u-7", user.externalId());
        assertEquals("ana", user.name());
    }

    @Test
    void mapsNameAndEmailWithConstantVerification() {
        UserMapper mapper = new UserMapper(null, p("fullName"), p("mail"), true);
        WidgetUser user = mapper.map(new Account(7L, "José Ñúñez", "jose@example.com", null));
        assertEquals(WidgetUser.of("7").withName("José Ñúñez").withEmail("jose@example.com", true),
                user);
    }

    @Test
    void blankNameAndEmailAreAbsentAndVerifiedNeedsAnEmail() {
        UserMapper mapper = new UserMapper(null, p("fullName"), p("mail"), true);
        WidgetUser user = mapper.map(new Account(7, " ", "", true));
        assertNull(user.name());
        assertNull(user.email());
        assertFalse(user.emailVerified());
    }

    @Test
    void verificationReadFromAPath() {
        UserMapper mapper = new UserMapper(null, null, p("mail"), p("verified"));
        assertTrue(verified(mapper, Boolean.TRUE));
        assertTrue(verified(mapper, "TRUE"));
        assertTrue(verified(mapper, "true"));
        assertFalse(verified(mapper, Boolean.FALSE));
        assertFalse(verified(mapper, "false"));
        assertFalse(verified(mapper, "yes"));
        assertFalse(verified(mapper, 1));
        assertFalse(verified(mapper, null));
        UserMapper noPath = new UserMapper(null, null, p("mail"), (PropertyPath) null);
        assertFalse(verified(noPath, true));
    }

    @Test
    void misconfiguredPathIsReported() {
        UserMapper mapper = new UserMapper(p("userId"), null, null, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mapper.map(new Account(1, null, null, null)));
        assertTrue(e.getMessage().contains("'userId'"), e.getMessage());
    }

    private static boolean verified(UserMapper mapper, Object flag) {
        return mapper.map(new Account(1, null, "a@example.com", flag)).emailVerified();
    }
}
