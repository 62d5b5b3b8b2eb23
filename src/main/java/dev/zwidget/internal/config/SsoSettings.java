package dev.zwidget.internal.config;

import java.util.Objects;

/**
 * The validated Help Center JWT single sign-on settings, present only when {@code ssoSecret} is
 * set. Immutable. The secret is the SSO configuration's own shared secret from Admin Center,
 * never the widget's, and {@link #toString()} does not show it.
 */
public final class SsoSettings {

    private final Secret secret;
    private final String path;
    private final String subdomain;
    private final String helpCenterHost;
    private final String loginPath;
    private final String loginReturnParam;
    private final String logoutPath;
    private final String role;
    private final String organizationPath;
    private final String tagsPath;
    private final String phonePath;
    private final String localeIdPath;
    private final String userFieldsPath;

    SsoSettings(Builder b) {
        secret = Objects.requireNonNull(b.secret, "ssoSecret");
        path = b.path;
        subdomain = b.subdomain;
        helpCenterHost = b.helpCenterHost;
        loginPath = b.loginPath;
        loginReturnParam = b.loginReturnParam;
        logoutPath = b.logoutPath;
        role = b.role;
        organizationPath = b.organizationPath;
        tagsPath = b.tagsPath;
        phonePath = b.phonePath;
        localeIdPath = b.localeIdPath;
        userFieldsPath = b.userFieldsPath;
    }

    /** The SSO shared secret; never log or print it. */
    public Secret secret() {
        return secret;
    }

    /** The remote login URL's path inside the web application. */
    public String path() {
        return path;
    }

    /** The account's subdomain ({@code acme}), or {@code null} when only a host is configured. */
    public String subdomain() {
        return subdomain;
    }

    /** The host-mapped Help Center's host, or {@code null}. */
    public String helpCenterHost() {
        return helpCenterHost;
    }

    /** The application's sign-in page inside the web application, or {@code null}: then a 401 page. */
    public String loginPath() {
        return loginPath;
    }

    /** The query parameter that tells the sign-in page where to come back to. */
    public String loginReturnParam() {
        return loginReturnParam;
    }

    /** Where the remote logout URL sends the browser, inside the web application. */
    public String logoutPath() {
        return logoutPath;
    }

    /** The fixed {@code role} claim, or {@code null} to send none (Zendesk then keeps the user's role). */
    public String role() {
        return role;
    }

    public String organizationPath() {
        return organizationPath;
    }

    public String tagsPath() {
        return tagsPath;
    }

    public String phonePath() {
        return phonePath;
    }

    public String localeIdPath() {
        return localeIdPath;
    }

    public String userFieldsPath() {
        return userFieldsPath;
    }

    /** Whether any optional claim is read from the user object. */
    public boolean hasClaimPaths() {
        return organizationPath != null || tagsPath != null || phonePath != null || localeIdPath != null
                || userFieldsPath != null;
    }

    @Override
    public String toString() {
        return "SsoSettings[secret=" + secret + ", path=" + path + ", subdomain=" + subdomain
                + ", helpCenterHost=" + helpCenterHost + ", loginPath=" + loginPath + ", loginReturnParam="
                + loginReturnParam + ", logoutPath=" + logoutPath + ", role=" + role + ", organization="
                + organizationPath + ", tags=" + tagsPath + ", phone=" + phonePath + ", localeId=" + localeIdPath
                + ", userFields=" + userFieldsPath + "]";
    }

    /** Staging area for {@link SsoParamsParser}, holding the defaults. */
    static final class Builder {
        Secret secret;
        String path = InitParams.DEFAULT_SSO_PATH;
        String subdomain;
        String helpCenterHost;
        String loginPath;
        String loginReturnParam = InitParams.DEFAULT_LOGIN_RETURN_PARAM;
        String logoutPath = InitParams.DEFAULT_SSO_LOGOUT_PATH;
        String role;
        String organizationPath;
        String tagsPath;
        String phonePath;
        String localeIdPath;
        String userFieldsPath;
    }
}
