package dev.zwidget.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamValuesTest {

    private final ParamValues values = new ParamValues(
            Map.of("ZENDESK_SECRET", "  s3cr3t \n", "BLANK", "   ")::get,
            Map.of("zendesk.key", "wkey")::get);

    @TempDir
    Path dir;

    @Test
    void aReferenceWithADefaultUsesItOnlyWhenTheVariableIsUnset() throws Exception {
        assertEquals("s3cr3t", values.expand("secret", "${env:ZENDESK_SECRET:-fallback}"));
        assertEquals("demo-key", values.expand("widgetKey", "${env:NOT_SET_ANYWHERE:-demo-key}"));
        assertEquals("true", values.expand("emulator", "${sys:not.set.anywhere:-true}"));
        assertNull(values.expand("widgetKey", "${env:NOT_SET_ANYWHERE:-}"));
    }

    @Test
    void literalValuesAreTrimmed() throws Exception {
        assertEquals("abc", values.expand("widgetKey", "  abc\t\n"));
    }

    @Test
    void blankOrMissingValuesAreAbsent() throws Exception {
        assertNull(values.expand("widgetKey", null));
        assertNull(values.expand("widgetKey", ""));
        assertNull(values.expand("widgetKey", " \n "));
    }

    @Test
    void envReferenceReadsTheVariableTrimmed() throws Exception {
        assertEquals("s3cr3t", values.expand("secret", "${env:ZENDESK_SECRET}"));
        assertEquals("s3cr3t", values.expand("secret", "  ${env:ZENDESK_SECRET}  "));
    }

    @Test
    void sysReferenceReadsTheSystemProperty() throws Exception {
        assertEquals("wkey", values.expand("widgetKey", "${sys:zendesk.key}"));
    }

    @Test
    void blankVariableCountsAsAbsent() throws Exception {
        assertNull(values.expand("secret", "${env:BLANK}"));
    }

    @Test
    void missingEnvVariableIsNamedInTheProblem() {
        ConfigProblem p = assertThrows(ConfigProblem.class, () -> values.expand("secret", "${env:NOPE}"));
        assertEquals("secret: environment variable NOPE is not set", p.getMessage());
    }

    @Test
    void missingSystemPropertyIsNamedInTheProblem() {
        ConfigProblem p = assertThrows(ConfigProblem.class, () -> values.expand("keyId", "${sys:no.such}"));
        assertEquals("keyId: system property no.such is not set", p.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"${env:}", "${foo:X}", "${env:X", "${env:X}tail", "${}", "${env:A B}", "${ENV:X}",
        "${env:X:default}", "${env::-x}"})
    void malformedReferencesAreProblemsThatDoNotQuoteTheValue(String raw) {
        ConfigProblem p = assertThrows(ConfigProblem.class, () -> values.expand("secret", raw));
        assertEquals("secret: a value starting with ${ must be exactly ${env:NAME} or ${sys:name}, optionally"
                + " with a default as in ${env:NAME:-default}", p.getMessage());
    }

    @Test
    void fileContentIsReadAsUtf8AndTrimmed() throws Exception {
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, "\n  välue-1 \r\n\n", StandardCharsets.UTF_8);
        assertEquals("välue-1", values.expand("secret", "file:" + file));
        assertEquals("välue-1", values.expand("secret", " file: " + file + " "));
    }

    @Test
    void byteOrderMarkAtTheStartOfAFileIsDropped() throws Exception {
        Path file = dir.resolve("bom.txt");
        Files.writeString(file, "\uFEFFabc\n", StandardCharsets.UTF_8);
        assertEquals("abc", values.expand("secret", "file:" + file));
    }

    @Test
    void missingFileIsNamedWithTheExceptionType() {
        Path file = dir.resolve("absent.txt");
        ConfigProblem p = assertThrows(ConfigProblem.class, () -> values.expand("secret", "file:" + file));
        assertEquals("secret: cannot read file " + file + ": NoSuchFileException", p.getMessage());
    }

    @Test
    void fileThatIsNotUtf8IsRefusedWithoutQuotingIt() throws Exception {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, "hunter2-\u00e9\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        ConfigProblem p = assertThrows(ConfigProblem.class, () -> values.expand("secret", "file:" + file));
        assertEquals("secret: cannot read file " + file + ": MalformedInputException", p.getMessage());
    }

    @Test
    void directoryCannotBeRead() {
        ConfigProblem p = assertThrows(ConfigProblem.class, () -> values.expand("secret", "file:" + dir));
        assertEquals("secret: cannot read file " + dir + ": IOException", p.getMessage());
    }

    @Test
    void oversizedFileIsRefused() throws Exception {
        Path file = dir.resolve("big.txt");
        Files.write(file, new byte[70 * 1024]);
        ConfigProblem p = assertThrows(ConfigProblem.class, () -> values.expand("secret", "file:" + file));
        assertEquals("secret: file " + file + " is larger than 64 KiB", p.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:", "file:hunter2", "file:./relative.txt"})
    void relativeOrEmptyFilePathIsRefusedWithoutQuotingIt(String raw) {
        ConfigProblem p = assertThrows(ConfigProblem.class, () -> values.expand("secret", raw));
        assertEquals("secret: a file: value needs an absolute path", p.getMessage());
        assertFalse(p.getMessage().contains("hunter2"));
    }

    @Test
    void expandedValuesAreNotExpandedAgain() throws Exception {
        ParamValues nested = new ParamValues(Map.of("A", "${env:B}", "B", "b")::get, k -> null);
        assertEquals("${env:B}", nested.expand("secret", "${env:A}"));
    }

    @Test
    void systemUsesTheRealJvmProperties() throws Exception {
        assertEquals(System.getProperty("java.version"), ParamValues.system().expand("x", "${sys:java.version}"));
    }

    @org.junit.jupiter.api.Test
    void theSourceOfAValueIsDescribedWithoutTheValue() {
        assertEquals("environment variable ZENDESK_SECRET", ParamValues.describeSource("${env:ZENDESK_SECRET}"));
        assertEquals("system property zw.secret", ParamValues.describeSource(" ${sys:zw.secret:-x} "));
        assertEquals("a file", ParamValues.describeSource("file:/run/secrets/zendesk"));
        assertEquals("the init-param's own text", ParamValues.describeSource("s3cr3t"));
        assertEquals("not set", ParamValues.describeSource(null));
    }
}
