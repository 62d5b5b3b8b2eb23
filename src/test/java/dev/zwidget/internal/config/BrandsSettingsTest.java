package dev.zwidget.internal.config;

import static dev.zwidget.internal.config.Configs.failure;
import static dev.zwidget.internal.config.Configs.parse;
import static dev.zwidget.internal.config.Configs.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** brands and brand.<name>.*: one deployment, several brands by host name. */
class BrandsSettingsTest {

    private static Map<String, String> beta(String... more) {
        Map<String, String> params = with("brands", "beta");
        params.put("brand.beta.hosts", "Beta.Example.com, beta.localhost");
        params.put("brand.beta.widgetKey", "beta-widget-key");
        params.put("brand.beta.keyId", "app_beta1");
        params.put("brand.beta.secret", "beta-secret-value-1");
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        return params;
    }

    @Test
    void aBrandHasItsHostsWidgetKeyAndKeysAndUnknownHostsGetTheDefault() throws Exception {
        FilterSettings settings = parse(beta("brand.beta.externalIdPrefix", "beta:"));
        BrandSettings beta = settings.brands().get(0);
        assertEquals("beta", beta.name());
        assertEquals(Set.of("beta.example.com", "beta.localhost"), beta.hosts());
        assertEquals("beta-widget-key", beta.widgetKey());
        assertEquals("app_beta1", beta.signingKeys().get(0).id());
        assertArrayEquals("beta-secret-value-1".getBytes(StandardCharsets.UTF_8),
                beta.signingKeys().get(0).secret().bytes());
        assertEquals("beta:", beta.externalIdPrefix());
        assertNull(beta.externalIdPath());
        assertTrue(settings.unknownHostGetsDefault());
        assertEquals(List.of(), settings.warnings(), "brand.* params are known");
        assertFalse(settings.toString().contains("beta-secret-value-1"), settings.toString());
        assertFalse(parse(beta("unknownHost", "none")).unknownHostGetsDefault());
    }

    @Test
    void aTypoInABrandParamOrAnUnlistedBrandIsWarnedAbout() throws Exception {
        FilterSettings settings = parse(beta("brand.beta.externalIdprefix", "beta:", "brand.gamma.hosts", "gamma.example"));
        assertEquals(List.of("unknown init-param 'brand.beta.externalIdprefix' is ignored (did you mean"
                        + " 'brand.beta.externalIdPrefix'? known for a brand: hosts, widgetKey, keyId, secret, keys,"
                        + " activeKey, externalIdPrefix, externalId)",
                "init-param 'brand.gamma.hosts' is ignored: 'gamma' is not one of brands"), settings.warnings());
        assertNull(settings.brands().get(0).externalIdPrefix(), "ignored, as the warning says");
    }

    @Test
    void aBrandMayRotateKeysToo() throws Exception {
        Map<String, String> params = beta("brand.beta.keys", "app_b2:beta-secret-2, app_beta1:beta-secret-value-1",
                "brand.beta.activeKey", "app_beta1");
        params.remove("brand.beta.keyId");
        params.remove("brand.beta.secret");
        List<SigningKey> keys = parse(params).brands().get(0).signingKeys();
        assertEquals("app_beta1", keys.get(0).id());
        assertEquals("app_b2", keys.get(1).id());
    }

    @Test
    void everyMissingOrBadBrandParamIsNamedWithoutQuotingASecret() {
        Map<String, String> params = with("brands", "beta, Bad Name, gamma");
        params.put("brand.beta.hosts", "beta.example.com, https://x");
        params.put("brand.beta.secret", "beta-secret-value-1");
        params.put("brand.gamma.hosts", "beta.example.com");
        params.put("brand.gamma.widgetKey", "beta-secret-value-1!");
        params.put("brand.gamma.keyId", "app_g");
        params.put("brand.gamma.secret", "gamma-secret-value");
        params.put("unknownHost", "maybe");
        String message = failure(params);
        assertTrue(message.contains("brands 'Bad Name' is not a brand name"), message);
        assertTrue(message.contains("brand.beta.hosts 'https://x' is not a host name"), message);
        assertTrue(message.contains("brand.beta.widgetKey is required"), message);
        assertTrue(message.contains("brand.beta.keyId is required"), message);
        assertTrue(message.contains("brand.gamma.hosts: beta.example.com is already a host of brand beta"), message);
        assertTrue(message.contains("brand.gamma.widgetKey [secret]"), message);
        assertTrue(message.contains("unknownHost 'maybe' must be default"), message);
        assertFalse(message.contains("beta-secret-value-1") || message.contains("gamma-secret-value"), message);
    }

    @Test
    void brandParamsWithoutBrandsAndBrandsInClassicModeAreErrors() {
        assertTrue(failure(with("brand.beta.hosts", "b.example.com")).contains("brand.* params are set but brands"
                + " (the list of brand names) is not"));
        assertTrue(failure(beta("mode", "classic")).contains("brands is for the messaging widget; classic mode"
                + " serves one brand"));
    }
}
