package dev.zwidget.internal.emulator;

import dev.zwidget.internal.config.Secret;
import dev.zwidget.internal.sso.SsoPage;
import dev.zwidget.internal.sso.SsoResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;

/**
 * The offline stand-in for Zendesk's {@code /access/jwt}, served at {@code {ssoPath}/access/jwt}
 * when {@code emulator=true}: it takes the form the SSO page posts, checks the token with
 * {@link SsoTokenCheck} and shows who would be signed in to the Help Center and where Zendesk
 * would send them, so the demo shows the whole round trip without an account. For demos and
 * tests only.
 */
public final class SsoStandIn {

    private final String path;
    private final String homeUrl;
    private final SsoTokenCheck check;

    /**
     * @param ssoPath the validated SSO path; the stand-in is {@code {ssoPath}/access/jwt}
     * @param contextPath for the page's link back to the application
     */
    public SsoStandIn(String ssoPath, String contextPath, Secret ssoSecret, Clock clock) {
        this.path = ssoPath + "/access/jwt";
        this.homeUrl = contextPath + "/";
        this.check = new SsoTokenCheck(ssoSecret, clock);
    }

    /** The stand-in's path inside the web application. */
    public String path() {
        return path;
    }

    public boolean handles(String pathInContext) {
        return path.equals(pathInContext);
    }

    /** Answers the form POST as Zendesk would, but with a page that says what happened and why. */
    public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SsoResponses.secure(response);
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            SsoResponses.page(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, SsoPage.document(
                    "Method not allowed", "<p>Zendesk takes the token as a form POST only.</p>"));
            return;
        }
        String token = request.getParameter("jwt");
        EmulatorVerdict verdict = check.check(token);
        String returnTo = request.getParameter("return_to");
        String result = verdict.ok()
                ? "Signed in to the Help Center as " + verdict.name() + " (" + verdict.email() + ")"
                        + (verdict.externalId() == null ? "" : " \u2014 external_id " + verdict.externalId()) + " \u2713"
                : "Sign-in rejected: " + verdict.reason();
        String next = returnTo == null ? "No return_to: Zendesk would open the Help Center's home page."
                : "Zendesk would now open " + returnTo;
        String body = "<p id=\"zw-sso-result\" data-state=\"" + (verdict.ok() ? "signedIn" : "rejected") + "\">"
                + SsoPage.escape(result) + "</p>"
                + "<p id=\"zw-sso-return-to\" data-url=\"" + SsoPage.escape(returnTo == null ? "" : returnTo) + "\">"
                + SsoPage.escape(next) + "</p>"
                + "<p><a href=\"" + SsoPage.escape(homeUrl) + "\">Back to the application</a></p>";
        SsoResponses.page(response, verdict.ok() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_UNAUTHORIZED,
                SsoPage.document("Help Center \u2014 offline stand-in for Zendesk", body));
    }

    @Override
    public String toString() {
        return "SsoStandIn[" + path + "]";
    }
}
