package dev.zwidget.internal.html;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Decides which of the application's header calls reach the container, for
 * {@link WidgetResponse}: a Content-Length is held back while the page may still be spliced
 * (Jetty and Tomcat end a response once that many bytes are written, which would cut the
 * inserted block off), and on a page carrying a token the caching headers stay locked.
 */
final class HeaderGate {

    private final TokenPageHeaders tokenHeaders = new TokenPageHeaders();
    private long declaredLength = -1;

    /**
     * Whether a Content-Length of {@code length} must be held back; it always may pass once the
     * page is known to pass through untouched.
     */
    boolean holdsLength(long length, boolean passingThrough) {
        if (passingThrough) {
            return false;
        }
        declaredLength = length;
        return true;
    }

    /** Whether a header call must not reach the container. */
    boolean holds(String name, String value, boolean passingThrough) {
        if ("Content-Length".equalsIgnoreCase(name)) {
            if (value == null) {
                declaredLength = -1;
                return !passingThrough;
            }
            try {
                return holdsLength(Long.parseLong(value.trim()), passingThrough);
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
        return tokenHeaders.blocks(name);
    }

    /** Whether a date header (Last-Modified, Expires…) must not reach the container. */
    boolean holdsDate(String name) {
        return tokenHeaders.blocks(name);
    }

    /** Hands a held Content-Length to the container: the page passes through untouched. */
    void releaseLength(HttpServletResponse container) {
        if (declaredLength >= 0) {
            container.setContentLengthLong(declaredLength);
        }
    }

    void lockForToken(HttpServletResponse container) {
        tokenHeaders.lock(container);
    }

    void unlockTokenHeaders() {
        tokenHeaders.unlock();
    }

    /** Everything forgotten, as after the response's own reset(). */
    void reset() {
        declaredLength = -1;
        tokenHeaders.unlock();
    }
}
