package dev.zwidget.internal.user;

import dev.zwidget.UserResolver;
import dev.zwidget.WidgetUser;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Objects;

/**
 * Takes the signed-in user from the container's authentication
 * ({@link HttpServletRequest#getUserPrincipal()}), as set by container-managed security or a
 * framework that wraps the request. Immutable and thread-safe.
 */
public final class PrincipalUserResolver implements UserResolver {

    private final UserMapper mapper;

    /**
     * @param mapper how to read the visitor out of the principal; without an external-id path
     *     the principal's name is the external id
     */
    public PrincipalUserResolver(UserMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public WidgetUser resolve(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? null : mapper.map(principal);
    }

    @Override
    public String toString() {
        return "PrincipalUserResolver[" + mapper + "]";
    }
}
