package dev.zwidget.internal.config;

import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One parse's view of the init-params: expands each value and collects every problem instead
 * of stopping at the first, then turns them into a single start-up failure.
 *
 * <p>It also keeps the expanded secrets, only to keep it out of the report: someone who pastes
 * the secret into the wrong param must not find it in the server log.
 */
final class ParamReader {

    private static final int MAX_SHOWN_CHARS = 60;
    private static final String HIDDEN = "[secret]";

    private final Map<String, String> raw;
    private final ParamValues values;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();
    private final List<String> secretTexts = new ArrayList<>();

    ParamReader(Map<String, String> raw, ParamValues values) {
        this.raw = raw;
        this.values = values;
    }

    /** The expanded value, or {@code null} when absent or when expansion failed (then reported). */
    String optional(String name) {
        try {
            return values.expand(name, raw.get(name));
        } catch (ConfigProblem e) {
            failed.add(name);
            problem(name, e.getMessage());
            return null;
        }
    }

    /** The names of the configured params that start with {@code prefix}, sorted. */
    List<String> namesStartingWith(String prefix) {
        List<String> names = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(raw.keySet())) {
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The param's text as configured, before expansion, or {@code null}. */
    String raw(String name) {
        return raw.get(name);
    }

    /**
     * Expands one part of a param's value (an entry of a list), reporting a failure under
     * {@code name}; {@code null} when the part is blank or could not be expanded.
     */
    String expandPart(String name, String part) {
        try {
            return values.expand(name, part);
        } catch (ConfigProblem e) {
            problem(name, e.getMessage());
            return null;
        }
    }

    /** Like {@link #optional} but reports an absent value; {@code hint} says where to find it. */
    String required(String name, String hint) {
        String value = optional(name);
        if (value == null && !failed.contains(name)) {
            String given = raw.get(name);
            problem(name, given == null || given.trim().isEmpty()
                    ? name + " is required (" + hint + ")"
                    : name + " is empty once expanded (" + hint + ")");
        }
        return value;
    }

    /** Remembers a secret (the widget's or the SSO one) so that no report can show it. */
    void hide(String secret) {
        if (!secretTexts.contains(secret)) {
            secretTexts.add(secret);
        }
    }

    /** Reports a value that fails a check, quoting the value unless it holds the secret. */
    void invalid(String name, String value, String reason) {
        problem(name, name + " " + quote(value) + " " + reason);
    }

    /** Reports a problem with a complete message, filed under the param it concerns. */
    void problem(String name, String message) {
        problems.add(new Problem(name, message));
    }

    /** Throws one exception listing every problem, if there were any. */
    void failIfProblems(String filterName) throws ServletException {
        if (problems.isEmpty()) {
            return;
        }
        // Report in the documented param order rather than the order of the checks.
        List<String> ordered = problems.stream()
                .sorted(Comparator.comparingInt(p -> position(p.param)))
                .map(p -> redact(p.message))
                .collect(Collectors.toList());
        int n = ordered.size();
        throw new ServletException("ZendeskWidgetFilter '" + filterName + "' cannot start: " + n
                + (n == 1 ? " problem" : " problems") + " in its init-params: " + String.join("; ", ordered));
    }

    private String quote(String value) {
        for (String secret : secretTexts) {
            if (value.contains(secret)) {
                return HIDDEN;
            }
        }
        StringBuilder shown = new StringBuilder("'");
        int end = Math.min(value.length(), MAX_SHOWN_CHARS);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            // Keeps a value with line breaks from forging extra lines in the log.
            shown.append(Character.isISOControl(c) ? '?' : c);
        }
        return shown.append(value.length() > end ? "…'" : "'").toString();
    }

    /** Second line of defence: messages built from patterns or names, not through quote(). */
    private String redact(String message) {
        String redacted = message;
        for (String secret : secretTexts) {
            redacted = redacted.replace(secret, HIDDEN);
        }
        return redacted;
    }

    private static int position(String param) {
        int i = 0;
        for (String known : InitParams.ALL) {
            if (known.equals(param)) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static final class Problem {
        final String param;
        final String message;

        Problem(String param, String message) {
            this.param = param;
            this.message = message;
        }
    }
}
