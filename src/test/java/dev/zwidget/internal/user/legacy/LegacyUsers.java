package dev.zwidget.internal.user.legacy;

/**
 * User classes as legacy applications write them: package-private, with public getters. They
 * live in their own package so that reflection from the library really is denied access.
 */
public final class LegacyUsers {

    private LegacyUsers() {
    }

    public interface Named {
        String getName();
    }

    public static class PublicBase {
        public String getId() {
            return "base";
        }
    }

    static final class ViaInterface implements Named {
        @Override
        public String getName() {
            return "via-interface";
        }
    }

    static final class HiddenSubclass extends PublicBase {
        @Override
        public String getId() {
            return "overridden";
        }
    }

    static final class NoPublicSupertype {
        public String email = "field@example.com";

        public String getEmail() {
            return "hidden@example.com";
        }
    }

    public static Object viaInterface() {
        return new ViaInterface();
    }

    public static Object hiddenSubclass() {
        return new HiddenSubclass();
    }

    public static Object noPublicSupertype() {
        return new NoPublicSupertype();
    }
}
