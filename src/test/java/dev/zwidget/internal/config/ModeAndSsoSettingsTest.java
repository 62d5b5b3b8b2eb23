package dev.zwidget.internal.config;

import static dev.zwidget.internal.config.Configs.failure;
import static dev.zwidget.internal.config.Configs.minimal;
import static dev.zwidget.internal.config.Configs.parse;
import static dev.zwidget.internal.config.Configs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModeAndSsoSettingsTest {

    private static Map<String, String> sso(String... more) {
        Map<String, String> params = with("ssoSecret", "the-sso-secret-value");
        params.put("zendeskSubdomain", "acme");
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        return params;
    }

    @Test
    void messengerIsTheDefaultModeAndSsoIsOffWithoutItsSecret() throws Exception {
        FilterSettings settings = parse(minimal());
        assertEquals(WidgetMode.MESSENGER, settings.mode());
        assertNull(settings.sso());
    }

    @Test
    void classicModeNeedsNoKeyIdAndSaysItIgnoresOneAndCapsTheLifetime() throws Exception {
        Map<String, String> params = with("mode", "classic");
        params.remove("keyId");
        FilterSettings settings = parse(params);
        assertEquals(WidgetMode.CLASSIC, settings.mode());
        assertNull(settings.keyId());
        assertEquals(List.of(), settings.warnings());

        params.put("keyId", "app_1");
        params.put("tokenTtl", "PT1H");
        assertEquals(List.of("keyId is ignored in classic mode: Chat JWTs carry no kid, and secret must be the Chat"
                + " shared secret", "tokenTtl PT1H is longer than Chat tokens may live: they expire PT10M after"
                + " they are issued"), parse(params).warnings());
    }

    @Test
    void anUnknownModeIsAnInitErrorNamingTheParam() {
        assertTrue(failure(with("mode", "chat")).endsWith("1 problem in its init-params: mode 'chat' must be"
                + " messenger (the messaging Web Widget) or classic (the Classic Web Widget with Chat)"));
    }

    @Test
    void ssoSettingsHaveTheirDefaults() throws Exception {
        SsoSettings sso = parse(sso()).sso();
        assertEquals("/zendesk-widget/sso", sso.path());
        assertEquals("acme", sso.subdomain());
        assertNull(sso.loginPath());
        assertEquals("next", sso.loginReturnParam());
        assertEquals("/", sso.logoutPath());
        assertNull(sso.role());
        assertFalse(sso.hasClaimPaths());
    }

    @Test
    void everySsoMistakeIsReportedAtOnceAndTheSsoSecretNeverShows() {
        Map<String, String> params = sso("zendeskSubdomain", "https://acme.zendesk.com", "helpCenterHost", "help/x",
                "ssoPath", "/sso/", "loginPath", "login", "ssoRole", "the-sso-secret-value", "ssoTags", "1tags",
                "loginReturnParam", "a b");
        String message = failure(params);
        assertTrue(message.contains("7 problems"), message);
        assertTrue(message.contains("zendeskSubdomain 'https://acme.zendesk.com' must be the account's subdomain"
                + " alone"), message);
        assertTrue(message.contains("helpCenterHost 'help/x' must be a host name"), message);
        assertTrue(message.contains("ssoPath '/sso/' must not end with /"), message);
        assertTrue(message.contains("loginPath 'login' must start with /"), message);
        assertTrue(message.contains("ssoRole [secret] must be one of user, agent, admin"), message);
        assertTrue(message.contains("ssoTags '1tags' must be a property path"), message);
        assertTrue(message.contains("loginReturnParam 'a b' must be"), message);
        assertFalse(message.contains("the-sso-secret-value"), message);
    }

    @Test
    void ssoNeedsAZendeskHostAndItsOwnPath() {
        Map<String, String> params = sso();
        params.remove("zendeskSubdomain");
        assertTrue(failure(params).contains("ssoSecret is set, so zendeskSubdomain (or helpCenterHost for a"
                + " host-mapped Help Center) is required"));
        assertTrue(failure(sso("ssoPath", "/zendesk-widget/token")).contains("ssoPath must differ from tokenPath"));
    }

    @Test
    void theSsoSecretIsRedactedInTheSettingsDescription() throws Exception {
        String described = parse(sso()).toString();
        assertTrue(described.contains("sso=SsoSettings[secret=Secret[redacted], path=/zendesk-widget/sso"), described);
        assertFalse(described.contains("the-sso-secret-value"), described);
    }
}
