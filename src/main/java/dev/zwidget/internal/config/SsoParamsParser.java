package dev.zwidget.internal.config;

import static dev.zwidget.internal.config.InitParams.HELP_CENTER_HOST;
import static dev.zwidget.internal.config.InitParams.LOGIN_PATH;
import static dev.zwidget.internal.config.InitParams.LOGIN_RETURN_PARAM;
import static dev.zwidget.internal.config.InitParams.SSO_LOCALE_ID;
import static dev.zwidget.internal.config.InitParams.SSO_LOGOUT_PATH;
import static dev.zwidget.internal.config.InitParams.SSO_ORGANIZATION;
import static dev.zwidget.internal.config.InitParams.SSO_PATH;
import static dev.zwidget.internal.config.InitParams.SSO_PHONE;
import static dev.zwidget.internal.config.InitParams.SSO_ROLE;
import static dev.zwidget.internal.config.InitParams.SSO_SECRET;
import static dev.zwidget.internal.config.InitParams.SSO_TAGS;
import static dev.zwidget.internal.config.InitParams.SSO_USER_FIELDS;
import static dev.zwidget.internal.config.InitParams.USER_RESOLVER;
import static dev.zwidget.internal.config.InitParams.ZENDESK_SUBDOMAIN;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the Help Center SSO init-params, reporting into the same {@link ParamReader} as the rest
 * of the configuration so that one start-up error lists every problem.
 */
final class SsoParamsParser {

    // Printed into a form action URL and compared with return_to: letters, digits and '-' only.
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern HOST = Pattern.compile(LABEL + "(?:\\." + LABEL + ")+");
    private static final Pattern QUERY_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** The roles Zendesk's JWT SSO takes; only ever from configuration, never from the visitor. */
    static final java.util.List<String> ROLES = Arrays.asList("user", "agent", "admin");

    private SsoParamsParser() {
    }

    /** The SSO settings, or {@code null} when {@code ssoSecret} is not set (SSO off). */
    static SsoSettings read(ParamReader in, boolean hasUserResolver) {
        String secret = in.optional(SSO_SECRET);
        if (secret == null) {
            return null;
        }
        in.hide(secret);
        SsoSettings.Builder b = new SsoSettings.Builder();
        b.secret = Secret.of(secret);
        b.subdomain = lowerCase(in.optional(ZENDESK_SUBDOMAIN));
        if (b.subdomain != null && !SUBDOMAIN.matcher(b.subdomain).matches()) {
            in.invalid(ZENDESK_SUBDOMAIN, b.subdomain, "must be the account's subdomain alone, such as acme for"
                    + " acme.zendesk.com");
        }
        b.helpCenterHost = lowerCase(in.optional(HELP_CENTER_HOST));
        if (b.helpCenterHost != null && !HOST.matcher(b.helpCenterHost).matches()) {
            in.invalid(HELP_CENTER_HOST, b.helpCenterHost, "must be a host name such as help.acme.com"
                    + " (no scheme, port or path)");
        }
        if (b.subdomain == null && b.helpCenterHost == null) {
            in.problem(ZENDESK_SUBDOMAIN, SSO_SECRET + " is set, so " + ZENDESK_SUBDOMAIN + " (or "
                    + HELP_CENTER_HOST + " for a host-mapped Help Center) is required: the token is posted there");
        }
        b.path = path(in, SSO_PATH, b.path, false);
        b.loginPath = path(in, LOGIN_PATH, null, true);
        b.logoutPath = path(in, SSO_LOGOUT_PATH, b.logoutPath, true);
        String returnParam = in.optional(LOGIN_RETURN_PARAM);
        if (returnParam != null) {
            b.loginReturnParam = SettingsParser.matching(in, returnParam, LOGIN_RETURN_PARAM, QUERY_NAME,
                    "must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        String role = in.optional(SSO_ROLE);
        if (role != null && !ROLES.contains(role)) {
            in.invalid(SSO_ROLE, role, "must be one of " + String.join(", ", ROLES));
        } else {
            b.role = role;
        }
        b.organizationPath = SettingsParser.propertyPath(in, SSO_ORGANIZATION);
        b.tagsPath = SettingsParser.propertyPath(in, SSO_TAGS);
        b.phonePath = SettingsParser.propertyPath(in, SSO_PHONE);
        b.localeIdPath = SettingsParser.propertyPath(in, SSO_LOCALE_ID);
        b.userFieldsPath = SettingsParser.propertyPath(in, SSO_USER_FIELDS);
        SsoSettings settings = new SsoSettings(b);
        if (hasUserResolver && settings.hasClaimPaths()) {
            // A UserResolver hands a WidgetUser, not the application's object: no path to read from.
            in.problem(USER_RESOLVER, USER_RESOLVER + " cannot be combined with the ssoOrganization, ssoTags,"
                    + " ssoPhone, ssoLocaleId or ssoUserFields paths: they are read from the session's user"
                    + " object or the principal");
        }
        return settings;
    }

    private static String path(ParamReader in, String name, String defaultValue, boolean rootAllowed) {
        String value = in.optional(name);
        if (value == null) {
            return defaultValue;
        }
        return SettingsParser.checkPath(in, name, value, rootAllowed) ? value : defaultValue;
    }

    private static String lowerCase(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
