package dev.zwidget.internal.html;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Caching header calls held back while a page is undecided, kept as the calls themselves so
 * that a page which does not carry a token can hand them to the container exactly as the
 * application made them: same order, {@code add} or {@code set}, date, int or string.
 * Holding instead of removing later is what makes this portable: Tomcat 10.1 ignores
 * {@code setHeader(name, null)}, so a header that reached the container could not be taken back.
 */
final class HeldHeaders {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private enum Kind { STRING, DATE, INT }

    private static final class Call {
        final boolean add;
        final Kind kind;
        final String name;
        final String value;
        final long number;

        Call(boolean add, Kind kind, String name, String value, long number) {
            this.add = add;
            this.kind = kind;
            this.name = name;
            this.value = value;
            this.number = number;
        }

        /** The value as the container shows it once set. */
        String text() {
            switch (kind) {
                case DATE:
                    return HTTP_DATE.format(Instant.ofEpochMilli(number));
                case INT:
                    return Long.toString(number);
                default:
                    return value;
            }
        }
    }

    private final List<Call> calls = new ArrayList<>();

    void string(boolean add, String name, String value) {
        calls.add(new Call(add, Kind.STRING, name, value, 0));
    }

    void date(boolean add, String name, long date) {
        calls.add(new Call(add, Kind.DATE, name, null, date));
    }

    void integer(boolean add, String name, int value) {
        calls.add(new Call(add, Kind.INT, name, null, value));
    }

    boolean has(String name) {
        for (Call call : calls) {
            if (call.name.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The values of {@code name} as the container would show them had the held calls reached it,
     * starting from what it holds already; {@code null} when nothing is held for that name.
     */
    List<String> values(String name, Collection<String> containerValues) {
        if (!has(name)) {
            return null;
        }
        List<String> values = new ArrayList<>(containerValues);
        for (Call call : calls) {
            if (!call.name.equalsIgnoreCase(name)) {
                continue;
            }
            if (!call.add) {
                values.clear();
            }
            String text = call.text();
            if (text != null) {
                values.add(text);
            }
        }
        return values;
    }

    /** The names of held headers that have a value, as first written. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Call call : calls) {
            if (!names.contains(call.name)) {
                names.add(call.name);
            }
        }
        names.removeIf(name -> values(name, new ArrayList<>()).isEmpty());
        return names;
    }

    /** Makes the held calls on {@code container}, in their order, and forgets them. */
    void replay(HttpServletResponse container) {
        for (Call call : calls) {
            switch (call.kind) {
                case DATE:
                    if (call.add) {
                        container.addDateHeader(call.name, call.number);
                    } else {
                        container.setDateHeader(call.name, call.number);
                    }
                    break;
                case INT:
                    if (call.add) {
                        container.addIntHeader(call.name, (int) call.number);
                    } else {
                        container.setIntHeader(call.name, (int) call.number);
                    }
                    break;
                default:
                    if (call.add) {
                        container.addHeader(call.name, call.value);
                    } else {
                        container.setHeader(call.name, call.value);
                    }
                    break;
            }
        }
        calls.clear();
    }

    void clear() {
        calls.clear();
    }
}
