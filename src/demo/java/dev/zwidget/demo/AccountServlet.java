package dev.zwidget.demo;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The visitor's account, as a typical legacy application does it: {@code /login} shows a JSP
 * form and puts the {@link User} into the session, {@code /logout} invalidates the session, and
 * {@code /account} is a page for signed-in visitors only. The filter needs nothing from any of
 * them: it finds the user in the session on the next page, and notices on the first page after
 * sign-out that the user is gone (its {@code logoutUser} call).
 */
public class AccountServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String LOGIN_FORM = "/WEB-INF/jsp/login.jsp";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        switch (request.getServletPath()) {
            case "/logout" -> logout(request, response);
            case "/account" -> account(request, response);
            default -> request.getRequestDispatcher(LOGIN_FORM).forward(request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        switch (request.getServletPath()) {
            case "/logout" -> logout(request, response);
            case "/login" -> login(request, response);
            default -> response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    private static void login(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        User user = Users.authenticate(request.getParameter("username"), request.getParameter("password"));
        if (user == null) {
            // Redisplayed with a 200, as most legacy forms do; the user name is kept in the form.
            request.setAttribute("error", "Wrong user name or password.");
            request.getRequestDispatcher(LOGIN_FORM).forward(request, response);
            return;
        }
        if (request.getSession(false) != null) {
            // A new session id on sign-in: an id planted before sign-in (session fixation) stays anonymous.
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(Users.SESSION_ATTRIBUTE, user);
        // Post/redirect/get: the account page is then a GET, the only kind of request the widget goes on.
        // Back where the visitor was sent from (the Help Center's sign-in, for one), when that is here.
        String next = request.getParameter("next");
        response.sendRedirect(isLocal(request, next) ? next : request.getContextPath() + "/account");
    }

    /** Only a path of this application: never another site (an open redirect), nor //host or /\\host. */
    private static boolean isLocal(HttpServletRequest request, String next) {
        return next != null && next.startsWith(request.getContextPath() + "/") && !next.startsWith("//")
                && !next.startsWith("/\\") && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/");
    }

    /**
     * Rendered the MVC way: the servlet prepares the model and forwards to a JSP under WEB-INF.
     * The filter handles the original request, so the forwarded JSP's output is spliced once,
     * like a Struts or Spring MVC view.
     */
    private static void account(HttpServletRequest request, HttpServletResponse response)
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
