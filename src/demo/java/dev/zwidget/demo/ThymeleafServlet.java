package dev.zwidget.demo;

import dev.zwidget.thymeleaf.ZendeskWidgetDialect;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the Thymeleaf pages: the servlet path names the template under
 * {@code WEB-INF/templates/} ({@code /thymeleaf} renders {@code thymeleaf.html}). One engine,
 * built once at start-up, with the widget's dialect registered: {@code /thymeleaf} leaves the
 * widget to the filter, {@code /dialect} places it itself with {@code zw:widget}.
 */
public class ThymeleafServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient JakartaServletWebApplication application;
    private transient TemplateEngine engine;

    @Override
    public void init() throws ServletException {
        application = JakartaServletWebApplication.buildApplication(getServletContext());
        WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
        resolver.setPrefix("/WEB-INF/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new ZendeskWidgetDialect());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String template = request.getServletPath().substring(1);
        WebContext context = new WebContext(application.buildExchange(request, response), request.getLocale());
        User user = Users.signedIn(request);
        context.setVariable("user", user);
        context.setVariable("orders", user == null ? null : Orders.of(user));
        // The content type before the first byte: the filter decides on it when the page starts.
        response.setContentType("text/html;charset=UTF-8");
        engine.process(template, context, response.getWriter());
    }
}
