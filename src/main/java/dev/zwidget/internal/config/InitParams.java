package dev.zwidget.internal.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The names of the filter's init-params and their defaults. The names are public contract
 * (they appear in every deployment's web.xml), so they must never be renamed; each default
 * is defined here and nowhere else.
 */
public final class InitParams {

    /** Required: the Zendesk web widget key, the {@code key=} of the snippet URL. */
    public static final String WIDGET_KEY = "widgetKey";
    /** Required: the ID of the messaging signing key ({@code app_…}), from Admin Center. */
    public static final String KEY_ID = "keyId";
    /** Required: the signing key's shared secret; best given as {@code ${env:…}} or {@code file:}. */
    public static final String SECRET = "secret";
    /** Session attribute that holds the signed-in user object. */
    public static final String SESSION_ATTRIBUTE = "sessionAttribute";
    /** Property path, on the user object, of the stable external id. */
    public static final String EXTERNAL_ID = "externalId";
    /** Property path, on the user object, of the display name. */
    public static final String NAME = "name";
    /** Property path, on the user object, of the email address. */
    public static final String EMAIL = "email";
    /** {@code true}, {@code false} or a property path telling whether the email is verified. */
    public static final String EMAIL_VERIFIED = "emailVerified";
    /** Class name of a {@link dev.zwidget.UserResolver} that replaces the built-in lookups. */
    public static final String USER_RESOLVER = "userResolver";
    /** Whether anonymous visitors get the widget too (without a token). */
    public static final String ANONYMOUS = "anonymous";
    /** Lifetime of a minted JWT: whole seconds or an ISO-8601 duration. */
    public static final String TOKEN_TTL = "tokenTtl";
    /** Comma-separated servlet-style path patterns the filter leaves alone. */
    public static final String EXCLUDE_PATHS = "excludePaths";
    /** Request attribute holding the page's CSP nonce, added to the injected script tags. */
    public static final String CSP_NONCE_ATTRIBUTE = "cspNonceAttribute";
    /** Path, inside the web application, at which the widget fetches a fresh token. */
    public static final String TOKEN_PATH = "tokenPath";
    /** Whether to add a response header telling why the widget was or was not injected. */
    public static final String DEBUG_HEADER = "debugHeader";
    /** Set to {@code false} to switch the filter off without removing it from web.xml. */
    public static final String ENABLED = "enabled";
    /** {@code true} replaces Zendesk's snippet by an offline stand-in served by the filter (demos, tests). */
    public static final String EMULATOR = "emulator";
    /** {@code messenger} (the messaging Web Widget) or {@code classic} (the Classic Web Widget, Chat JWT). */
    public static final String MODE = "mode";
    /** The Help Center JWT SSO shared secret; setting it turns on the SSO endpoint. Same value syntax as secret. */
    public static final String SSO_SECRET = "ssoSecret";
    /** Path, inside the web application, of the SSO endpoint (the remote login URL). */
    public static final String SSO_PATH = "ssoPath";
    /** The account's subdomain: {@code acme} for acme.zendesk.com. */
    public static final String ZENDESK_SUBDOMAIN = "zendeskSubdomain";
    /** The Help Center's own host name when it is host-mapped ({@code help.acme.com}). */
    public static final String HELP_CENTER_HOST = "helpCenterHost";
    /** The application's sign-in page, where a visitor who is not signed in is sent by the SSO endpoint. */
    public static final String LOGIN_PATH = "loginPath";
    /** Name of the query parameter that carries, to {@link #LOGIN_PATH}, the URL to come back to. */
    public static final String LOGIN_RETURN_PARAM = "loginReturnParam";
    /** Path the remote logout URL ({@code {ssoPath}/logout}) redirects to. */
    public static final String SSO_LOGOUT_PATH = "ssoLogoutPath";
    /** Fixed Help Center role sent in every SSO token ({@code user}, {@code agent}, {@code admin}). */
    public static final String SSO_ROLE = "ssoRole";
    /** Property path of the SSO {@code organization} claim. */
    public static final String SSO_ORGANIZATION = "ssoOrganization";
    /** Property path of the SSO {@code tags} claim (a collection, an array or one string). */
    public static final String SSO_TAGS = "ssoTags";
    /** Property path of the SSO {@code phone} claim. */
    public static final String SSO_PHONE = "ssoPhone";
    /** Property path of the SSO {@code locale_id} claim (a number). */
    public static final String SSO_LOCALE_ID = "ssoLocaleId";
    /** Property path of the SSO {@code user_fields} claim (a map of field key to value). */
    public static final String SSO_USER_FIELDS = "ssoUserFields";

    /** Several signing keys for rotation: {@code app_new:${env:NEW}, app_old:${env:OLD}}; replaces keyId and secret. */
    public static final String KEYS = "keys";
    /** The key ID, among {@link #KEYS}, that signs new tokens; the first listed by default. */
    public static final String ACTIVE_KEY = "activeKey";
    /** Prefix of the params {@code conversationField.<fieldId>}, each a property path of a conversation field's value. */
    public static final String CONVERSATION_FIELD_PREFIX = "conversationField.";
    /** Property path of the conversation tags (a collection, an array or one string). */
    public static final String CONVERSATION_TAGS = "conversationTags";
    /** The widget's locale: {@code request} (the request's locale) or a property path on the user object. */
    public static final String WIDGET_LOCALE = "widgetLocale";
    /** Where the visitor's cookie consent is: {@code cookie:NAME} or {@code attribute:NAME}. */
    public static final String COOKIE_CONSENT = "cookieConsent";
    /** Whether a sign-out or sign-in in one tab reaches the widget in the site's other open tabs. */
    public static final String SYNC_TABS = "syncTabs";

    /** Comma-separated brand names; each brand is configured by {@code brand.<name>.*} params. */
    public static final String BRANDS = "brands";
    /** Prefix of a brand's params: {@code brand.<name>.hosts}, {@code .widgetKey}, {@code .keyId}… */
    public static final String BRAND_PREFIX = "brand.";
    /** What a host that no brand names gets: {@code default} (the filter's own keys) or {@code none}. */
    public static final String UNKNOWN_HOST = "unknownHost";

    /** Every known init-param name, in the order above (which is also the order of error reports). */
    public static final Set<String> ALL = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
            WIDGET_KEY, KEY_ID, SECRET, SESSION_ATTRIBUTE, EXTERNAL_ID, NAME, EMAIL, EMAIL_VERIFIED,
            USER_RESOLVER, ANONYMOUS, TOKEN_TTL, EXCLUDE_PATHS, CSP_NONCE_ATTRIBUTE, TOKEN_PATH,
            DEBUG_HEADER, ENABLED, EMULATOR, MODE, SSO_SECRET, SSO_PATH, ZENDESK_SUBDOMAIN, HELP_CENTER_HOST,
            LOGIN_PATH, LOGIN_RETURN_PARAM, SSO_LOGOUT_PATH, SSO_ROLE, SSO_ORGANIZATION, SSO_TAGS, SSO_PHONE,
            SSO_LOCALE_ID, SSO_USER_FIELDS, KEYS, ACTIVE_KEY, CONVERSATION_TAGS, WIDGET_LOCALE, COOKIE_CONSENT,
            SYNC_TABS, BRANDS, UNKNOWN_HOST)));

    /** Default of {@link #EMAIL_VERIFIED}: an address is only trusted when the app says so. */
    public static final boolean DEFAULT_EMAIL_VERIFIED = false;
    /** Default of {@link #ANONYMOUS}. */
    public static final boolean DEFAULT_ANONYMOUS = true;
    /** Default of {@link #TOKEN_TTL}: long enough for the widget to start, short if it leaks. */
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(5);
    /** Shortest allowed {@link #TOKEN_TTL}. */
    public static final Duration MIN_TOKEN_TTL = Duration.ofSeconds(1);
    /** Longest allowed {@link #TOKEN_TTL}: a leaked token must not stay usable for days. */
    public static final Duration MAX_TOKEN_TTL = Duration.ofHours(24);
    /** Default of {@link #TOKEN_PATH}. */
    public static final String DEFAULT_TOKEN_PATH = "/zendesk-widget/token";
    /** Default of {@link #DEBUG_HEADER}: the header reveals internals, so it is opt-in. */
    public static final boolean DEFAULT_DEBUG_HEADER = false;
    /** Default of {@link #ENABLED}. */
    public static final boolean DEFAULT_ENABLED = true;
    /** Default of {@link #EMULATOR}: production talks to the real Zendesk. */
    public static final boolean DEFAULT_EMULATOR = false;

    /** The most signing keys {@link #KEYS} may list: what a Zendesk account holds. */
    public static final int MAX_SIGNING_KEYS = 10;
    /** Default of {@link #SYNC_TABS}: off, so that existing pages keep their exact block. */
    public static final boolean DEFAULT_SYNC_TABS = false;

    /** Default of {@link #MODE}: the messaging Web Widget, what new accounts have. */
    public static final String DEFAULT_MODE = "messenger";
    /**
     * The longest a Classic Chat JWT may live, whatever {@link #TOKEN_TTL} says: Zendesk's
     * documentation has {@code exp} at most 10 minutes after {@code iat} (unconfirmed; kept).
     */
    public static final Duration MAX_CHAT_TOKEN_TTL = Duration.ofMinutes(10);
    /** Default of {@link #SSO_PATH}. */
    public static final String DEFAULT_SSO_PATH = "/zendesk-widget/sso";
    /** Default of {@link #LOGIN_RETURN_PARAM}. */
    public static final String DEFAULT_LOGIN_RETURN_PARAM = "next";
    /** Default of {@link #SSO_LOGOUT_PATH}: the application's root. */
    public static final String DEFAULT_SSO_LOGOUT_PATH = "/";

    private InitParams() {
    }

    /**
     * The warning for an init-param nobody reads: a guess when only the case of a known name
     * differs ({@code guessPrefix} + that name), then the names known there.
     */
    static String unknownParam(String param, String typed, String guessPrefix, Collection<String> known,
            String knownWhere) {
        String guess = "";
        for (String name : known) {
            if (name.equalsIgnoreCase(typed)) {
                guess = "did you mean '" + guessPrefix + name + "'? ";
            }
        }
        return "unknown init-param '" + param + "' is ignored (" + guess + knownWhere + ": "
                + String.join(", ", known) + ")";
    }
}
