package dev.zwidget.internal.sso;

import dev.zwidget.WidgetUser;
import dev.zwidget.internal.config.FilterSettings;
import dev.zwidget.internal.config.SsoSettings;
import dev.zwidget.internal.web.CspNonce;
import dev.zwidget.internal.web.Identity;
import dev.zwidget.internal.web.OnceLog;
import dev.zwidget.internal.user.UserObjects;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * Help Center JWT single sign-on, at the two URLs an admin enters in Admin Center:
 *
 * <ul>
 *   <li>{@code GET {context}{ssoPath}}, the <em>remote login URL</em>: a signed-in visitor gets a
 *       {@code no-store} page that POSTs their SSO token to Zendesk's {@code /access/jwt}; a
 *       visitor who is not signed in is sent to {@code loginPath} (with a parameter that brings
 *       them back here), or gets a 401 page when there is none.</li>
 *   <li>{@code GET {context}{ssoPath}/logout}, the <em>remote logout URL</em>: Zendesk sends the
 *       visitor here after they signed out of the Help Center (or when it refused a token, with
 *       {@code kind=error}, which is logged); they are redirected to {@code ssoLogoutPath}.</li>
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class SsoEndpoint {

    private static final String UNAVAILABLE = SsoPage.message("Help Center sign-in unavailable",
            "Your account could not be looked up. Try again later.");

    private final SsoSettings settings;
    private final String contextPath;
    private final String logoutPath;
    private final ZendeskTarget target;
    private final SsoTokenMinter minter;
    private final ExtraClaims extra;
    private final OnceLog log;
    private final String cspNonceAttribute;
    private final String sessionAttribute;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param standInUrl the emulator's local {@code /access/jwt} (context path included), or
     *     {@code null} to post to Zendesk
     */
    public SsoEndpoint(SsoSettings settings, String contextPath, String standInUrl, FilterSettings filter,
            Clock clock, OnceLog log) {
        this.settings = settings;
        this.sessionAttribute = filter.sessionAttribute();
        this.contextPath = contextPath;
        this.logoutPath = settings.path() + "/logout";
        this.target = new ZendeskTarget(settings, standInUrl);
        this.minter = new SsoTokenMinter(settings.secret(), settings.role(), clock);
        this.extra = new ExtraClaims(settings);
        this.cspNonceAttribute = filter.cspNonceAttribute();
        this.log = log;
    }

    /** Whether {@code pathInContext} is the remote login or the remote logout URL. */
    public boolean handles(String pathInContext) {
        return settings.path().equals(pathInContext) || logoutPath.equals(pathInContext);
    }

    /**
     * Answers one of the two URLs.
     *
     * @param identify who the visitor is (the filter's own resolution, so SSO and widget agree)
     */
    public void serve(String pathInContext, HttpServletRequest request, HttpServletResponse response,
            Function<HttpServletRequest, Identity> identify) throws IOException {
        SsoResponses.secure(response);
        if (!"GET".equals(request.getMethod())) {
            // Not even HEAD: it would mint a token that no one receives.
            response.setHeader("Allow", "GET");
            SsoResponses.page(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    SsoPage.message("Method not allowed", "This address only answers GET."));
        } else if (logoutPath.equals(pathInContext)) {
            remoteLogout(request, response);
        } else {
            remoteLogin(request, response, identify.apply(request));
        }
    }

    private void remoteLogin(HttpServletRequest request, HttpServletResponse response, Identity identity)
            throws IOException {
        WidgetUser user = identity.user();
        if (identity.failed()) {
            SsoResponses.page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UNAVAILABLE);
        } else if (user == null) {
            notSignedIn(request, response);
        } else if (user.email() == null) {
            log.log(Level.WARNING, "sso-no-email", "Zendesk Help Center SSO: a signed-in visitor has no email"
                    + " address (check the email param), and Zendesk needs one: they cannot sign in to the"
                    + " Help Center", null);
            SsoResponses.page(response, HttpServletResponse.SC_FORBIDDEN, SsoPage.message(
                    "Help Center sign-in not possible", "Your account has no email address, which the Help"
                    + " Center needs to sign you in. Add one to your profile, then try again."));
        } else {
            String token;
            try {
                Map<String, Object> claims = extra.any() ? extra.read(UserObjects.of(request, sessionAttribute))
                        : Collections.<String, Object>emptyMap();
                token = minter.mint(user, user.name() != null ? user.name() : user.email(), claims);
            } catch (RuntimeException e) {
                // A claim path that does not fit the user's class, or a value java-jwt cannot
                // write: an operator's mistake, not the visitor's. Only the type is logged: a
                // message may quote claim values, which are personal data.
                log.log(Level.SEVERE, "sso-mint:" + e.getClass().getName(), "Zendesk Help Center SSO: no token"
                        + " could be made; visitors cannot sign in to the Help Center: " + e.getClass().getName(), e);
                SsoResponses.page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UNAVAILABLE);
                return;
            }
            String action = target.action(request.getParameter("return_to"), request.getParameter("brand_id"),
                    request.getParameter("locale_id"), request.getParameter("timestamp"));
            SsoResponses.page(response, HttpServletResponse.SC_OK, SsoPage.form(action, token, nonce(request, response)));
        }
    }

    /** Back here after signing in: the whole remote login URL, with Zendesk's parameters, as one value. */
    private void notSignedIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (settings.loginPath() == null) {
            SsoResponses.page(response, HttpServletResponse.SC_UNAUTHORIZED, SsoPage.message(
                    "Sign in first", "Sign in to this application first, then open the Help Center again."));
            return;
        }
        String query = request.getQueryString();
        String back = contextPath + settings.path() + (query == null ? "" : "?" + query);
        SsoResponses.redirect(response, contextPath + settings.loginPath() + "?" + settings.loginReturnParam()
                + "=" + ZendeskTarget.encode(back));
    }

    private void remoteLogout(HttpServletRequest request, HttpServletResponse response) {
        if ("error".equals(request.getParameter("kind"))) {
            // Zendesk sends a sign-in it refused here: the operator's only way to learn why.
            String message = String.valueOf(request.getParameter("message"));
            log.log(Level.WARNING, "sso-error", "Zendesk Help Center SSO: Zendesk refused a sign-in: "
                    + SsoResponses.printable(message), null);
        }
        SsoResponses.redirect(response, contextPath + settings.logoutPath());
    }

    /**
     * The page's CSP nonce: the application's, when it gave one; else, when no policy is set
     * yet, a fresh one under a strict policy of our own that allows only this script and a form
     * posting to Zendesk.
     */
    private String nonce(HttpServletRequest request, HttpServletResponse response) {
        String nonce = CspNonce.find(request, response, cspNonceAttribute);
        if (nonce != null || response.containsHeader("Content-Security-Policy")) {
            return nonce;
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        nonce = Base64.getEncoder().encodeToString(bytes);
        response.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce
                + "'; form-action " + target.formActionSource() + "; frame-ancestors 'none'; base-uri 'none'");
        return nonce;
    }

    @Override
    public String toString() {
        return "SsoEndpoint[" + settings.path() + ", " + target + "]";
    }
}
