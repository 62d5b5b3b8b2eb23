package dev.zwidget.internal.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.zwidget.internal.config.ParamValues;
import dev.zwidget.internal.config.SettingsParser;
import dev.zwidget.internal.config.SsoSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ZendeskTargetTest {

    /** SSO settings as the parser makes them from init-params. */
    static SsoSettings sso(String... params) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of("widgetKey", "k", "keyId", "app_1", "secret", "s",
                "ssoSecret", "sso-secret"));
        for (int i = 0; i < params.length; i += 2) {
            all.put(params[i], params[i + 1]);
        }
        return SettingsParser.parse("zendesk", all, new ParamValues(name -> null, name -> null),
                ZendeskTargetTest.class.getClassLoader()).sso();
    }

    @Test
    void theTokenGoesToTheAccountsAccessUrlWithZendesksParameters() throws Exception {
        ZendeskTarget target = new ZendeskTarget(sso("zendeskSubdomain", "acme"), null);
        assertEquals("https://acme.zendesk.com/access/jwt?return_to=https%3A%2F%2Facme.zendesk.com%2Fhc%2Fen-us"
                + "&brand_id=360001&locale_id=1176&timestamp=1700000000",
                target.action("https://acme.zendesk.com/hc/en-us", "360001", "1176", "1700000000"));
        assertEquals("https://acme.zendesk.com/access/jwt", target.action(null, "x", "1;2", ""));
        assertEquals("https://acme.zendesk.com", target.formActionSource());
    }

    @Test
    void aHostMappedHelpCenterReceivesTheTokenAndBothHostsMayBeReturnedTo() throws Exception {
        ZendeskTarget target = new ZendeskTarget(sso("zendeskSubdomain", "acme", "helpCenterHost", "Help.Acme.com"), null);
        assertEquals("https://help.acme.com/access/jwt?return_to=https%3A%2F%2Facme.zendesk.com%2Fagent",
                target.action("https://acme.zendesk.com/agent", null, null, null));
        assertEquals("https://HELP.acme.com/hc", target.acceptedReturnTo("https://HELP.acme.com/hc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/hc", "http://acme.zendesk.com/hc", "//evil.example/",
            "https://acme.zendesk.com.evil.example/", "https://acme.zendesk.com@evil.example/",
            "https://acme.zendesk.com:8443/", "javascript:alert(1)", "/hc/en-us", "https://other.zendesk.com/",
            "https://acme.zendesk.com/\u0000", ""})
    void aReturnToOffTheZendeskHostsIsDropped(String returnTo) throws Exception {
        ZendeskTarget target = new ZendeskTarget(sso("zendeskSubdomain", "acme"), null);
        assertNull(target.acceptedReturnTo(returnTo));
        assertEquals("https://acme.zendesk.com/access/jwt", target.action(returnTo, null, null, null));
    }

    @Test
    void inEmulatorModeTheTokenGoesToTheLocalStandIn() throws Exception {
        ZendeskTarget target = new ZendeskTarget(sso("zendeskSubdomain", "acme"), "/app/zendesk-widget/sso/access/jwt");
        assertEquals("/app/zendesk-widget/sso/access/jwt?return_to=https%3A%2F%2Facme.zendesk.com%2F",
                target.action("https://acme.zendesk.com/", null, null, null));
        assertEquals("'self'", target.formActionSource());
    }
}
