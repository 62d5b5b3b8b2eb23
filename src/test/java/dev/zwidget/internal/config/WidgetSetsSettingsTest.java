package dev.zwidget.internal.config;

import static dev.zwidget.internal.config.Configs.failure;
import static dev.zwidget.internal.config.Configs.minimal;
import static dev.zwidget.internal.config.Configs.parse;
import static dev.zwidget.internal.config.Configs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** conversationField.*, conversationTags, widgetLocale, cookieConsent and syncTabs: off by default, checked at start. */
class WidgetSetsSettingsTest {

    @Test
    void everythingIsOffByDefault() throws Exception {
        FilterSettings settings = parse(minimal());
        assertTrue(settings.widgetSets().none());
        assertFalse(settings.syncTabs());
        assertFalse(settings.toString().contains("WidgetSets") || settings.toString().contains("syncTabs"));
    }

    @Test
    void theParamsAreReadWithFieldsInIdOrderAndNoUnknownParamWarning() throws Exception {
        Map<String, String> params = with("conversationField.360002", "plan.name");
        params.put("conversationField.360001", "id");
        params.put("conversationTags", "tags");
        params.put("widgetLocale", "request");
        params.put("cookieConsent", "cookie:cc_ok");
        params.put("syncTabs", "true");
        FilterSettings settings = parse(params);
        WidgetSets sets = settings.widgetSets();
        assertEquals(List.of("360001", "360002"), List.copyOf(sets.conversationFields().keySet()));
        assertEquals("plan.name", sets.conversationFields().get("360002"));
        assertEquals("tags", sets.tagsPath());
        assertTrue(sets.localeFromRequest());
        assertEquals("cc_ok", sets.consentCookie());
        assertTrue(settings.syncTabs());
        assertEquals(List.of(), settings.warnings());
        assertEquals("locale", parse(with("widgetLocale", "locale")).widgetSets().localePath());
        assertEquals("consent", parse(with("cookieConsent", "attribute:consent")).widgetSets().consentAttribute());
    }

    @Test
    void badValuesAreOneInitErrorNamingEachParam() {
        Map<String, String> params = with("conversationField.subject", "name");
        params.put("conversationField.12", "not a path");
        params.put("widgetLocale", "en US");
        params.put("cookieConsent", "header:X");
        params.put("syncTabs", "yes");
        String message = failure(params);
        assertTrue(message.contains("5 problems"), message);
        assertTrue(message.contains("conversationField.subject: the field ID after conversationField. must be the"
                + " ticket field's number from Admin Center"), message);
        assertTrue(message.contains("conversationField.12 'not a path' must be a property path"), message);
        assertTrue(message.contains("widgetLocale 'en US' must be request (the request's locale) or a property"
                + " path such as locale"), message);
        assertTrue(message.contains("cookieConsent 'header:X' must be cookie:NAME or attribute:NAME"), message);
        assertTrue(message.contains("syncTabs 'yes' must be true or false"), message);
        assertTrue(failure(with("cookieConsent", "cookie:a b")).contains("cookieConsent 'cookie:a b' names no"
                + " valid cookie"));
    }

    @Test
    void classicModeAndAUserResolverRefuseWhatTheyCannotServe() {
        Map<String, String> classic = with("mode", "classic");
        classic.put("syncTabs", "true");
        assertTrue(failure(classic).contains("conversationField.*, conversationTags, widgetLocale, cookieConsent"
                + " and syncTabs are calls of the messaging widget, which classic mode does not load"));
        Map<String, String> resolver = with("userResolver", "dev.zwidget.internal.config.UserResolverSettingTest$GoodResolver");
        resolver.put("conversationTags", "tags");
        String message = failure(resolver);
        assertTrue(message.contains("userResolver cannot be combined with conversationField.*, conversationTags or a"
                + " widgetLocale path"), message);
    }
}
