package dev.zwidget.internal.config;

import static dev.zwidget.internal.config.InitParams.CONVERSATION_FIELD_PREFIX;
import static dev.zwidget.internal.config.InitParams.CONVERSATION_TAGS;
import static dev.zwidget.internal.config.InitParams.COOKIE_CONSENT;
import static dev.zwidget.internal.config.InitParams.MODE;
import static dev.zwidget.internal.config.InitParams.SYNC_TABS;
import static dev.zwidget.internal.config.InitParams.USER_RESOLVER;
import static dev.zwidget.internal.config.InitParams.WIDGET_LOCALE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the params of {@link WidgetSets} into the same {@link ParamReader} as the rest, so that
 * one start-up error lists every problem. They are messaging-widget calls: classic mode refuses
 * them, and the paths need the application's user object, which a {@code userResolver} hides.
 */
final class WidgetSetsParser {

    // Zendesk's ticket field IDs are numbers; anything else is a mistake worth naming at start.
    private static final Pattern FIELD_ID = Pattern.compile("[0-9]{1,20}");
    // A cookie name (RFC 6265 token) or a request attribute name: no quotes, spaces or separators.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.$!#%&'*+^`|~-]{1,128}");

    private WidgetSetsParser() {
    }

    static WidgetSets read(ParamReader in, WidgetMode mode, boolean hasUserResolver) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : in.namesStartingWith(CONVERSATION_FIELD_PREFIX)) {
            String id = name.substring(CONVERSATION_FIELD_PREFIX.length());
            String path = SettingsParser.propertyPath(in, name);
            if (!FIELD_ID.matcher(id).matches()) {
                in.problem(name, name + ": the field ID after " + CONVERSATION_FIELD_PREFIX
                        + " must be the ticket field's number from Admin Center");
            } else if (path != null) {
                fields.put(id, path);
            }
        }
        String tags = SettingsParser.propertyPath(in, CONVERSATION_TAGS);
        String locale = in.optional(WIDGET_LOCALE);
        boolean localeFromRequest = "request".equals(locale);
        String localePath = localeFromRequest ? null
                : SettingsParser.matching(in, locale, WIDGET_LOCALE, SettingsParser.PROPERTY_PATH,
                        "must be request (the request's locale) or a property path such as locale");
        String consent = in.optional(COOKIE_CONSENT);
        String cookie = consentSource(in, consent, "cookie:");
        String attribute = consentSource(in, consent, "attribute:");
        if (consent != null && cookie == null && attribute == null) {
            in.invalid(COOKIE_CONSENT, consent, "must be cookie:NAME or attribute:NAME (a cookie or request"
                    + " attribute whose value says yes)");
        }
        WidgetSets sets = new WidgetSets(fields, tags, localeFromRequest, localePath, cookie, attribute);
        if (mode == WidgetMode.CLASSIC && (!sets.none() || in.raw(SYNC_TABS) != null)) {
            in.problem(MODE, "conversationField.*, " + CONVERSATION_TAGS + ", " + WIDGET_LOCALE + ", "
                    + COOKIE_CONSENT + " and " + SYNC_TABS + " are calls of the messaging widget, which"
                    + " classic mode does not load");
        }
        if (hasUserResolver && sets.readsUserObject()) {
            in.problem(USER_RESOLVER, USER_RESOLVER + " cannot be combined with conversationField.*, "
                    + CONVERSATION_TAGS + " or a " + WIDGET_LOCALE + " path: they are read from the session's"
                    + " user object or the principal");
        }
        return sets;
    }

    private static String consentSource(ParamReader in, String consent, String prefix) {
        if (consent == null || !consent.startsWith(prefix)) {
            return null;
        }
        String name = consent.substring(prefix.length());
        if (!NAME.matcher(name).matches()) {
            in.invalid(COOKIE_CONSENT, consent, "names no valid " + prefix.substring(0, prefix.length() - 1));
            return "";
        }
        return name;
    }
}
