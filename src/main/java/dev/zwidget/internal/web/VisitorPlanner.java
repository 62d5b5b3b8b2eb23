package dev.zwidget.internal.web;

import dev.zwidget.WidgetUser;
import dev.zwidget.ZendeskWidgetFilter;
import dev.zwidget.internal.html.Injection;
import dev.zwidget.internal.html.PagePlanner;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Level;

/**
 * Decides what an eligible page gets from who the visitor is now and what the marker cookie says
 * they were: sign in (signing the previous visitor of this browser out first when it was someone
 * else), sign out once after the session ended, the bare widget for an anonymous visitor, or
 * nothing. A visitor who was never signed in never gets {@code logoutUser}: it would wipe their
 * anonymous conversation.
 */
final class VisitorPlanner implements PagePlanner {

    private final PageState state;
    private final HttpServletRequest request;

    VisitorPlanner(PageState state, HttpServletRequest request) {
        this.state = state;
        this.request = request;
    }

    @Override
    public Injection plan(HttpServletResponse response) {
        WidgetRuntime runtime = state.runtime();
        if (request.getAttribute(ZendeskWidgetFilter.SKIP_ATTRIBUTE) != null) {
            // The application may opt out while rendering, up to its first byte.
            return Injection.nothing("skipped by the application");
        }
        try {
            Identity identity = state.identity();
            if (identity.failed()) {
                return Injection.nothing("error, see the log");
            }
            Brand brand = state.brand();
            MarkerCookie marker = brand.markerCookie;
            String previous = marker.read(request);
            String nonce = CspNonce.find(request, response, runtime.settings().cspNonceAttribute());
            WidgetUser user = identity.user();
            if (user != null) {
                // One MAC for the usual page view (the marker is this visitor's, with the active key);
                // a marker of a key that is no longer active is renewed while that key still counts.
                boolean current = previous != null && marker.isCurrent(previous, user.externalId());
                if (current) {
                    // Nothing to record in the browser: the token is minted when the block is
                    // written, so that a page's first byte does not wait for it (a large page
                    // streams long before its </body>). A failed mint then leaves the page as it is.
                    if (brand.tokens.brokenBecause() != null) {
                        return Injection.nothing("error, see the log");
                    }
                    return Planned.login(brand.markup, state::token, false, nonce,
                            runtime.after(request, brand, nonce, user, false));
                }
                // Minted before the marker is set: a failed mint leaves the browser's record as it was.
                String token = state.token();
                if (token == null) {
                    return Injection.nothing("error, see the log");
                }
                boolean sameVisitor = previous != null && marker.isFor(previous, user.externalId());
                marker.set(request, response, user.externalId());
                boolean logoutFirst = previous != null && !sameVisitor;
                return Planned.login(brand.markup, () -> token, logoutFirst, nonce,
                        runtime.after(request, brand, nonce, user, false));
            }
            if (previous != null) {
                // The marker stays until the sign-out script reports back through the token
                // endpoint: cleared here, a page that never ran the script (no </body>, a
                // redirect after the first byte) would lose the sign-out for good.
                return Planned.logout(brand.markup, nonce, runtime.after(request, brand, nonce, null, true));
            }
            if (runtime.settings().anonymous()) {
                return Planned.anonymous(brand.markup, nonce, runtime.after(request, brand, nonce, null, false));
            }
            return Injection.nothing("anonymous visitors get no widget");
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            runtime.log().log(Level.SEVERE, "plan", "Zendesk widget: could not prepare the page for "
                    + request.getRequestURI() + "; it is served untouched: " + e.getClass().getName(), e);
            return Injection.nothing("error, see the log");
        }
    }
}
