package dev.zwidget.internal.html;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps a page that carries a visitor's token out of every cache. A shared cache or the back
 * button serving that page again would hand one visitor's token to another, or a signed-out
 * visitor's token back to the browser. Validators are dropped so that no conditional request can
 * turn a later visit into a 304 of an old token page; once a page carries a token, its
 * {@link HeaderGate} keeps the application from loosening these headers.
 */
final class TokenPageHeaders {

    static final String CACHE_CONTROL = "no-store, private";

    /**
     * The guarded headers, each with what overwrites it when it was set on the container before
     * this filter's wrapper existed (an earlier filter): the Servlet API has no portable way to
     * remove a header, and Tomcat 10.1 ignores {@code setHeader(name, null)}. A null leaves it
     * there: under {@code no-store} no cache keeps the page, so a validator, Expires or Pragma
     * no longer matters (Jetty adds Expires 1970 itself next to a Set-Cookie). CDNs obey their
     * own headers before Cache-Control, so those are overwritten.
     */
    private static final Map<String, String> GUARDED = new HashMap<>();

    static {
        for (String kept : Arrays.asList("etag", "last-modified", "expires", "pragma")) {
            GUARDED.put(kept, null);
        }
        GUARDED.put("cache-control", CACHE_CONTROL);
        for (String cdn : Arrays.asList("cdn-cache-control", "cloudflare-cdn-cache-control",
                "surrogate-control", "edge-control")) {
            GUARDED.put(cdn, "no-store");
        }
    }

    private TokenPageHeaders() {
    }

    static boolean isGuarded(String headerName) {
        return headerName != null && GUARDED.containsKey(headerName.toLowerCase(Locale.ROOT));
    }

    /**
     * Makes the container's response uncacheable; held headers never reached it. The caller
     * blocks the guarded headers from then on ({@link HeaderGate}).
     */
    static void makeUncacheable(HttpServletResponse container) {
        for (Map.Entry<String, String> guarded : GUARDED.entrySet()) {
            if (guarded.getValue() != null && container.containsHeader(guarded.getKey())) {
                container.setHeader(guarded.getKey(), guarded.getValue());
            }
        }
        container.setHeader("Cache-Control", CACHE_CONTROL);
    }
}
