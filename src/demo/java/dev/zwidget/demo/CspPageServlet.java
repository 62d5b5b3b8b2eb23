package dev.zwidget.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A page under a strict Content-Security-Policy with a fresh nonce per response, as security
 * teams ask for: scripts run only with the nonce. The filter reads the nonce from this header and
 * puts it on the widget's script tags; without it the widget would be blocked.
 */
public class CspPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'nonce-" + nonce
                + "'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        response.setContentType("text/html;charset=UTF-8");
        User user = (User) (request.getSession(false) == null ? null : request.getSession(false).getAttribute("user"));
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Strict CSP</title>");
        out.println("<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/demo.css\"></head><body>");
        out.println("<main><h1>A page under a strict Content-Security-Policy</h1>");
        out.println("<p>Scripts need this response's nonce. The widget's scripts carry it, so they run;"
                + " an inline script without it would be blocked.</p>");
        out.println("<p>" + (user == null ? "Not signed in." : "Signed in as " + escape(user.getName()) + ".") + "</p>");
        out.println("<p id=\"csp-check\">The page's own script did not run.</p>");
        out.println("<script nonce=\"" + nonce + "\">document.getElementById('csp-check').textContent ="
                + " 'The page\\'s own script ran with the nonce.';</script>");
        out.println("<p><a href=\"" + request.getContextPath() + "/\">Home</a></p></main>");
        out.println("</body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
