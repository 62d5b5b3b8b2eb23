package dev.zwidget.internal.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the page tells the messaging widget besides who the visitor is, each through
 * {@code zE('messenger:set', …)} and each off unless configured: conversation fields and tags
 * from property paths on the user object, the widget's locale, and the visitor's cookie consent.
 * Immutable.
 */
public final class WidgetSets {

    /** The consent a cookie or request attribute gives with one of these values (any case). */
    public static final java.util.List<String> CONSENT_VALUES =
            java.util.Arrays.asList("true", "yes", "1", "granted", "accepted", "allow", "all");

    private final Map<String, String> conversationFields;
    private final String tagsPath;
    private final boolean localeFromRequest;
    private final String localePath;
    private final String consentCookie;
    private final String consentAttribute;

    WidgetSets(Map<String, String> conversationFields, String tagsPath, boolean localeFromRequest,
            String localePath, String consentCookie, String consentAttribute) {
        this.conversationFields = Collections.unmodifiableMap(new TreeMap<>(conversationFields));
        this.tagsPath = tagsPath;
        this.localeFromRequest = localeFromRequest;
        this.localePath = localePath;
        this.consentCookie = consentCookie;
        this.consentAttribute = consentAttribute;
    }

    /** Field ID to property path, in field ID order. */
    public Map<String, String> conversationFields() {
        return conversationFields;
    }

    /** Property path of the conversation tags, or {@code null}. */
    public String tagsPath() {
        return tagsPath;
    }

    /** Whether the widget's locale is the request's ({@code widgetLocale=request}). */
    public boolean localeFromRequest() {
        return localeFromRequest;
    }

    /** Property path of the widget's locale on the user object, or {@code null}. */
    public String localePath() {
        return localePath;
    }

    /** The cookie whose value gives cookie consent, or {@code null}. */
    public String consentCookie() {
        return consentCookie;
    }

    /** The request attribute whose value gives cookie consent, or {@code null}. */
    public String consentAttribute() {
        return consentAttribute;
    }

    /** Whether any value comes from the application's user object. */
    public boolean readsUserObject() {
        return !conversationFields.isEmpty() || tagsPath != null || localePath != null;
    }

    /** Whether nothing is set: pages then get exactly the block they always got. */
    public boolean none() {
        return !readsUserObject() && !localeFromRequest && consentCookie == null && consentAttribute == null;
    }

    @Override
    public String toString() {
        return "WidgetSets[conversationFields=" + conversationFields + ", conversationTags=" + tagsPath
                + ", widgetLocale=" + (localeFromRequest ? "request" : localePath) + ", cookieConsent="
                + (consentCookie != null ? "cookie:" + consentCookie
                        : consentAttribute != null ? "attribute:" + consentAttribute : null) + "]";
    }
}
