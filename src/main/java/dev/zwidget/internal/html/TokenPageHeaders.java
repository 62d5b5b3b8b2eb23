package dev.zwidget.internal.html;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps a page that carries a visitor's token out of every cache. A shared cache or the back
 * button serving that page again would hand one visitor's token to another, or a signed-out
 * visitor's token back to the browser. Validators are removed so that no conditional request can
 * turn a later visit into a 304 of an old token page; once set, the application can no longer
 * loosen these headers.
 */
final class TokenPageHeaders {

    static final String CACHE_CONTROL = "no-store, private";

    // CDNs obey their own headers before Cache-Control: a token page must not carry one.
    private static final Set<String> GUARDED = new HashSet<>(Arrays.asList("cache-control", "etag", "last-modified",
            "expires", "pragma", "cdn-cache-control", "cloudflare-cdn-cache-control",
            "surrogate-control", "edge-control"));

    private boolean locked;

    void lock(ServletResponse response) {
        HttpServletResponse http = (HttpServletResponse) response;
        for (String name : GUARDED) {
            http.setHeader(name, null);
        }
        http.setHeader("Cache-Control", CACHE_CONTROL);
        locked = true;
    }

    void unlock() {
        locked = false;
    }

    boolean blocks(String headerName) {
        return locked && headerName != null && GUARDED.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
