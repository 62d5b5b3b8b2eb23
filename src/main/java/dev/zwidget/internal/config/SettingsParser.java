package dev.zwidget.internal.config;

import java.util.Collections;
import static dev.zwidget.internal.config.InitParams.ANONYMOUS;
import static dev.zwidget.internal.config.InitParams.CSP_NONCE_ATTRIBUTE;
import static dev.zwidget.internal.config.InitParams.DEBUG_HEADER;
import static dev.zwidget.internal.config.InitParams.EMAIL;
import static dev.zwidget.internal.config.InitParams.EMAIL_VERIFIED;
import static dev.zwidget.internal.config.InitParams.EMULATOR;
import static dev.zwidget.internal.config.InitParams.ENABLED;
import static dev.zwidget.internal.config.InitParams.EXCLUDE_PATHS;
import static dev.zwidget.internal.config.InitParams.EXTERNAL_ID;
import static dev.zwidget.internal.config.InitParams.KEY_ID;
import static dev.zwidget.internal.config.InitParams.MODE;
import static dev.zwidget.internal.config.InitParams.NAME;
import static dev.zwidget.internal.config.InitParams.SECRET;
import static dev.zwidget.internal.config.InitParams.SESSION_ATTRIBUTE;
import static dev.zwidget.internal.config.InitParams.SSO_PATH;
import static dev.zwidget.internal.config.InitParams.SSO_SECRET;
import static dev.zwidget.internal.config.InitParams.TOKEN_PATH;
import static dev.zwidget.internal.config.InitParams.TOKEN_TTL;
import static dev.zwidget.internal.config.InitParams.USER_RESOLVER;
import static dev.zwidget.internal.config.InitParams.WIDGET_KEY;

import dev.zwidget.internal.compat.Java8;
import jakarta.servlet.ServletException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the filter's init-params once, at start-up, into {@link FilterSettings}. Every param is
 * checked and every problem is reported in one exception, so a broken deployment is fixed in
 * one round rather than one redeploy per mistake.
 */
public final class SettingsParser {

    // The widget key is printed into a script URL and the key ID (KeysParser) into the JWT header,
    // so both are held to the characters Zendesk uses: nothing that could break out of HTML or JSON.
    private static final Pattern WIDGET_KEY_SYNTAX = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    static final Pattern PROPERTY_PATH =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final Pattern TOKEN_PATH_SYNTAX = Pattern.compile("/[A-Za-z0-9._~/-]*");
    private static final Pattern WHOLE_SECONDS = Pattern.compile("[+-]?[0-9]+");

    private static final String WIDGET_KEY_HINT = "the key= of the Zendesk snippet URL";
    private static final String KEY_ID_HINT = "the key ID shown in Admin Center";
    private static final String SECRET_HINT = "the signing key's secret, best as ${env:NAME} or file:/path";

    private SettingsParser() {
    }

    /**
     * Validated settings from the filter's init-params.
     *
     * @param filterName the filter's name in web.xml, for the error message
     * @param rawParams the init-params as configured; unknown names only produce warnings
     * @param values how {@code ${env:}}, {@code ${sys:}} and {@code file:} values are expanded
     * @param fallbackLoader loads {@code userResolver} when the context class loader cannot
     * @throws ServletException listing every problem; never contains the secret
     */
    public static FilterSettings parse(String filterName, Map<String, String> rawParams, ParamValues values,
            ClassLoader fallbackLoader) throws ServletException {
        Map<String, String> raw = new HashMap<>(rawParams == null ? Collections.<String, String>emptyMap() : rawParams);
        raw.remove(null);
        ParamReader in = new ParamReader(raw, Objects.requireNonNull(values, "values"));
        FilterSettings.Builder b = new FilterSettings.Builder();
        b.warnings = unknownParamWarnings(raw);
        // Before any value is quoted in a message: a secret pasted into another param (here, even
        // into `enabled`) must already be known, or a shortened quote of it would slip through.
        KeysParser.hideEarly(in, values, "");
        hideSecretEarly(in, raw.get(SSO_SECRET), values);
        BrandsParser.hideEarly(in, values);
        b.enabled = bool(in, ENABLED, b.enabled);
        if (!b.enabled) {
            // Switching the filter off must work without a key, and even while the variables
            // or files the other params point at are missing, so nothing else is read.
            return b.build();
        }
        readMode(in, b);
        readKeys(in, b);
        readIdentity(in, b, fallbackLoader);
        readBehaviour(in, b);
        b.sso = SsoParamsParser.read(in, b.userResolver != null);
        b.widgetSets = WidgetSetsParser.read(in, b.mode, b.userResolver != null);
        b.syncTabs = bool(in, InitParams.SYNC_TABS, b.syncTabs);
        b.brands = BrandsParser.read(in, b);
        if (b.sso != null && b.sso.path().equals(b.tokenPath)) {
            in.problem(SSO_PATH, SSO_PATH + " must differ from " + TOKEN_PATH + " (both are " + b.tokenPath + ")");
        }
        in.failIfProblems(filterName);
        b.warnings = modeWarnings(b, raw.get(KEY_ID));
        return b.build();
    }

    private static void hideSecretEarly(ParamReader in, String rawSecret, ParamValues values) {
        try {
            String secret = values.expand(SSO_SECRET, rawSecret); // the name only labels a failure, ignored here
            if (secret != null) {
                in.hide(secret);
            }
        } catch (ConfigProblem reportedLater) {
            // readKeys reports it, when the filter is enabled.
        }
    }

    private static void readMode(ParamReader in, FilterSettings.Builder b) {
        String mode = in.optional(MODE);
        if (mode == null) {
            return;
        }
        WidgetMode parsed = WidgetMode.fromParam(mode);
        if (parsed == null) {
            in.invalid(MODE, mode, "must be messenger (the messaging Web Widget) or classic (the Classic"
                    + " Web Widget with Chat)");
        } else {
            b.mode = parsed;
        }
    }

    /** Classic mode ignores keyId and caps the lifetime: said once at start rather than silently. */
    private static List<String> modeWarnings(FilterSettings.Builder b, String rawKeyId) {
        List<String> warnings = new ArrayList<>(b.warnings);
        if (b.mode == WidgetMode.CLASSIC && rawKeyId != null && !Java8.isBlank(rawKeyId)) {
            warnings.add(KEY_ID + " is ignored in classic mode: Chat JWTs carry no kid, and " + SECRET
                    + " must be the Chat shared secret");
        }
        if (b.mode == WidgetMode.CLASSIC && b.tokenTtl.compareTo(InitParams.MAX_CHAT_TOKEN_TTL) > 0) {
            warnings.add(TOKEN_TTL + " " + b.tokenTtl + " is longer than Chat tokens may live: they expire "
                    + InitParams.MAX_CHAT_TOKEN_TTL + " after they are issued");
        }
        return warnings;
    }

    private static void readKeys(ParamReader in, FilterSettings.Builder b) {
        if (KeysParser.configured(in)) {
            b.signingKeys = KeysParser.read(in, b.mode);
            if (b.signingKeys != null) {
                b.keyId = b.signingKeys.get(0).id();
                b.secret = b.signingKeys.get(0).secret();
            }
            b.widgetKey = widgetKey(in, WIDGET_KEY);
            return;
        }
        KeysParser.rejectActiveKeyAlone(in);
        // The secret first, so that later checks already know what to keep out of messages.
        String secret = in.required(SECRET, SECRET_HINT);
        if (secret != null) {
            in.hide(secret);
            b.secret = Secret.of(secret);
        }
        b.widgetKey = widgetKey(in, WIDGET_KEY);
        if (b.mode == WidgetMode.CLASSIC) {
            return; // Chat JWTs carry no kid: keyId is not needed (a warning says it is ignored)
        }
        b.keyId = matching(in, in.required(KEY_ID, KEY_ID_HINT), KEY_ID, KeysParser.KEY_ID_SYNTAX,
                "must look like app_… (" + KEY_ID_HINT + ")");
        if (b.keyId != null && b.secret != null) {
            b.signingKeys = Collections.singletonList(new SigningKey(b.keyId, b.secret));
        }
    }

    static String widgetKey(ParamReader in, String name) {
        return matching(in, in.required(name, WIDGET_KEY_HINT), name, WIDGET_KEY_SYNTAX,
                "must be 1 to 128 letters, digits, '-' or '_' (" + WIDGET_KEY_HINT + ")");
    }

    private static void readIdentity(ParamReader in, FilterSettings.Builder b, ClassLoader fallbackLoader) {
        b.sessionAttribute = in.optional(SESSION_ATTRIBUTE);
        b.externalIdPath = propertyPath(in, EXTERNAL_ID);
        b.namePath = propertyPath(in, NAME);
        b.emailPath = propertyPath(in, EMAIL);
        String verified = in.optional(EMAIL_VERIFIED);
        if (verified != null) {
            if ("true".equalsIgnoreCase(verified) || "false".equalsIgnoreCase(verified)) {
                b.emailVerifiedConstant = Boolean.parseBoolean(verified);
            } else if (PROPERTY_PATH.matcher(verified).matches()) {
                b.emailVerifiedPath = verified;
            } else {
                in.invalid(EMAIL_VERIFIED, verified, "must be true, false or a property path such as"
                        + " verified or profile.emailVerified");
            }
        }
        String resolverClass = in.optional(USER_RESOLVER);
        if (resolverClass == null) {
            return;
        }
        List<String> ignored = new ArrayList<>();
        addIfSet(ignored, SESSION_ATTRIBUTE, b.sessionAttribute);
        addIfSet(ignored, EXTERNAL_ID, b.externalIdPath);
        addIfSet(ignored, NAME, b.namePath);
        addIfSet(ignored, EMAIL, b.emailPath);
        addIfSet(ignored, EMAIL_VERIFIED, b.emailVerifiedPath);
        if (!ignored.isEmpty()) {
            in.problem(USER_RESOLVER, USER_RESOLVER + " cannot be combined with " + String.join(", ", ignored)
                    + ": the resolver alone decides who is signed in, so they would be ignored");
        }
        try {
            b.userResolver = ResolverLoader.create(resolverClass, fallbackLoader);
        } catch (ConfigProblem e) {
            in.problem(USER_RESOLVER, e.getMessage());
        }
    }

    private static void readBehaviour(ParamReader in, FilterSettings.Builder b) {
        b.anonymous = bool(in, ANONYMOUS, b.anonymous);
        b.debugHeader = bool(in, DEBUG_HEADER, b.debugHeader);
        b.emulator = bool(in, EMULATOR, b.emulator);
        b.cspNonceAttribute = in.optional(CSP_NONCE_ATTRIBUTE);
        String ttl = in.optional(TOKEN_TTL);
        if (ttl != null) {
            Duration parsed = tokenTtl(in, ttl);
            b.tokenTtl = parsed != null ? parsed : b.tokenTtl;
        }
        String excludes = in.optional(EXCLUDE_PATHS);
        if (excludes != null) {
            try {
                b.excludePaths = PathPatterns.parse(excludes);
            } catch (IllegalArgumentException e) {
                in.problem(EXCLUDE_PATHS, EXCLUDE_PATHS + ": " + e.getMessage());
            }
        }
        String tokenPath = in.optional(TOKEN_PATH);
        if (tokenPath != null) {
            b.tokenPath = checkPath(in, TOKEN_PATH, tokenPath, false) ? tokenPath : b.tokenPath;
        }
    }

    private static boolean bool(ParamReader in, String name, boolean defaultValue) {
        String value = in.optional(name);
        if (value == null) {
            return defaultValue;
        }
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        in.invalid(name, value, "must be true or false");
        return defaultValue;
    }

    static String matching(ParamReader in, String value, String name, Pattern syntax, String reason) {
        if (value != null && !syntax.matcher(value).matches()) {
            in.invalid(name, value, reason);
            return null;
        }
        return value;
    }

    static String propertyPath(ParamReader in, String name) {
        return matching(in, in.optional(name), name, PROPERTY_PATH,
                "must be a property path such as id or profile.email");
    }

    private static Duration tokenTtl(ParamReader in, String value) {
        Duration ttl;
        if (WHOLE_SECONDS.matcher(value).matches()) {
            try {
                ttl = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                ttl = InitParams.MAX_TOKEN_TTL.plusSeconds(1); // too many digits for a long
            }
        } else {
            try {
                ttl = Duration.parse(value);
            } catch (DateTimeParseException e) {
                in.invalid(TOKEN_TTL, value, "must be whole seconds (300) or an ISO-8601 duration (PT5M)");
                return null;
            }
        }
        if (ttl.compareTo(InitParams.MIN_TOKEN_TTL) < 0 || ttl.compareTo(InitParams.MAX_TOKEN_TTL) > 0) {
            in.invalid(TOKEN_TTL, value, "must be between 1 second and 24 hours");
            return null;
        }
        if (ttl.getNano() != 0) {
            // JWT iat and exp are whole seconds; a fraction would be silently cut off.
            in.invalid(TOKEN_TTL, value, "must be a whole number of seconds");
            return null;
        }
        return ttl;
    }

    /** Checks a path inside the web application; {@code rootAllowed} lets "/" alone through. */
    static boolean checkPath(ParamReader in, String name, String path, boolean rootAllowed) {
        String reason = null;
        if (!TOKEN_PATH_SYNTAX.matcher(path).matches()) {
            reason = "must start with / and contain only letters, digits and . _ ~ - /";
        } else if (path.endsWith("/") && !(rootAllowed && path.equals("/"))) {
            reason = "must not end with /";
        } else if (path.contains("..") || path.contains("//")) {
            // Containers normalise such paths before the filter sees them, so the endpoint
            // would never be reached; ".." could also escape the intended directory.
            reason = "must not contain .. or //";
        }
        if (reason != null) {
            in.invalid(name, path, reason);
        }
        return reason == null;
    }

    private static List<String> unknownParamWarnings(Map<String, String> raw) {
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(raw.keySet())) {
            if (InitParams.ALL.contains(name) || name.startsWith(InitParams.CONVERSATION_FIELD_PREFIX)
                    || name.startsWith(InitParams.BRAND_PREFIX)) {
                continue;
            }
            warnings.add(InitParams.unknownParam(name, name, "", InitParams.ALL, "known"));
        }
        return warnings;
    }

    private static void addIfSet(List<String> names, String name, String value) {
        if (value != null) {
            names.add(name);
        }
    }
}
