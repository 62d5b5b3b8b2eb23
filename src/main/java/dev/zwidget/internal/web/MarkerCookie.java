package dev.zwidget.internal.web;

import dev.zwidget.internal.token.MarkerCodec;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Remembers in the browser that a visitor was signed in to the widget, and as whom, so that the
 * first page after the application's session has ended can call {@code logoutUser}. The widget
 * keeps its own sign-in in the browser long after the application's session is gone: without
 * this, the next person on a shared browser would see the previous person's conversation.
 *
 * <p>The value is an HMAC of the external id, never the id itself. The cookie is HttpOnly (no
 * script needs it), SameSite=Lax, Secure on HTTPS, scoped to the application's context path, and
 * lives as long as browsers allow, because the widget's own sign-in also survives a browser
 * restart.
 *
 * <p>The {@code Set-Cookie} header is written here rather than through {@link Cookie}: the
 * {@code SameSite} attribute only exists on {@code Cookie} since Servlet 6.0, and the same
 * classes run, relocated to {@code javax.servlet}, on Servlet 3.1 and 4.0 containers (Tomcat 9),
 * where calling it fails with {@code NoSuchMethodError}.
 */
final class MarkerCookie {

    static final String NAME = "zwidget_signed_in";
    private static final long MAX_AGE_SECONDS = Duration.ofDays(400).getSeconds();
    /** RFC 6265's date form, with a two-digit day ({@code RFC_1123_DATE_TIME} prints "1 Jan"). */
    private static final DateTimeFormatter EXPIRES =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final MarkerCodec codec;
    private final String path;
    private final String name;

    /** @param name {@link #NAME}, or {@code NAME_<brand>} for a brand, whose sign-outs are its own */
    MarkerCookie(MarkerCodec codec, String contextPath, String name) {
        this.codec = codec;
        this.path = contextPath == null || contextPath.isEmpty() ? "/" : contextPath;
        this.name = name;
    }

    /**
     * The marker the browser sent, or {@code null}. Read from the Cookie header rather than
     * {@code getCookies()}: asked on every signed-in page, before its first byte, and the
     * container would otherwise parse every cookie of the request into objects for one value
     * (on Jetty 12 about 20 µs of a cold page's first byte).
     */
    String read(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("Cookie");
        while (headers != null && headers.hasMoreElements()) {
            String value = valueIn(headers.nextElement(), name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * The value of the first cookie called {@code name} in one Cookie header, as RFC 6265 writes
     * it ({@code a=1; b=2}), or {@code null}. The value is the marker codec's URL-safe Base64 and
     * is returned as sent: a value no codec made fails {@link #isFor} either way.
     */
    static String valueIn(String header, String name) {
        for (int at = header.indexOf(name); at >= 0; at = header.indexOf(name, at + 1)) {
            int equals = skipSpaces(header, at + name.length());
            if (startsCookie(header, at) && equals < header.length() && header.charAt(equals) == '=') {
                int start = skipSpaces(header, equals + 1);
                int end = header.indexOf(';', start);
                end = end < 0 ? header.length() : end;
                while (end > start && isSpace(header.charAt(end - 1))) {
                    end--;
                }
                return header.substring(start, end);
            }
        }
        return null;
    }

    /** Whether {@code at} is where a cookie's name begins: the header's start, or after a {@code ;}. */
    private static boolean startsCookie(String header, int at) {
        int before = at - 1;
        while (before >= 0 && isSpace(header.charAt(before))) {
            before--;
        }
        return before < 0 || header.charAt(before) == ';';
    }

    private static int skipSpaces(String header, int from) {
        int i = from;
        while (i < header.length() && isSpace(header.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Whether {@code marker} was made for this external id (a forged one never is). */
    boolean isFor(String marker, String externalId) {
        return MarkerCodec.isWellFormed(marker) && codec.matches(marker, externalId);
    }

    /** Whether {@code marker} was made with the active signing key (else it is renewed). */
    boolean isCurrent(String marker, String externalId) {
        return codec.isCurrent(marker, externalId);
    }

    /**
     * The visitor's tag for the other tabs ({@link dev.zwidget.internal.html.TabSyncScript}): a
     * keyed hash like the marker but of another input, so that a script never holds the value of
     * the HttpOnly cookie.
     */
    String tabTag(String externalId) {
        return codec.valueFor("\u0000tabs\u0000" + externalId);
    }

    void set(HttpServletRequest request, HttpServletResponse response, String externalId) {
        response.addHeader("Set-Cookie", header(request, codec.valueFor(externalId), MAX_AGE_SECONDS));
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", header(request, "", 0));
    }

    /** The value is the codec's URL-safe Base64 (or empty), the path a context path: no quoting needed. */
    private String header(HttpServletRequest request, String value, long maxAge) {
        Instant expires = maxAge == 0 ? Instant.EPOCH : Instant.now().plusSeconds(maxAge);
        StringBuilder header = new StringBuilder(160).append(name).append('=').append(value)
                .append("; Path=").append(path)
                .append("; Expires=").append(EXPIRES.format(expires))
                .append("; Max-Age=").append(maxAge);
        if (request.isSecure()) {
            header.append("; Secure");
        }
        return header.append("; HttpOnly; SameSite=Lax").toString();
    }
}
