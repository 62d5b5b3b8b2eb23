package dev.zwidget.thymeleaf;

import dev.zwidget.internal.web.ViewMarkup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.servlet.IServletWebExchange;

/**
 * Finds the servlet request and response behind a Thymeleaf context. Outside a Jakarta servlet
 * web context (an offline template, an email) there is no visitor, so there is no widget.
 */
final class WidgetMarkupLookup {

    private WidgetMarkupLookup() {
    }

    static String markup(IContext context) {
        if (!(context instanceof IWebContext)) {
            return "";
        }
        IWebExchange exchange = ((IWebContext) context).getExchange();
        if (!(exchange instanceof IServletWebExchange)) {
            return "";
        }
        IServletWebExchange servlet = (IServletWebExchange) exchange;
        Object request = servlet.getNativeRequestObject();
        Object response = servlet.getNativeResponseObject();
        if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
            return "";
        }
        return ViewMarkup.render((HttpServletRequest) request, (HttpServletResponse) response);
    }
}
