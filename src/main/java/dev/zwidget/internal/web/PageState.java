package dev.zwidget.internal.web;

import dev.zwidget.WidgetUser;
import dev.zwidget.internal.html.Eligibility;
import dev.zwidget.internal.html.Injection;
import dev.zwidget.internal.html.PagePlanner;
import dev.zwidget.internal.html.WidgetRequest;
import dev.zwidget.internal.html.WidgetResponse;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the filter knows about one request, reachable from its wrapper so that the filter,
 * the token endpoint and the view integrations (JSP tag, Thymeleaf dialect) all use the same
 * identity and the same token: one page render, one token, whoever renders it.
 */
public final class PageState implements PagePlanner {

    private static final Logger LOGGER = Logger.getLogger("dev.zwidget.ZendeskWidgetFilter");

    private final WidgetRuntime runtime;
    private final Brand brand;
    private final HttpServletRequest request;
    private Identity identity;
    private boolean tokenTaken;
    private String token;
    private Injection plan;
    private WidgetResponse response;
    private boolean placedByView;

    PageState(WidgetRuntime runtime, Brand brand, HttpServletRequest request) {
        this.runtime = runtime;
        this.brand = brand;
        this.request = request;
    }

    /** The state the filter attached to this request, or {@code null} when it did not. */
    public static PageState of(ServletRequest request) {
        Object wrapped = request.getAttribute(WidgetRequest.ATTRIBUTE);
        PagePlanner state = wrapped instanceof WidgetRequest ? ((WidgetRequest) wrapped).response().planner() : null;
        return state instanceof PageState ? (PageState) state : null;
    }

    /** Resolves the visitor on first use; the same answer afterwards. Mints nothing. */
    Identity identity() {
        if (identity == null) {
            identity = runtime.identify(request, brand);
        }
        return identity;
    }

    /**
     * The signed-in visitor's token for this page, minted on first use and the same afterwards;
     * {@code null} when nobody is signed in or minting failed. Asked only for a response that
     * carries the token, never for a static file, JSON or a 304.
     */
    String token() {
        if (!tokenTaken) {
            tokenTaken = true;
            WidgetUser user = identity().user();
            token = user == null ? null : brand.tokens.mint(user);
        }
        return token;
    }

    /**
     * What this page gets, decided on first use (the response's first byte, or a view placing the
     * widget, whichever comes first) and the same answer afterwards, so that cookies and headers
     * are set once and the view and the filter never disagree.
     */
    @Override
    public Injection plan(HttpServletResponse servletResponse) {
        if (plan == null) {
            plan = new VisitorPlanner(this, request).plan(servletResponse);
        }
        return plan;
    }

    void attach(WidgetResponse wrapped) {
        response = wrapped;
    }

    /** The response wrapper of this request. */
    WidgetResponse response() {
        return response;
    }

    /** The brand this page belongs to, by its host. */
    Brand brand() {
        return brand;
    }

    WidgetRuntime runtime() {
        return runtime;
    }

    @Override
    public void decided(Injection outcome) {
        runtime.stats().decided(outcome.label());
        // "Why no widget on this page?" answered from the log, without a code change. Asked first:
        // a message supplier would be an allocation on every response, JSON and images included.
        if (LOGGER.isLoggable(Level.FINE)) {
            LOGGER.fine("Zendesk widget: " + request.getMethod() + " " + request.getRequestURI() + " -> "
                    + outcome.label());
        }
    }

    @Override
    public void inserted() {
        runtime.stats().spliced();
    }

    /** Records that a view placed the widget itself, so the filter does not add a second copy. */
    void markPlacedByView() {
        placedByView = true;
        runtime.stats().placedByView();
    }

    @Override
    public boolean placedByView() {
        return placedByView;
    }

    /** A browser that is or was signed in, asking for a page to show. */
    @Override
    public boolean hidesValidators() {
        return isNavigation(request) && (brand.markerCookie.read(request) != null || identity().user() != null);
    }

    /**
     * Whether the request may be for a page to show (only a page can carry the widget, so only a
     * page must not come back as a 304 of a copy cached before the visitor signed in or out).
     * Only a positive sign says it is not: a {@code Sec-Fetch-Dest} that is no document, or an
     * {@code Accept} without text/html (images, stylesheets, scripts and fetches, which keep
     * their 304s). A request without either (a cache in front that drops them) counts as one.
     */
    private static boolean isNavigation(HttpServletRequest request) {
        String dest = request.getHeader("Sec-Fetch-Dest");
        if (dest != null) {
            return Eligibility.isDocumentDestination(dest);
        }
        String accept = request.getHeader("Accept");
        return accept == null || accept.toLowerCase(Locale.ROOT).contains("text/html");
    }
}
