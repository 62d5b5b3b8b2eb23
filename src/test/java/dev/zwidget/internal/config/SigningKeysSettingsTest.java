package dev.zwidget.internal.config;

import static dev.zwidget.internal.config.Configs.SECRET_VALUE;
import static dev.zwidget.internal.config.Configs.failure;
import static dev.zwidget.internal.config.Configs.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The keys param: several signing keys, one active, for rotation without a gap. */
class SigningKeysSettingsTest {

    private static Map<String, String> keys(String keys, String... more) {
        Map<String, String> params = new HashMap<>();
        params.put("widgetKey", "abc-123_XYZ");
        params.put("keys", keys);
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        return params;
    }

    private static List<String> ids(FilterSettings settings) {
        return settings.signingKeys().stream().map(SigningKey::id).collect(Collectors.toList());
    }

    @Test
    void theFirstListedKeySignsAndEachSecretIsExpandedOnItsOwn() throws Exception {
        FilterSettings settings = parse(keys("app_new:${env:ZENDESK_SECRET}, app_old:old-literal-secret"));
        assertEquals(List.of("app_new", "app_old"), ids(settings));
        assertEquals("app_new", settings.keyId());
        assertArrayEquals(SECRET_VALUE.getBytes(StandardCharsets.UTF_8), settings.secret().bytes());
        assertArrayEquals("old-literal-secret".getBytes(StandardCharsets.UTF_8),
                settings.signingKeys().get(1).secret().bytes());
    }

    @Test
    void activeKeyChoosesTheSigningKeyAndTheOthersFollowInTheirOrder() throws Exception {
        FilterSettings settings = parse(keys("app_a:secret-a-value, app_b:secret-b-value, app_c:secret-c-value",
                "activeKey", "app_b"));
        assertEquals(List.of("app_b", "app_a", "app_c"), ids(settings));
        assertEquals("app_b", settings.keyId());
        assertArrayEquals("secret-b-value".getBytes(StandardCharsets.UTF_8), settings.secret().bytes());
    }

    @Test
    void theOneKeyFormIsOneSigningKey() throws Exception {
        FilterSettings settings = parse(Configs.minimal());
        assertEquals(List.of("app_64f1a2b3c4d5e6"), ids(settings));
    }

    @Test
    void toStringNamesTheKeysButNoSecret() throws Exception {
        String text = parse(keys("app_new:${env:ZENDESK_SECRET}, app_old:old-literal-secret")).toString();
        assertTrue(text.contains("keyId=app_new, keys=[app_new, app_old]"), text);
        assertFalse(text.contains(SECRET_VALUE) || text.contains("old-literal-secret"), text);
    }

    @Test
    void elevenKeysAreMoreThanAZendeskAccountHolds() {
        String eleven = java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(i -> "app_k" + i + ":secret-" + i)
                .collect(Collectors.joining(","));
        assertTrue(failure(keys(eleven)).endsWith("1 problem in its init-params: keys lists 11 keys; Zendesk"
                + " holds at most 10 signing keys per account"));
    }

    @Test
    void badEntriesAreNamedByPositionWithoutQuotingThem() {
        String message = failure(keys("app_a:secret-a-value, secret-without-colon, nokid:top-secret-x,"
                + " app_a:secret-b-value, app_e:${env:UNSET_VAR}"));
        assertTrue(message.contains("5 problems"), message);
        assertTrue(message.contains("keys entry 2 must be keyId:secret, such as app_123:${env:ZENDESK_SECRET}"), message);
        assertTrue(message.contains("keys entry 3: the key ID must look like app_…"), message);
        assertTrue(message.contains("keys entry 4: key ID app_a is listed twice"), message);
        assertTrue(message.contains("UNSET_VAR"), message);
        assertTrue(message.contains("keys entry 5 (app_e) has no secret once expanded"), message);
        assertFalse(message.contains("secret-without-colon") || message.contains("top-secret-x")
                || message.contains("secret-a-value") || message.contains("secret-b-value"), message);
    }

    @Test
    void keysWithKeyIdOrSecretIsAnErrorAndAnUnknownActiveKeyIsNamed() {
        String message = failure(keys("app_a:secret-a-value, app_b:secret-b-value", "keyId", "app_a", "activeKey", "app_z"));
        assertTrue(message.contains("keys replaces keyId and secret: set either keys or keyId and secret,"
                + " not both"), message);
        assertTrue(message.contains("activeKey 'app_z' is not one of the key IDs in keys (app_a, app_b)"), message);
    }

    @Test
    void activeKeyWithoutKeysAndKeysInClassicModeAreErrors() {
        assertTrue(failure(Configs.with("activeKey", "app_x")).endsWith("activeKey names one of the keys in keys,"
                + " which is not set"));
        String classic = failure(keys("app_a:secret-a-value", "mode", "classic"));
        assertTrue(classic.contains("keys is for the messaging widget's signing keys; classic mode signs with the"
                + " one Chat shared secret in secret"), classic);
    }

    @Test
    void aSecretOfKeysPastedIntoAnotherParamIsNeverQuoted() {
        String message = failure(keys("app_a:pasted-secret-value", "tokenTtl", "pasted-secret-value"));
        assertFalse(message.contains("pasted-secret-value"), message);
        assertTrue(message.contains("tokenTtl [secret]"), message);
    }
}
