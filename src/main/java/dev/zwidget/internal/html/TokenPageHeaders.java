package dev.zwidget.internal.html;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
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

    private static final Set<String> GUARDED = Set.of("cache-control", "etag", "last-modified",
            "expires", "pragma");

    private boolean locked;

    void lock(ServletResponse response) {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("Cache-Control", CACHE_CONTROL);
        http.setHeader("ETag", null);
        http.setHeader("Last-Modified", null);
        http.setHeader("Expires", null);
        http.setHeader("Pragma", null);
        locked = true;
    }

    void unlock() {
        locked = false;
    }

    boolean blocks(String headerName) {
        return locked && headerName != null && GUARDED.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
