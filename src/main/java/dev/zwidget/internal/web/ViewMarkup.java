package dev.zwidget.internal.web;

import dev.zwidget.internal.html.Eligibility;
import dev.zwidget.internal.html.Injection;
import dev.zwidget.internal.html.WidgetResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The widget markup for a view that places it itself (the JSP tag, the Thymeleaf dialect): the
 * same block the filter would insert, built from the same plan and the same token, and recorded
 * so that the filter does not insert a second copy. Empty when the filter is not installed, the
 * page is not eligible, or the widget is already on the page.
 */
public final class ViewMarkup {

    private static final Logger LOGGER = Logger.getLogger("dev.zwidget.ZendeskWidgetFilter");

    private ViewMarkup() {
    }

    public static String render(HttpServletRequest request, HttpServletResponse response) {
        PageState state = PageState.of(request);
        if (state == null) {
            return nothing("the filter did not handle this request (not installed, or not an eligible request)");
        }
        if (state.placedByView()) {
            return nothing("the widget is already on this page");
        }
        String why = Eligibility.whyNotResponse(response.getStatus(), response.getContentType(),
                response.getHeader("Content-Encoding"), response.getHeader("Content-Disposition"));
        if (why != null) {
            return nothing(why);
        }
        WidgetResponse wrapper = state.response();
        Injection plan;
        if (wrapper.isDecided()) {
            plan = wrapper.injection();
        } else if (response.isCommitted()) {
            // Something committed the response past the filter: no-store could not be sent.
            return nothing("the response was committed before the widget could be planned");
        } else {
            plan = state.plan(wrapper);
        }
        if (plan == null || plan.isNothing()) {
            return nothing(plan == null ? "the page passes through untouched" : plan.label());
        }
        state.markPlacedByView();
        return plan.markup(false);
    }

    private static String nothing(String why) {
        LOGGER.log(Level.FINE, () -> "Zendesk widget not rendered by the view: " + why);
        return "";
    }
}
