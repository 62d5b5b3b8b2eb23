package dev.zwidget.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's user directory: two fixed accounts with the password {@code demo}, and where the
 * signed-in one is kept. A real application checks a password store; this one only needs
 * something to sign in with.
 */
public final class Users {

    /** The session attribute holding the signed-in {@link User}: the filter's {@code sessionAttribute}. */
    public static final String SESSION_ATTRIBUTE = "user";

    /** The password of every demo account. */
    public static final String PASSWORD = "demo";

    private static final Map<String, User> BY_USERNAME = Map.of(
            "alice", new User(1001L, "Alice", "alice@example.com"),
            "bob", new User(1002L, "Bob", "bob@example.com"));

    private Users() {
    }

    /**
     * The user with this user name and password, or {@code null}. Returns a fresh copy, so
     * that a session never shares a mutable bean with another session.
     */
    public static User authenticate(String username, String password) {
        User found = username == null ? null : BY_USERNAME.get(username.trim().toLowerCase(Locale.ROOT));
        // Compared in constant time even here: demos get copied into real code.
        boolean passwordOk = password != null && MessageDigest.isEqual(
                password.getBytes(StandardCharsets.UTF_8), PASSWORD.getBytes(StandardCharsets.UTF_8));
        if (found == null || !passwordOk) {
            return null;
        }
        return new User(found.getId(), found.getName(), found.getEmail());
    }

    /** The signed-in user, or {@code null}; never creates a session. */
    public static User signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return user instanceof User ? (User) user : null;
    }
}
