package dev.zwidget.internal.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The application's own user object and the list-valued reads made from it, shared by the SSO
 * claims and the widget's conversation settings, which both read property paths from it.
 */
public final class UserObjects {

    private static final Pattern TAG_SEPARATORS = Pattern.compile("[,\\s]+");

    private UserObjects() {
    }

    /** The session's user object under {@code sessionAttribute}, or the principal when that is {@code null}. */
    public static Object of(HttpServletRequest request, String sessionAttribute) {
        if (sessionAttribute == null) {
            return request.getUserPrincipal();
        }
        // getSession(false): an anonymous page view must not create a session, or every
        // visitor and crawler would cost the server one and receive a session cookie.
        HttpSession session = request.getSession(false);
        try {
            return session == null ? null : session.getAttribute(sessionAttribute);
        } catch (IllegalStateException invalidated) {
            // Another request (a logout in a second tab) invalidated the session meanwhile:
            // the visitor is no longer signed in.
            return null;
        }
    }

    /** A collection or array, one element per tag; one string is split at commas and spaces. */
    public static List<String> tagList(Object value) {
        List<String> tags = new ArrayList<>();
        if (value instanceof Collection) {
            for (Object tag : (Collection<?>) value) {
                addTag(tags, tag);
            }
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                addTag(tags, Array.get(value, i));
            }
        } else {
            for (String tag : TAG_SEPARATORS.split(value.toString())) {
                addTag(tags, tag);
            }
        }
        return tags;
    }

    private static void addTag(List<String> tags, Object tag) {
        if (tag != null && !tag.toString().trim().isEmpty()) {
            tags.add(tag.toString().trim());
        }
    }
}
