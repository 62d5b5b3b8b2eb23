package dev.zwidget.internal.sso;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** How the SSO endpoint and its stand-in answer: never cached, never framed, never sniffed. */
public final class SsoResponses {

    private static final int MAX_LOGGED = 300;

    private SsoResponses() {
    }

    /**
     * Headers for every SSO answer. A page carrying a token must never be stored (a shared cache
     * or the back button would hand it to someone else), and a page that submits itself must not
     * run inside another site's frame.
     */
    public static void secure(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store, private");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** Sends a complete HTML page with its exact length. */
    public static void page(HttpServletResponse response, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A 302 to a path of this application (never to a URL taken from the request). */
    static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
        response.setContentLength(0);
    }

    /** Text from a request, made safe for one log line: short, and without line breaks. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < MAX_LOGGED; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > MAX_LOGGED ? out.append('…').toString() : out.toString();
    }
}
