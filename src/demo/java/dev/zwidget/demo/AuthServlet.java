package dev.zwidget.demo;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Sign-in and sign-out, as a typical legacy application does them: {@code /login} shows a JSP
 * form and puts the {@link User} into the session, {@code /logout} invalidates the session. The
 * filter needs nothing from either: it finds the user in the session on the next page, and
 * notices on the first page after sign-out that the user is gone (its {@code logoutUser} call).
 */
public class AuthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String LOGIN_FORM = "/WEB-INF/jsp/login.jsp";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (isLogout(request)) {
            logout(request, response);
        } else {
            request.getRequestDispatcher(LOGIN_FORM).forward(request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (isLogout(request)) {
            logout(request, response);
            return;
        }
        User user = Users.authenticate(request.getParameter("username"), request.getParameter("password"));
        if (user == null) {
            // Redisplayed with a 200, as most legacy forms do; the user name is kept in the form.
            request.setAttribute("error", "Wrong user name or password.");
            request.getRequestDispatcher(LOGIN_FORM).forward(request, response);
            return;
        }
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            // A new session id on sign-in: an id planted before sign-in (session fixation) stays anonymous.
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(Users.SESSION_ATTRIBUTE, user);
        // Post/redirect/get: the account page is then a GET, the only kind of request the widget goes on.
        response.sendRedirect(request.getContextPath() + "/account");
    }

    private static boolean isLogout(HttpServletRequest request) {
        return "/logout".equals(request.getServletPath());
    }

    private static void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/");
    }
}
