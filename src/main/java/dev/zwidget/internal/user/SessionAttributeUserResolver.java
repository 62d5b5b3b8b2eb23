package dev.zwidget.internal.user;

import dev.zwidget.UserResolver;
import dev.zwidget.WidgetUser;
import dev.zwidget.internal.compat.Java8;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;

/**
 * Finds the signed-in user in an attribute of the HTTP session, where many applications put
 * their user object at login. Immutable and thread-safe.
 */
public final class SessionAttributeUserResolver implements UserResolver {

    private final String attributeName;
    private final UserMapper mapper;

    /**
     * @param attributeName the session attribute holding the user object
     * @param mapper how to read the visitor out of that object
     */
    public SessionAttributeUserResolver(String attributeName, UserMapper mapper) {
        if (attributeName == null || Java8.isBlank(attributeName)) {
            throw new IllegalArgumentException("the session attribute name is empty");
        }
        this.attributeName = attributeName;
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public WidgetUser resolve(HttpServletRequest request) {
        // getSession(false): an anonymous page view must not create a session, or every
        // visitor and crawler would cost the server one and receive a session cookie.
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object user;
        try {
            user = session.getAttribute(attributeName);
        } catch (IllegalStateException invalidated) {
            // Another request (a logout in a second tab) invalidated the session meanwhile:
            // the visitor is no longer signed in.
            return null;
        }
        return mapper.map(user);
    }

    @Override
    public String toString() {
        return "SessionAttributeUserResolver[attribute=" + attributeName + ", " + mapper + "]";
    }
}
