package dev.zwidget.internal.web;

import dev.zwidget.UserResolver;
import dev.zwidget.internal.config.FilterSettings;
import dev.zwidget.internal.user.PrincipalUserResolver;
import dev.zwidget.internal.user.PropertyPath;
import dev.zwidget.internal.user.SessionAttributeUserResolver;
import dev.zwidget.internal.user.UserMapper;

/**
 * The resolver the init-params describe when no {@code userResolver} class is named: the
 * visitor is a session attribute ({@code sessionAttribute}) or else the request's principal,
 * read through the configured property paths.
 */
final class BuiltInResolvers {

    private BuiltInResolvers() {
    }

    /** @param externalIdPath the filter's path to the external id, or a brand's own */
    static UserResolver of(FilterSettings settings, String externalIdPath) {
        PropertyPath id = path(externalIdPath);
        PropertyPath name = path(settings.namePath());
        PropertyPath email = path(settings.emailPath());
        UserMapper mapper = settings.emailVerifiedPath() != null
                ? new UserMapper(id, name, email, PropertyPath.parse(settings.emailVerifiedPath()))
                : new UserMapper(id, name, email, settings.emailVerifiedConstant());
        return settings.sessionAttribute() != null
                ? new SessionAttributeUserResolver(settings.sessionAttribute(), mapper)
                : new PrincipalUserResolver(mapper);
    }

    private static PropertyPath path(String path) {
        return path == null ? null : PropertyPath.parse(path);
    }
}
