package dev.zwidget.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.internal.user.legacy.LegacyUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyPathTest {

    public static class Bean {
        private final long id;
        private final Profile profile;

        public Bean(long id, Profile profile) {
            this.id = id;
            this.profile = profile;
        }

        public long getId() {
            return id;
        }

        public Profile getProfile() {
            return profile;
        }
    }

    public static class Profile {
        public String nickname = "field-value";

        public String getEmail() {
            return "ana@example.com";
        }

        public boolean isVerified() {
            return true;
        }

        // A getter wins over a public field of the same name.
        public String getNickname() {
            return "getter-value";
        }
    }

    public record RecordUser(String id, String email) {
    }

    public static class Fluent {
        public String name() {
            return "fluent";
        }
    }

    public static class Throwing {
        public String getName() {
            throw new UnsupportedOperationException("boom");
        }
    }

    @Test
    void readsBeanGettersAlongThePath() {
        Bean bean = new Bean(1001L, new Profile());
        assertEquals(1001L, PropertyPath.parse("id").read(bean));
        assertEquals("ana@example.com", PropertyPath.parse("profile.email").read(bean));
        assertEquals(Boolean.TRUE, PropertyPath.parse("profile.verified").read(bean));
        assertEquals("getter-value", PropertyPath.parse("profile.nickname").read(bean));
    }

    @Test
    void readsRecordComponentsFluentMethodsAndFields() {
        assertEquals("r@example.com",
                PropertyPath.parse("email").read(new RecordUser("7", "r@example.com")));
        assertEquals("fluent", PropertyPath.parse("name").read(new Fluent()));
        class WithField {
            public final String code = "c-1";
        }
        assertEquals("c-1", PropertyPath.parse("code").read(new WithField()));
    }

    @Test
    void readsMapsByKey() {
        Map<String, Object> profile = new HashMap<>();
        profile.put("email", "m@example.com");
        Map<String, Object> user = Map.of("id", 5, "profile", profile);
        assertEquals(5, PropertyPath.parse("id").read(user));
        assertEquals("m@example.com", PropertyPath.parse("profile.email").read(user));
        assertNull(PropertyPath.parse("profile.phone").read(user));
    }

    @Test
    void nullAlongTheWayGivesNull() {
        assertNull(PropertyPath.parse("profile.email").read(new Bean(1, null)));
        assertNull(PropertyPath.parse("id").read(null));
    }

    @Test
    void unknownSegmentNamesClassAndSegment() {
        PropertyPath path = PropertyPath.parse("profile.emial");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> path.read(new Bean(1, new Profile())));
        assertTrue(e.getMessage().contains("no property 'emial' on " + Profile.class.getName()
                + " (tried getEmial(), isEmial(), emial(), field emial)"), e.getMessage());
        // The failure is cached but still reported on every read.
        assertThrows(IllegalArgumentException.class, () -> path.read(new Bean(2, new Profile())));
    }

    @Test
    void samePathWorksOnDifferentClasses() {
        PropertyPath email = PropertyPath.parse("email");
        assertEquals("ana@example.com", email.read(new Profile()));
        assertEquals("x@example.com", email.read(new RecordUser("1", "x@example.com")));
        assertEquals("y@example.com", email.read(Map.of("email", "y@example.com")));
    }

    @Test
    void nonPublicClassesAreReadThroughPublicSupertypesOrReflectiveAccess() {
        assertEquals("via-interface", PropertyPath.parse("name").read(LegacyUsers.viaInterface()));
        assertEquals("overridden", PropertyPath.parse("id").read(LegacyUsers.hiddenSubclass()));
        assertEquals("hidden@example.com",
                PropertyPath.parse("email").read(LegacyUsers.noPublicSupertype()));
    }

    @Test
    void exceptionFromTheApplicationIsWrappedWithContext() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PropertyPath.parse("name").read(new Throwing()));
        assertTrue(e.getMessage().contains("getName()"), e.getMessage());
        assertTrue(e.getCause() instanceof UnsupportedOperationException);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".id", "id.", "a..b", "1a", "a-b", " id", "profile.e mail", "a.1"})
    void invalidPathsAreRefused(String path) {
        assertThrows(IllegalArgumentException.class, () -> PropertyPath.parse(path));
    }

    @Test
    void validPathsKeepTheirText() {
        for (String text : List.of("id", "_id", "$x", "profile.email", "a.b_c.$d9")) {
            assertEquals(text, PropertyPath.parse(text).toString());
        }
    }
}
