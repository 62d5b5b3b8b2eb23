package dev.zwidget.internal.html;

import dev.zwidget.internal.compat.Java8;
import jakarta.servlet.DispatcherType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one predicate that decides whether a response may receive the widget. It answers with
 * the reason it may not (shown by the debug header), or {@code null} when it may.
 *
 * <p>It is split in two only because the facts arrive at two moments: the request's when the
 * filter is entered, the response's when the first byte is written. Everything it rejects passes
 * through byte for byte: API calls, downloads, compressed bodies, redirects and error pages must
 * never be touched.
 */
public final class Eligibility {

    /** The usual methods other than GET and HEAD, with their reasons. */
    private static final Map<String, String> METHOD_REASONS = new HashMap<>();
    /** The standard destinations of a script's, a style's or a media's fetch, with their reasons. */
    private static final Map<String, String> FETCH_REASONS = new HashMap<>();
    private static final String[] DISPATCH_REASONS = new String[DispatcherType.values().length];

    static {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
            METHOD_REASONS.put(method, "method " + method);
        }
        for (String dest : new String[] {"audio", "audioworklet", "embed", "empty", "font", "image", "json",
                "manifest", "object", "paintworklet", "report", "script", "serviceworker", "sharedworker",
                "style", "track", "video", "webidentity", "worker", "xslt"}) {
            FETCH_REASONS.put(dest, "fetch destination " + dest);
        }
        for (DispatcherType type : DispatcherType.values()) {
            DISPATCH_REASONS[type.ordinal()] = "dispatch " + type;
        }
    }

    private Eligibility() {
    }

    /** A request's headers, read by name: each read is a search of all the request's headers. */
    public interface Headers {
        /** The named header's first value, or null. */
        String get(String name);
    }

    /**
     * Asked of every request, most of them a browser's for a script, a style, an image or data,
     * which its {@code Sec-Fetch-Dest} alone turns away: that header is read first and the others
     * only when it did not, and the usual reasons are constants, neither built nor hashed anew.
     *
     * @param method the HTTP method
     * @param dispatch the dispatch type the filter sees
     * @param headers the request's {@code Sec-Fetch-Dest}, {@code X-Requested-With} and
     *     {@code Accept}, read in that order and only as far as needed
     * @param excluded whether the path matches {@code excludePaths}
     */
    public static String whyNotRequest(String method, DispatcherType dispatch, Headers headers,
            boolean excluded) {
        // HEAD goes the way of GET, so that it announces the headers GET would send.
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            String known = METHOD_REASONS.get(method);
            return known != null ? known : "method " + method;
        }
        if (dispatch != DispatcherType.REQUEST && dispatch != DispatcherType.FORWARD) {
            // A wrapper of the application's may answer null, which no container does.
            return dispatch == null ? "dispatch null" : DISPATCH_REASONS[dispatch.ordinal()];
        }
        String fetchDest = headers.get("Sec-Fetch-Dest");
        if (fetchDest != null) {
            String known = FETCH_REASONS.get(fetchDest);
            if (known != null) {
                return known;
            }
            if (!isDocumentDestination(fetchDest)) {
                // fetch() of an HTML fragment (htmx, Turbo frames): the widget belongs in documents.
                return "fetch destination " + fetchDest.trim();
            }
        }
        String requestedWith = headers.get("X-Requested-With");
        if (requestedWith != null && "XMLHttpRequest".equalsIgnoreCase(requestedWith.trim())) {
            return "XMLHttpRequest";
        }
        String accept = headers.get("Accept");
        if (accept != null && !acceptsHtml(accept)) {
            // An API client asking for JSON or XML: no browser will show what it gets.
            return "accepts no HTML";
        }
        return excluded ? "excluded path" : null;
    }

    /**
     * @param status the response status when the first byte is written
     * @param contentType the response's content type, or null
     * @param contentEncoding the {@code Content-Encoding} response header, or null
     * @param contentDisposition the {@code Content-Disposition} response header, or null
     */
    public static String whyNotResponse(int status, String contentType, String contentEncoding,
            String contentDisposition) {
        if (status != 200) {
            return "status " + status;
        }
        if (!isHtml(contentType)) {
            return "content type " + (contentType == null ? "unset" : mediaType(contentType));
        }
        if (contentEncoding != null && !Java8.isBlank(contentEncoding)
                && !"identity".equalsIgnoreCase(contentEncoding.trim())) {
            return "content encoding";
        }
        if (contentDisposition != null
                && mediaType(contentDisposition).equals("attachment")) {
            return "attachment";
        }
        return null;
    }

    /**
     * Whether an {@code Accept} header admits an HTML page. Every browser's navigation does (by
     * name, or with a wildcard as Internet Explorer's did); a blank header counts as absent.
     */
    static boolean acceptsHtml(String accept) {
        if (Java8.isBlank(accept)) {
            return true;
        }
        // Asked of every request: a browser's Accept names text/html first, so reading in place
        // stops a few chars in, where lower-casing went through the whole header.
        return containsIgnoringCase(accept, "html") || accept.contains("*/*")
                || containsIgnoringCase(accept, "text/*") || containsIgnoringCase(accept, "application/*");
    }

    /**
     * Whether {@code text} holds {@code lower} in any ASCII case, as {@code toLowerCase(Locale.ROOT)}
     * would tell for these needles: the only other characters that lower-case to ASCII are the
     * Kelvin sign (to {@code k}, in no needle) and the dotted capital I (to {@code i} and a
     * combining dot, which then stands where the needle goes on).
     */
    private static boolean containsIgnoringCase(String text, String lower) {
        outer:
        for (int i = 0, last = text.length() - lower.length(); i <= last; i++) {
            for (int j = 0; j < lower.length(); j++) {
                char c = text.charAt(i + j);
                if (c != lower.charAt(j) && (c < 'A' || c > 'Z' || c + ('a' - 'A') != lower.charAt(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether a {@code Sec-Fetch-Dest} value names something a browser shows as a page. */
    public static boolean isDocumentDestination(String fetchDest) {
        return isDocument(fetchDest.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean isDocument(String fetchDest) {
        return fetchDest.equals("document") || fetchDest.equals("iframe") || fetchDest.equals("frame");
    }

    /** Without allocating: asked of every response, most of which are not HTML. */
    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        if (end < 0) {
            end = contentType.length();
        }
        int start = 0;
        while (start < end && contentType.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && contentType.charAt(end - 1) <= ' ') {
            end--;
        }
        return isMedia(contentType, start, end, "text/html")
                || isMedia(contentType, start, end, "application/xhtml+xml");
    }

    /** ASCII case only, as {@code toLowerCase(Locale.ROOT)} compares (no dotless i matching i). */
    private static boolean isMedia(String contentType, int start, int end, String media) {
        if (end - start != media.length()) {
            return false;
        }
        for (int i = 0; i < media.length(); i++) {
            char c = contentType.charAt(start + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != media.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The part before any {@code ;}, trimmed and lower-cased. */
    private static String mediaType(String headerValue) {
        int semicolon = headerValue.indexOf(';');
        String media = semicolon < 0 ? headerValue : headerValue.substring(0, semicolon);
        return media.trim().toLowerCase(Locale.ROOT);
    }
}
