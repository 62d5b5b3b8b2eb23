package dev.zwidget.internal.web;

import dev.zwidget.internal.config.WidgetSets;
import dev.zwidget.internal.html.WidgetMarkup;
import dev.zwidget.internal.user.PropertyPath;
import dev.zwidget.internal.user.UserObjects;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * The {@code zE('messenger:set', …)} calls a page makes, from the request and the application's
 * user object. Every value is written as JSON whose strings escape everything but letters,
 * digits and a few URL characters as {@code \\uXXXX}: no quote, {@code <}, line separator or
 * non-ASCII character from a visitor or a user object reaches the script as it is. A value that
 * is absent is left out; a property path that does not fit the user's class is logged once and
 * its value left out. Immutable and thread-safe.
 */
final class WidgetSetCalls {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,7}");

    private final WidgetSets sets;
    private final String sessionAttribute;
    private final Map<String, PropertyPath> fields = new LinkedHashMap<>();
    private final PropertyPath tags;
    private final PropertyPath locale;
    private final OnceLog log;

    WidgetSetCalls(WidgetSets sets, String sessionAttribute, OnceLog log) {
        this.sets = sets;
        this.sessionAttribute = sessionAttribute;
        this.log = log;
        for (Map.Entry<String, String> field : sets.conversationFields().entrySet()) {
            fields.put(field.getKey(), PropertyPath.parse(field.getValue()));
        }
        tags = sets.tagsPath() == null ? null : PropertyPath.parse(sets.tagsPath());
        locale = sets.localePath() == null ? null : PropertyPath.parse(sets.localePath());
    }

    /** The calls for this request, as script statements; empty when nothing is configured. */
    String calls(HttpServletRequest request) {
        if (sets.none()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (sets.consentCookie() != null || sets.consentAttribute() != null) {
            // First: the widget must know before it stores anything whether it may use cookies.
            out.append(call("cookies", consented(request) ? "true" : "false"));
        }
        Object user = sets.readsUserObject() ? UserObjects.of(request, sessionAttribute) : null;
        String language = sets.localeFromRequest() ? requestLocale(request) : languageTag(read(locale, user));
        if (language != null) {
            out.append(call("locale", json(language)));
        }
        StringBuilder fieldList = new StringBuilder();
        for (Map.Entry<String, PropertyPath> field : fields.entrySet()) {
            Object value = read(field.getValue(), user);
            if (value != null) {
                fieldList.append(fieldList.length() == 0 ? "" : ",").append("{\"id\":").append(json(field.getKey()))
                        .append(",\"value\":").append(json(value)).append('}');
            }
        }
        if (fieldList.length() > 0) {
            out.append(call("conversationFields", "[" + fieldList + "]"));
        }
        Object tagValue = read(tags, user);
        List<String> tagList = tagValue == null ? null : UserObjects.tagList(tagValue);
        if (tagList != null && !tagList.isEmpty()) {
            StringBuilder array = new StringBuilder("[");
            for (String tag : tagList) {
                array.append(array.length() == 1 ? "" : ",").append(json(tag));
            }
            out.append(call("conversationTags", array.append(']').toString()));
        }
        return out.toString();
    }

    private static String call(String name, String value) {
        return "zE('messenger:set','" + name + "'," + value + ");";
    }

    private boolean consented(HttpServletRequest request) {
        Object value = null;
        if (sets.consentAttribute() != null) {
            value = request.getAttribute(sets.consentAttribute());
        } else {
            // The application's own cookie: read as the container reads it (quotes, encoding),
            // unlike the marker, whose format is the filter's own.
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie cookie : cookies) {
                    if (sets.consentCookie().equals(cookie.getName())) {
                        value = cookie.getValue();
                    }
                }
            }
        }
        return value != null && WidgetSets.CONSENT_VALUES.contains(value.toString().trim().toLowerCase(Locale.ROOT));
    }

    /** The request's locale only when the browser sent one: getLocale() alone falls back to the server's. */
    private static String requestLocale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? null : languageTag(request.getLocale());
    }

    private static String languageTag(Object value) {
        if (value == null) {
            return null;
        }
        String tag = value instanceof Locale ? ((Locale) value).toLanguageTag() : value.toString().trim().replace('_', '-');
        return LANGUAGE_TAG.matcher(tag).matches() && !"und".equals(tag) ? tag : null;
    }

    private Object read(PropertyPath path, Object user) {
        if (path == null || user == null) {
            return null;
        }
        try {
            return path.read(user);
        } catch (RuntimeException e) {
            // An operator's mistake (a path that does not fit the user's class): the page still gets
            // its widget. Only the type is logged; a message may quote personal data.
            log.log(Level.SEVERE, "set:" + path, "Zendesk widget: a widget setting's property path "
                    + path + " cannot be read from the user object; it is left out: " + e.getClass().getName(), e);
            return null;
        }
    }

    /** A JSON value: booleans and finite numbers as they are, everything else as an escaped string. */
    static String json(Object value) {
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof BigDecimal || (value instanceof Double || value instanceof Float)
                && !Double.isNaN(((Number) value).doubleValue()) && !Double.isInfinite(((Number) value).doubleValue())) {
            return value.toString();
        }
        return "\"" + WidgetMarkup.jsString(value.toString()) + "\"";
    }
}
