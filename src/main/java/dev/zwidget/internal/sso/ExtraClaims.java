package dev.zwidget.internal.sso;

import dev.zwidget.internal.config.SsoSettings;
import dev.zwidget.internal.user.PropertyPath;
import dev.zwidget.internal.user.UserObjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The optional SSO claims ({@code organization}, {@code tags}, {@code phone}, {@code locale_id},
 * {@code user_fields}) read from the application's user object through the configured property
 * paths and turned into the JSON types Zendesk takes. A value that is absent, or of a type that
 * cannot be sent, is left out rather than guessed. {@code role} is never among them: it only
 * comes from configuration. Immutable and thread-safe.
 */
final class ExtraClaims {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final PropertyPath organization;
    private final PropertyPath tags;
    private final PropertyPath phone;
    private final PropertyPath localeId;
    private final PropertyPath userFields;

    ExtraClaims(SsoSettings settings) {
        organization = path(settings.organizationPath());
        tags = path(settings.tagsPath());
        phone = path(settings.phonePath());
        localeId = path(settings.localeIdPath());
        userFields = path(settings.userFieldsPath());
    }

    private static PropertyPath path(String path) {
        return path == null ? null : PropertyPath.parse(path);
    }

    /** Whether any claim is configured, so that the user object must be looked up at all. */
    boolean any() {
        return organization != null || tags != null || phone != null || localeId != null || userFields != null;
    }

    /** The claims found on {@code user} (which may be {@code null}), in a stable order. */
    Map<String, Object> read(Object user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (user == null) {
            return claims;
        }
        putText(claims, "organization", read(organization, user));
        Object tagValue = read(tags, user);
        if (tagValue != null) {
            List<String> list = tagList(tagValue);
            if (!list.isEmpty()) {
                claims.put("tags", list);
            }
        }
        putText(claims, "phone", read(phone, user));
        Long locale = localeId(read(localeId, user));
        if (locale != null) {
            claims.put("locale_id", locale);
        }
        Object fields = read(userFields, user);
        if (fields instanceof Map && !((Map<?, ?>) fields).isEmpty()) {
            claims.put("user_fields", fieldMap((Map<?, ?>) fields));
        }
        return claims;
    }

    private static Object read(PropertyPath path, Object user) {
        return path == null ? null : path.read(user);
    }

    private static void putText(Map<String, Object> claims, String name, Object value) {
        if (value != null && !value.toString().trim().isEmpty()) {
            claims.put(name, value.toString());
        }
    }

    static List<String> tagList(Object value) {
        return UserObjects.tagList(value);
    }

    /** Zendesk's locale ids are integers: a number, or a string of digits. */
    static Long localeId(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof CharSequence && DIGITS.matcher(value.toString().trim()).matches()) {
            return Long.parseLong(value.toString().trim());
        }
        return null;
    }

    /** Field key to a string, number, boolean or null, as user fields take; anything else as text. */
    private static Map<String, Object> fieldMap(Map<?, ?> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            Object value = field.getValue();
            boolean plain = value == null || value instanceof String || value instanceof Boolean
                    || value instanceof Integer || value instanceof Long || value instanceof Double;
            out.put(String.valueOf(field.getKey()), plain ? value : value.toString());
        }
        return out;
    }
}
