package dev.zwidget.internal.web;

import dev.zwidget.WidgetUser;
import dev.zwidget.internal.compat.Java8;
import dev.zwidget.internal.ops.FilterStats;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Hands the widget a fresh token when it asks again (the page's token expired, or the page came
 * back from the back-forward cache). POST only, and only with an {@code X-Requested-With}
 * header: a cross-site form cannot send one, and a cross-site script that adds it needs a CORS
 * preflight this endpoint never grants, so no other site can obtain a visitor's token.
 */
final class TokenEndpoint {

    private final FilterStats stats;

    TokenEndpoint(FilterStats stats) {
        this.stats = stats;
    }

    /**
     * @param signedOut run when nobody is signed in: clears the marker cookie, which is how the
     *     sign-out script of a page tells the filter the widget has been signed out
     */
    void serve(HttpServletRequest request, HttpServletResponse response, Supplier<Identity> identify,
            Function<WidgetUser, String> mint, Runnable signedOut) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "{\"error\":\"method not allowed\"}");
            return;
        }
        String requestedWith = request.getHeader("X-Requested-With");
        if (requestedWith == null || Java8.isBlank(requestedWith)) {
            send(response, HttpServletResponse.SC_FORBIDDEN, "{\"error\":\"X-Requested-With required\"}");
            return;
        }
        Identity identity = identify.get();
        if (identity.failed()) {
            unavailable(response);
        } else if (identity.user() == null) {
            signedOut.run();
            send(response, HttpServletResponse.SC_UNAUTHORIZED, "{\"error\":\"not signed in\"}");
        } else {
            String token = mint.apply(identity.user());
            if (token == null) {
                unavailable(response);
            } else {
                send(response, HttpServletResponse.SC_OK, "{\"jwt\":\"" + token + "\"}");
            }
        }
    }

    private void unavailable(HttpServletResponse response) throws IOException {
        send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "{\"error\":\"unavailable\"}");
    }

    private void send(HttpServletResponse response, int status, String json) throws IOException {
        stats.endpointAnswered(status);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
