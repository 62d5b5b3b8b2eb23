package dev.zwidget.internal.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the filter knows about one request, kept in one request attribute so that the filter,
 * the token endpoint and the view integrations (JSP tag, Thymeleaf dialect) all use the same
 * identity and the same token: one page render, one token, whoever renders it.
 */
public final class PageState {

    /** The request attribute that holds the state. */
    public static final String ATTRIBUTE = PageState.class.getName();

    private final WidgetRuntime runtime;
    private final HttpServletRequest request;
    private Identity identity;
    private boolean placedByView;

    PageState(WidgetRuntime runtime, HttpServletRequest request) {
        this.runtime = runtime;
        this.request = request;
    }

    /** The state the filter attached to this request, or {@code null} when it did not. */
    public static PageState of(ServletRequest request) {
        Object state = request.getAttribute(ATTRIBUTE);
        return state instanceof PageState ? (PageState) state : null;
    }

    /** Resolves the visitor and mints their token on first use; the same answer afterwards. */
    Identity identity() {
        if (identity == null) {
            identity = runtime.identify(request);
        }
        return identity;
    }

    WidgetRuntime runtime() {
        return runtime;
    }

    /** Records that a view placed the widget itself, so the filter does not add a second copy. */
    public void markPlacedByView() {
        placedByView = true;
    }

    public boolean placedByView() {
        return placedByView;
    }
}
