package dev.zwidget.internal.html;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Decides which of the application's header calls reach the container, for
 * {@link WidgetResponse}. While the page is undecided, a Content-Length is held back (Jetty and
 * Tomcat end a response once that many bytes are written, which would cut the inserted block
 * off) and so are the caching headers (a token page must not carry them, and the Servlet API
 * cannot take a header back portably). When the page decides, a token page drops the caching
 * headers and locks them; any other page gets them replayed as the application made them.
 */
final class HeaderGate {

    /** Made when a caching header is first held: most responses never set one. */
    private HeldHeaders held;
    /** A token page's guarded headers are locked ({@link TokenPageHeaders}). */
    private boolean locked;
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

    /** Whether a {@code setHeader}/{@code addHeader} call must not reach the container. */
    boolean holds(boolean add, String name, String value, boolean undecided, boolean passingThrough) {
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
        if (!gated(name, undecided)) {
            return false;
        }
        if (undecided) {
            held().string(add, name, value);
        }
        return true;
    }

    /** Whether a {@code setIntHeader}/{@code addIntHeader} call must not reach the container. */
    boolean holdsInt(boolean add, String name, int value, boolean undecided, boolean passingThrough) {
        if ("Content-Length".equalsIgnoreCase(name)) {
            return holdsLength(value, passingThrough);
        }
        if (!gated(name, undecided)) {
            return false;
        }
        if (undecided) {
            held().integer(add, name, value);
        }
        return true;
    }

    /** Whether a date header call (Last-Modified, Expires…) must not reach the container. */
    boolean holdsDate(boolean add, String name, long date, boolean undecided) {
        if (!gated(name, undecided)) {
            return false;
        }
        if (undecided) {
            held().date(add, name, date);
        }
        return true;
    }

    private HeldHeaders held() {
        if (held == null) {
            held = new HeldHeaders();
        }
        return held;
    }

    private boolean gated(String name, boolean undecided) {
        return (locked || undecided) && TokenPageHeaders.isGuarded(name);
    }

    /** Whether a held call names {@code name}. */
    boolean has(String name) {
        return held != null && held.has(name);
    }

    /**
     * What the application reads back for {@code name}: held calls count as made; {@code null}
     * when none names it.
     */
    List<String> values(String name, Collection<String> containerValues) {
        return held == null ? null : held.values(name, containerValues);
    }

    Collection<String> heldNames() {
        return held == null ? Collections.<String>emptySet() : held.names();
    }

    /** The page will not carry a token: held caching headers go to the container as made. */
    void releaseCaching(HttpServletResponse container) {
        if (held != null) {
            held.replay(container);
        }
    }

    /** Hands a held Content-Length to the container: the page passes through untouched. */
    void releaseLength(HttpServletResponse container) {
        if (declaredLength >= 0) {
            container.setContentLengthLong(declaredLength);
        }
    }

    void lockForToken(HttpServletResponse container) {
        held = null;
        TokenPageHeaders.makeUncacheable(container);
        locked = true;
    }

    void unlockTokenHeaders() {
        locked = false;
    }

    /** Everything forgotten, as after the response's own reset(). */
    void reset() {
        declaredLength = -1;
        held = null;
        locked = false;
    }
}
