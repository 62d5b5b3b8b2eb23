package dev.zwidget.internal.config;

import static dev.zwidget.internal.config.Configs.failure;
import static dev.zwidget.internal.config.Configs.parse;
import static dev.zwidget.internal.config.Configs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc\"def", "abc<def", "abc def", "</script>", "key'x", "key&x", "ké"})
    void widgetKeyThatCouldBreakOutOfTheScriptTagIsRejected(String key) {
        assertTrue(failure(with("widgetKey", key)).contains("widgetKey '"), key);
    }

    @Test
    void widgetKeyLongerThan128CharactersIsRejected() throws Exception {
        assertEquals("a".repeat(128), parse(with("widgetKey", "a".repeat(128))).widgetKey());
        String message = failure(with("widgetKey", "a".repeat(129)));
        assertTrue(message.contains("widgetKey 'aaaa"), message);
        assertTrue(message.contains("…' must be 1 to 128 letters"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app_ab\"c", "app_<x", "app_a b", "app_</script>", "abc", "APP_abc", "app_", "key_abc"})
    void keyIdThatIsNotAnAppKeyIdIsRejected(String keyId) {
        assertTrue(failure(with("keyId", keyId)).contains("must look like app_… (the key ID shown in Admin Center)"),
                keyId);
    }

    @Test
    void quotedValuesHaveControlCharactersMasked() {
        String message = failure(with("keyId", "abc\ninjected log line"));
        assertTrue(message.contains("keyId 'abc?injected log line'"), message);
    }

    @ParameterizedTest
    @CsvSource({"300, PT5M", "PT5M, PT5M", "pt90s, PT1M30S", "1, PT1S", "86400, PT24H", "P1D, PT24H"})
    void tokenTtlAcceptsSecondsAndIsoDurations(String value, String expected) throws Exception {
        assertEquals(Duration.parse(expected), parse(with("tokenTtl", value)).tokenTtl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "PT48H", "86401", "PT0.5S", "-PT5M", "99999999999999999999999"})
    void tokenTtlOutsideOneSecondToOneDayIsRejected(String value) {
        String message = failure(with("tokenTtl", value));
        assertTrue(message.contains("tokenTtl '" + value + "' must be between 1 second and 24 hours"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "5m", "5 minutes", "PT", "3.5"})
    void tokenTtlInAnotherFormatIsRejected(String value) {
        String message = failure(with("tokenTtl", value));
        assertTrue(message.contains("must be whole seconds (300) or an ISO-8601 duration (PT5M)"), message);
    }

    @Test
    void tokenTtlWithAFractionOfASecondIsRejected() {
        assertTrue(failure(with("tokenTtl", "PT1.5S")).contains("tokenTtl 'PT1.5S' must be a whole number of seconds"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/t", "/zendesk/jwt-token", "/a.b/c_d~e"})
    void validTokenPathsAreKept(String path) throws Exception {
        assertEquals(path, parse(with("tokenPath", path)).tokenPath());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "token | must start with /",
            "/ | must not end with /",
            "/token/ | must not end with /",
            "/a/../b | must not contain .. or //",
            "/a//b | must not contain .. or //",
            "/a b | must start with /",
            "/tok?x=1 | must start with /",
            "/<script> | must start with /"})
    void invalidTokenPathsAreRejected(String path, String reason) {
        String message = failure(with("tokenPath", path));
        assertTrue(message.contains("tokenPath '" + path + "' " + reason), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", "true", "True", "false", "FaLsE"})
    void booleansIgnoreCase(String value) throws Exception {
        assertEquals(Boolean.parseBoolean(value), parse(with("debugHeader", value)).debugHeader());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "tru"})
    void otherBooleanSpellingsAreRejectedNamingTheAllowedValues(String value) {
        assertTrue(failure(with("anonymous", value)).contains("anonymous '" + value + "' must be true or false"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "profile.email", "$x", "_a.b_c.d9"})
    void propertyPathsAreAccepted(String path) throws Exception {
        assertEquals(path, parse(with("externalId", path)).externalIdPath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9id", "a..b", ".a", "a.", "a-b", "a b", "user.getId()", "a[0]"})
    void malformedPropertyPathsAreRejected(String path) {
        String message = failure(with("email", path));
        assertTrue(message.contains("must be a property path such as id or profile.email"), message);
    }

    @Test
    void emailVerifiedIsAConstantOrAPath() throws Exception {
        FilterSettings constant = parse(with("emailVerified", "TRUE"));
        assertTrue(constant.emailVerifiedConstant());
        assertNull(constant.emailVerifiedPath());

        FilterSettings path = parse(with("emailVerified", "account.verified"));
        assertFalse(path.emailVerifiedConstant());
        assertEquals("account.verified", path.emailVerifiedPath());

        assertTrue(failure(with("emailVerified", "yes please"))
                .contains("emailVerified 'yes please' must be true, false or a property path"));
    }

    @Test
    void expansionWorksInNonSecretParams() throws Exception {
        FilterSettings s = parse(with("widgetKey", "${env:ZENDESK_KEY}"));
        assertEquals("env-widget-key", s.widgetKey());
    }

    @Test
    void expandedValuesAreValidatedLikeLiterals() {
        assertTrue(failure(with("keyId", "${env:ZENDESK_KEY}")).contains("keyId 'env-widget-key' must look like app_"));
    }
}
