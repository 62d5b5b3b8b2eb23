package dev.zwidget.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The signed-in user's orders as data: {@code /api/orders} (JSON, for the page's scripts) and
 * {@code /export.csv} (a spreadsheet download). Neither is a page, so the filter must leave the
 * bytes and the headers exactly as written here, even for a signed-in visitor. Both set an exact
 * Content-Length and their own Cache-Control, which a careless filter would break.
 */
public class OrdersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        User user = Users.signedIn(request);
        boolean csv = "/export.csv".equals(request.getServletPath());
        if (user == null) {
            if (csv) {
                // A download link followed while signed out: to the form, as for any page.
                response.sendRedirect(request.getContextPath() + "/login");
            } else {
                send(response, HttpServletResponse.SC_UNAUTHORIZED, "application/json",
                        "{\"error\":\"sign in first\"}");
            }
            return;
        }
        if (csv) {
            response.setHeader("Content-Disposition", "attachment; filename=\"orders-" + user.getId() + ".csv\"");
            send(response, HttpServletResponse.SC_OK, "text/csv", Orders.csv(user));
        } else {
            send(response, HttpServletResponse.SC_OK, "application/json", Orders.json(user));
        }
    }

    private static void send(HttpServletResponse response, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type + ";charset=UTF-8");
        response.setHeader("Cache-Control", "private, no-cache");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
