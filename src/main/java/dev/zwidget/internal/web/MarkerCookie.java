package dev.zwidget.internal.web;

import dev.zwidget.internal.token.MarkerCodec;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

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
 */
final class MarkerCookie {

    static final String NAME = "zwidget_signed_in";
    private static final int MAX_AGE_SECONDS = (int) Duration.ofDays(400).getSeconds();

    private final MarkerCodec codec;
    private final String path;

    MarkerCookie(MarkerCodec codec, String contextPath) {
        this.codec = codec;
        this.path = contextPath == null || contextPath.isEmpty() ? "/" : contextPath;
    }

    /** The marker the browser sent, or {@code null}. */
    String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** Whether {@code marker} was made for this external id (a forged one never is). */
    boolean isFor(String marker, String externalId) {
        return MarkerCodec.isWellFormed(marker) && codec.matches(marker, externalId);
    }

    void set(HttpServletRequest request, HttpServletResponse response, String externalId) {
        response.addCookie(cookie(request, codec.valueFor(externalId), MAX_AGE_SECONDS));
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    private Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setPath(path);
        cookie.setMaxAge(maxAge);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
