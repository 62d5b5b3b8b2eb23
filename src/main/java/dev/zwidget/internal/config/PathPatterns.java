package dev.zwidget.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of path patterns written like servlet URL mappings: exact ({@code /health}), prefix
 * ({@code /api/*}, which matches {@code /api} and everything below {@code /api/}) and
 * extension ({@code *.json}). Immutable and thread-safe.
 *
 * <p>Only these three forms are accepted. Web developers read {@code /a/*}{@code /b} or
 * {@code api/*} as globs, but the servlet rules they resemble would never match them, so they
 * are rejected rather than silently matching nothing.
 */
public final class PathPatterns {

    private static final PathPatterns NONE = new PathPatterns(Collections.emptyList(), Collections.emptySet(), Collections.emptyList(), Collections.emptyList());

    private final List<String> patterns;
    private final Set<String> exact;
    /** Prefix patterns without their trailing {@code /*}; {@code /*} itself becomes "". */
    private final List<String> prefixes;
    /** Extension patterns as suffixes, e.g. {@code .json}. */
    private final List<String> suffixes;

    private PathPatterns(List<String> patterns, Set<String> exact, List<String> prefixes, List<String> suffixes) {
        this.patterns = patterns;
        this.exact = exact;
        this.prefixes = prefixes;
        this.suffixes = suffixes;
    }

    /** Patterns that match no path. */
    public static PathPatterns none() {
        return NONE;
    }

    /**
     * Parses a comma-separated list; whitespace around commas and empty entries are ignored.
     *
     * @throws IllegalArgumentException naming every invalid pattern
     */
    public static PathPatterns parse(String commaSeparated) {
        List<String> all = new ArrayList<>();
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String part : (commaSeparated == null ? "" : commaSeparated).split(",")) {
            String pattern = part.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            if (hasBlankOrControl(pattern)) {
                // Almost always a missing comma between two patterns.
                invalid.add(pattern);
            } else if (pattern.startsWith("*.") && pattern.length() > 2
                    && pattern.indexOf('/') < 0 && pattern.indexOf('*', 1) < 0) {
                suffixes.add(pattern.substring(1));
            } else if (pattern.startsWith("/") && pattern.endsWith("/*")
                    && pattern.indexOf('*') == pattern.length() - 1) {
                prefixes.add(pattern.substring(0, pattern.length() - 2));
            } else if (pattern.startsWith("/") && pattern.indexOf('*') < 0) {
                exact.add(pattern);
            } else {
                invalid.add(pattern);
            }
            all.add(pattern);
        }
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException((invalid.size() == 1 ? "pattern '" : "patterns '")
                    + String.join("', '", invalid)
                    + "' must be /exact/path, /prefix/* or *.extension, as in servlet mappings");
        }
        if (all.isEmpty()) {
            return NONE;
        }
        return new PathPatterns(Collections.unmodifiableList(all), Collections.unmodifiableSet(exact),
                Collections.unmodifiableList(prefixes), Collections.unmodifiableList(suffixes));
    }

    /**
     * Whether a path inside the web application (servlet path plus path info, without the
     * context path or query) matches any pattern. {@code null} or "" is the context root "/".
     */
    public boolean matches(String pathInContext) {
        String path = pathInContext == null || pathInContext.isEmpty() ? "/" : pathInContext;
        if (exact.contains(path)) {
            return true;
        }
        for (String prefix : prefixes) {
            // Checked on a segment boundary: /api/* must not match /apiary.
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        if (!suffixes.isEmpty()) {
            // Servlet extension mappings look at the last segment only: *.json does not match
            // /data.json/edit.
            String lastSegment = path.substring(path.lastIndexOf('/') + 1);
            for (String suffix : suffixes) {
                if (lastSegment.endsWith(suffix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether there are no patterns at all. */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** The patterns as given, comma-separated. */
    @Override
    public String toString() {
        return String.join(",", patterns);
    }

    private static boolean hasBlankOrControl(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }
}
