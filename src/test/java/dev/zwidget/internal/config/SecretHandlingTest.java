package dev.zwidget.internal.config;

import static dev.zwidget.internal.config.Configs.SECRET_VALUE;
import static dev.zwidget.internal.config.Configs.failure;
import static dev.zwidget.internal.config.Configs.minimal;
import static dev.zwidget.internal.config.Configs.parse;
import static dev.zwidget.internal.config.Configs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretHandlingTest {

    private static final String WEIRD_SECRET = "p\"a<ss>'\u00e9 </script> ${x}";

    @TempDir
    Path dir;

    @Test
    void toStringShowsTheSettingsButNotTheSecret() throws Exception {
        FilterSettings s = parse(minimal());
        String text = s.toString();
        assertFalse(text.contains(SECRET_VALUE), text);
        assertTrue(text.contains("secret=Secret[redacted]"), text);
        assertTrue(text.contains("keyId=app_64f1a2b3c4d5e6"), text);
    }

    @Test
    void literalWeirdSecretIsAcceptedAndNeverShown() throws Exception {
        Map<String, String> params = with("secret", WEIRD_SECRET);
        FilterSettings s = parse(params);
        assertEquals(WEIRD_SECRET, new String(s.secret().bytes(), StandardCharsets.UTF_8));
        assertFalse(s.toString().contains(WEIRD_SECRET));

        params.put("tokenTtl", "nope");
        params.put("keyId", "bad");
        String message = failure(params);
        assertFalse(message.contains(WEIRD_SECRET), message);
        assertFalse(message.contains("ss>"), message);
    }

    @Test
    void aLongSecretPastedIntoEnabledIsNotQuotedEvenInPart() {
        String longSecret = "A".repeat(10) + "SECRETPART" + "b".repeat(70);
        Map<String, String> params = with("secret", longSecret);
        params.put("enabled", longSecret);
        String message = failure(params);
        assertFalse(message.contains("SECRETPART"), message);
        assertTrue(message.contains("enabled"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"${foo:hunter2}", "${env:hunter2", "${hunter2}", "file:hunter2"})
    void secretThatLooksLikeABrokenReferenceIsNotQuoted(String secret) {
        String message = failure(with("secret", secret));
        assertFalse(message.contains("hunter2"), message);
        assertTrue(message.contains("secret: "), message);
    }

    @Test
    void unreadableSecretFileIsReportedWithoutItsContent() throws Exception {
        Path file = dir.resolve("secret.bin");
        byte[] text = "hunter2-secret".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[text.length + 1];
        System.arraycopy(text, 0, bytes, 0, text.length);
        bytes[text.length] = (byte) 0xC3; // a truncated UTF-8 sequence
        Files.write(file, bytes);

        String message = failure(with("secret", "file:" + file));

        assertEquals("ZendeskWidgetFilter 'zendesk' cannot start: 1 problem in its init-params: secret: "
                + "cannot read file " + file + ": MalformedInputException", message);
    }

    @Test
    void oversizedSecretFileIsReportedWithoutItsContent() throws Exception {
        Path file = dir.resolve("huge");
        Files.writeString(file, "hunter2".repeat(20_000));
        String message = failure(with("secret", "file:" + file));
        assertFalse(message.contains("hunter2"), message);
        assertTrue(message.contains("secret: file " + file + " is larger than 64 KiB"), message);
    }

    @Test
    void secretPastedIntoAnotherParamIsHiddenInTheReport() {
        Map<String, String> params = minimal();
        params.put("keyId", SECRET_VALUE);
        params.put("widgetKey", "${env:ZENDESK_SECRET}");
        params.put("tokenTtl", "ttl-" + SECRET_VALUE);

        String message = failure(params);

        assertFalse(message.contains(SECRET_VALUE), message);
        assertTrue(message.contains("widgetKey [secret] must be"), message);
        assertTrue(message.contains("keyId [secret] must look like app_"), message);
        assertTrue(message.contains("tokenTtl [secret] must be"), message);
    }

    @Test
    void secretInsideAnUnquotedMessageIsRedactedToo() {
        String message = failure(with("excludePaths", "/ok, " + SECRET_VALUE));
        assertFalse(message.contains(SECRET_VALUE), message);
        assertTrue(message.contains("pattern '[secret]'"), message);
    }

    @Test
    void secretFromAFileIsTrimmed() throws Exception {
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, "  " + SECRET_VALUE + "\n\n");
        FilterSettings s = parse(with("secret", "file:" + file));
        assertEquals(SECRET_VALUE, new String(s.secret().bytes(), StandardCharsets.UTF_8));
    }
}
