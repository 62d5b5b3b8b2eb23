package dev.zwidget.demo;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /account}: a page for signed-in visitors only, rendered the MVC way: the servlet
 * prepares the model and forwards to a JSP under WEB-INF. The filter handles the original
 * request, so the forwarded JSP's output is spliced once, like a Struts or Spring MVC view.
 */
public class AccountServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        User user = Users.signedIn(request);
        if (user == null) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        request.setAttribute("orders", Orders.of(user));
        request.getRequestDispatcher("/WEB-INF/jsp/account.jsp").forward(request, response);
    }
}
