package dev.zwidget.internal.config;

import dev.zwidget.internal.compat.Java8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw init-param value into the value the filter uses. A whole value of the form
 * {@code ${env:NAME}} reads an environment variable, {@code ${sys:name}} a system property,
 * {@code file:/absolute/path} a UTF-8 file; anything else is taken literally. A reference may
 * name a default for when the variable is not set, shell-style: {@code ${env:NAME:-default}}. Every result is
 * trimmed, and a blank result counts as absent.
 *
 * <p>Results are not expanded again: a secret may legitimately begin with {@code ${} or
 * {@code file:}, and such a secret can always be supplied through a variable or a file.
 */
public final class ParamValues {

    private static final String REFERENCE_START = "${";
    private static final String FILE_PREFIX = "file:";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|sys):([^}:\\s]+)(?::-([^}]*))?}");
    // A key or secret file is tiny; the cap keeps a slip such as file:/dev/zero from hanging start-up.
    private static final int MAX_FILE_BYTES = 64 * 1024;

    private final Function<String, String> env;
    private final Function<String, String> sysProps;

    /** Expansion with the given lookups for environment variables and system properties. */
    public ParamValues(Function<String, String> env, Function<String, String> sysProps) {
        this.env = Objects.requireNonNull(env, "env");
        this.sysProps = Objects.requireNonNull(sysProps, "sysProps");
    }

    /** Expansion against this JVM's real environment and system properties. */
    public static ParamValues system() {
        return new ParamValues(System::getenv, System::getProperty);
    }

    /**
     * The expanded, trimmed value of one param, or {@code null} when it is absent or blank.
     *
     * @throws ConfigProblem when a reference cannot be resolved or is malformed; the message
     *     starts with {@code paramName} and never contains the value
     */
    public String expand(String paramName, String raw) throws ConfigProblem {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        if (value.startsWith(REFERENCE_START)) {
            return lookUp(paramName, value);
        }
        if (value.startsWith(FILE_PREFIX)) {
            return readFile(paramName, value.substring(FILE_PREFIX.length()).trim());
        }
        return value;
    }

    /**
     * Where a param's value comes from, for a log line: the variable or property it names, "a
     * file", or the init-param's own text, never the value (nor a file path, which a secret that
     * happens to start with "file:" would be).
     */
    public static String describeSource(String raw) {
        String value = blankToNull(raw);
        if (value == null) {
            return "not set";
        }
        Matcher m = REFERENCE.matcher(value);
        if (m.matches()) {
            return ("env".equals(m.group(1)) ? "environment variable " : "system property ") + m.group(2);
        }
        return value.startsWith(FILE_PREFIX) ? "a file" : "the init-param's own text";
    }

    private String lookUp(String paramName, String reference) throws ConfigProblem {
        Matcher m = REFERENCE.matcher(reference);
        if (!m.matches()) {
            // Deliberately not quoting the reference: a mistyped one might be the secret itself.
            throw new ConfigProblem(paramName
                    + ": a value starting with ${ must be exactly ${env:NAME} or ${sys:name}, optionally"
                    + " with a default as in ${env:NAME:-default}");
        }
        boolean fromEnv = "env".equals(m.group(1));
        String name = m.group(2);
        String found = fromEnv ? env.apply(name) : sysProps.apply(name);
        if (found == null && m.group(3) != null) {
            return blankToNull(m.group(3));
        }
        if (found == null) {
            throw new ConfigProblem(paramName + ": "
                    + (fromEnv ? "environment variable " : "system property ") + name + " is not set");
        }
        return blankToNull(found);
    }

    private static String readFile(String paramName, String pathText) throws ConfigProblem {
        Path path;
        try {
            path = Paths.get(pathText);
        } catch (InvalidPathException e) {
            throw new ConfigProblem(paramName + ": the file: path is not a valid path on this system");
        }
        if (pathText.isEmpty() || !path.isAbsolute()) {
            // A servlet container's working directory differs between launch scripts and IDEs,
            // so a relative path would read different files in different environments. The path
            // is not quoted: a secret that happens to start with "file:" would otherwise leak.
            throw new ConfigProblem(paramName + ": a file: value needs an absolute path");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = Java8.readUpTo(in, MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw cannotRead(paramName, path, e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ConfigProblem(paramName + ": file " + path + " is larger than "
                    + MAX_FILE_BYTES / 1024 + " KiB");
        }
        String text;
        try {
            // Strict decoding: a secret silently garbled by replacement characters would give a
            // wrong HMAC key, and the failure would only surface as Zendesk rejecting every token.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            throw cannotRead(paramName, path, e);
        }
        // Editors on Windows like to start UTF-8 files with a byte order mark; it is never content.
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return blankToNull(text);
    }

    private static ConfigProblem cannotRead(String paramName, Path path, IOException e) {
        // Only the exception type: some messages quote the offending input.
        return new ConfigProblem(paramName + ": cannot read file " + path + ": " + e.getClass().getSimpleName());
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
