package dev.zwidget.internal.config;

import static dev.zwidget.internal.config.Configs.failure;
import static dev.zwidget.internal.config.Configs.minimal;
import static dev.zwidget.internal.config.Configs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsParserTest {

    @TempDir
    Path dir;

    @Test
    void completeValidConfigGivesEveryValue() throws Exception {
        Path keyFile = dir.resolve("widget-key");
        Files.writeString(keyFile, "\n  file-widget-key \n");
        Map<String, String> params = Map.ofEntries(
                Map.entry("widgetKey", "file:" + keyFile),
                Map.entry("keyId", "${sys:zendesk.keyId}"),
                Map.entry("secret", " ${env:ZENDESK_SECRET} "),
                Map.entry("sessionAttribute", " currentUser "),
                Map.entry("externalId", "id"),
                Map.entry("name", "profile.displayName"),
                Map.entry("email", "profile.email"),
                Map.entry("emailVerified", "profile.emailVerified"),
                Map.entry("anonymous", "FALSE"),
                Map.entry("tokenTtl", "PT10M"),
                Map.entry("excludePaths", "/health, /api/*, *.json"),
                Map.entry("cspNonceAttribute", "cspNonce"),
                Map.entry("tokenPath", "/chat/jwt"),
                Map.entry("debugHeader", "True"),
                Map.entry("enabled", "true"));

        FilterSettings s = parse(params);

        assertTrue(s.enabled());
        assertEquals("file-widget-key", s.widgetKey());
        assertEquals("app_fromsys", s.keyId());
        assertEquals(Configs.SECRET_VALUE, new String(s.secret().bytes(), "UTF-8"));
        assertEquals("currentUser", s.sessionAttribute());
        assertEquals("id", s.externalIdPath());
        assertEquals("profile.displayName", s.namePath());
        assertEquals("profile.email", s.emailPath());
        assertEquals("profile.emailVerified", s.emailVerifiedPath());
        assertNull(s.userResolver());
        assertFalse(s.anonymous());
        assertEquals(Duration.ofMinutes(10), s.tokenTtl());
        assertTrue(s.excludePaths().matches("/api/users"));
        assertTrue(s.excludePaths().matches("/x/data.json"));
        assertFalse(s.excludePaths().matches("/index.html"));
        assertEquals("cspNonce", s.cspNonceAttribute());
        assertEquals("/chat/jwt", s.tokenPath());
        assertTrue(s.debugHeader());
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void absentParamsGetTheirDefaults() throws Exception {
        FilterSettings s = parse(minimal());

        assertTrue(s.enabled());
        assertEquals(Duration.ofMinutes(5), s.tokenTtl());
        assertEquals("/zendesk-widget/token", s.tokenPath());
        assertTrue(s.anonymous());
        assertFalse(s.debugHeader());
        assertFalse(s.emailVerifiedConstant());
        assertNull(s.emailVerifiedPath());
        assertNull(s.sessionAttribute());
        assertNull(s.externalIdPath());
        assertNull(s.cspNonceAttribute());
        assertTrue(s.excludePaths().isEmpty());
    }

    @Test
    void blankValuesCountAsAbsent() throws Exception {
        Map<String, String> params = minimal();
        params.put("tokenTtl", "   ");
        params.put("sessionAttribute", "");
        params.put("cspNonceAttribute", "${env:EMPTY}");
        FilterSettings s = parse(params);
        assertEquals(Duration.ofMinutes(5), s.tokenTtl());
        assertNull(s.sessionAttribute());
        assertNull(s.cspNonceAttribute());
    }

    @Test
    void everyProblemIsReportedAtOnceInParamOrderWithTheFilterName() {
        Map<String, String> params = Map.of(
                "keyId", "abc",
                "secret", "${env:NOT_SET}",
                "tokenTtl", "0",
                "debugHeader", "yes",
                "excludePaths", "api/*");

        assertEquals("ZendeskWidgetFilter 'zendesk' cannot start: 6 problems in its init-params: "
                + "widgetKey is required (the key= of the Zendesk snippet URL); "
                + "keyId 'abc' must look like app_… (the key ID shown in Admin Center); "
                + "secret: environment variable NOT_SET is not set; "
                + "tokenTtl '0' must be between 1 second and 24 hours; "
                + "excludePaths: pattern 'api/*' must be /exact/path, /prefix/* or *.extension, as in servlet mappings; "
                + "debugHeader 'yes' must be true or false", failure(params));
    }

    @Test
    void singleProblemIsCountedInTheSingular() {
        assertEquals("ZendeskWidgetFilter 'zendesk' cannot start: 1 problem in its init-params: "
                + "anonymous 'maybe' must be true or false", failure(Configs.with("anonymous", "maybe")));
    }

    @Test
    void requiredParamThatExpandsToNothingSaysSo() {
        String message = failure(Configs.with("secret", "${env:EMPTY}"));
        assertTrue(message.contains("secret is empty once expanded"), message);
    }

    @Test
    void disabledFilterNeedsNothingElseAndChecksNothingElse() throws Exception {
        FilterSettings off = parse(Map.of("enabled", "FALSE", "tokenTtl", "nonsense", "secret", "${env:NOT_SET}"));

        assertFalse(off.enabled());
        assertEquals("FilterSettings[enabled=false]", off.toString());
        assertThrows(IllegalStateException.class, off::secret);
        assertThrows(IllegalStateException.class, off::widgetKey);
        assertThrows(IllegalStateException.class, off::keyId);
    }

    @Test
    void invalidEnabledIsReportedWithTheOtherProblems() {
        String message = failure(Map.of("enabled", "off"));
        assertTrue(message.contains("enabled 'off' must be true or false"), message);
        assertTrue(message.contains("widgetKey is required"), message);
    }

    @Test
    void unknownParamIsAWarningWithAGuess() throws Exception {
        Map<String, String> params = minimal();
        params.put("widgetkey", "ignored");
        params.put("org.eclipse.jetty.something", "x");

        List<String> warnings = parse(params).warnings();

        assertEquals(2, warnings.size());
        assertTrue(warnings.get(1).startsWith(
                "unknown init-param 'widgetkey' is ignored (did you mean 'widgetKey'? known: widgetKey, keyId, secret,"),
                warnings.get(1));
        assertTrue(warnings.get(0).startsWith("unknown init-param 'org.eclipse.jetty.something' is ignored (known: "));
        assertTrue(warnings.get(0).endsWith("ssoLocaleId, ssoUserFields, keys, activeKey, conversationTags,"
                + " widgetLocale, cookieConsent, syncTabs, brands, unknownHost)"), warnings.get(0));
    }

    @Test
    void disabledSettingsStillCarryWarnings() throws Exception {
        assertEquals(1, parse(Map.of("enabled", "false", "enabeld", "x")).warnings().size());
    }

    @Test
    void allListsEveryKnownName() {
        assertEquals(List.of("widgetKey", "keyId", "secret", "sessionAttribute", "externalId", "name", "email",
                "emailVerified", "userResolver", "anonymous", "tokenTtl", "excludePaths", "cspNonceAttribute",
                "tokenPath", "debugHeader", "enabled", "emulator", "mode", "ssoSecret", "ssoPath", "zendeskSubdomain",
                "helpCenterHost", "loginPath", "loginReturnParam", "ssoLogoutPath", "ssoRole", "ssoOrganization",
                "ssoTags", "ssoPhone", "ssoLocaleId", "ssoUserFields", "keys", "activeKey", "conversationTags",
                "widgetLocale", "cookieConsent", "syncTabs", "brands", "unknownHost"), List.copyOf(InitParams.ALL));
    }

    @Test
    void expansionProblemsInOptionalParamsAreReportedToo() {
        Map<String, String> params = minimal();
        params.put("sessionAttribute", "${sys:missing.prop}");
        params.put("excludePaths", "file:" + dir.resolve("nope.txt"));
        String message = failure(params);
        assertTrue(message.contains("sessionAttribute: system property missing.prop is not set"), message);
        assertTrue(message.contains("excludePaths: cannot read file " + dir.resolve("nope.txt")
                + ": NoSuchFileException"), message);
    }

    @Test
    void nullParamMapIsTreatedAsEmpty() {
        assertThrows(jakarta.servlet.ServletException.class,
                () -> SettingsParser.parse("zendesk", null, Configs.VALUES, null));
    }
}
