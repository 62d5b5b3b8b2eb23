package dev.zwidget.internal.user;

import dev.zwidget.UserResolver;
import dev.zwidget.WidgetUser;
import dev.zwidget.internal.compat.Java8;
import jakarta.servlet.http.HttpServletRequest;
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
        return mapper.map(UserObjects.of(request, attributeName));
    }

    @Override
    public String toString() {
        return "SessionAttributeUserResolver[attribute=" + attributeName + ", " + mapper + "]";
    }
}
