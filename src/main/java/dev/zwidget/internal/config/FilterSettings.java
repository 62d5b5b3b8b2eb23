package dev.zwidget.internal.config;

import dev.zwidget.UserResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The filter's validated configuration, built once by {@link SettingsParser}. Immutable, so
 * request threads can share it without locking.
 *
 * <p>When {@link #enabled()} is false nothing else was read or checked, and the key, key ID
 * and secret getters throw: a switched-off filter has nothing to sign with.
 */
public final class FilterSettings {

    private final boolean enabled;
    private final String widgetKey;
    private final String keyId;
    private final Secret secret;
    private final List<SigningKey> signingKeys;
    private final String sessionAttribute;
    private final String externalIdPath;
    private final String namePath;
    private final String emailPath;
    private final boolean emailVerifiedConstant;
    private final String emailVerifiedPath;
    private final UserResolver userResolver;
    private final boolean anonymous;
    private final Duration tokenTtl;
    private final PathPatterns excludePaths;
    private final String cspNonceAttribute;
    private final String tokenPath;
    private final boolean debugHeader;
    private final boolean emulator;
    private final WidgetMode mode;
    private final SsoSettings sso;
    private final WidgetSets widgetSets;
    private final boolean syncTabs;
    private final List<BrandSettings> brands;
    private final boolean unknownHostGetsDefault;
    private final List<String> warnings;

    private FilterSettings(Builder b) {
        if (b.enabled) {
            Objects.requireNonNull(b.widgetKey, "widgetKey");
            if (b.mode == WidgetMode.MESSENGER) {
                Objects.requireNonNull(b.keyId, "keyId");
            }
            Objects.requireNonNull(b.secret, "secret");
        }
        enabled = b.enabled;
        widgetKey = b.widgetKey;
        keyId = b.keyId;
        secret = b.secret;
        signingKeys = b.signingKeys == null ? Collections.<SigningKey>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(b.signingKeys));
        sessionAttribute = b.sessionAttribute;
        externalIdPath = b.externalIdPath;
        namePath = b.namePath;
        emailPath = b.emailPath;
        emailVerifiedConstant = b.emailVerifiedConstant;
        emailVerifiedPath = b.emailVerifiedPath;
        userResolver = b.userResolver;
        anonymous = b.anonymous;
        tokenTtl = Objects.requireNonNull(b.tokenTtl, "tokenTtl");
        excludePaths = Objects.requireNonNull(b.excludePaths, "excludePaths");
        cspNonceAttribute = b.cspNonceAttribute;
        tokenPath = Objects.requireNonNull(b.tokenPath, "tokenPath");
        debugHeader = b.debugHeader;
        emulator = b.emulator;
        mode = Objects.requireNonNull(b.mode, "mode");
        sso = b.sso;
        widgetSets = b.widgetSets;
        syncTabs = b.syncTabs;
        brands = Collections.unmodifiableList(new ArrayList<>(b.brands));
        unknownHostGetsDefault = b.unknownHostGetsDefault;
        warnings = Collections.unmodifiableList(new ArrayList<>(b.warnings));
    }

    /** Whether the filter does anything at all. */
    public boolean enabled() {
        return enabled;
    }

    /** The widget key, safe to print into a script URL. */
    public String widgetKey() {
        return whenEnabled(widgetKey);
    }

    /** The signing key's ID ({@code app_…}), safe to print into a JWT header; {@code null} in classic mode. */
    public String keyId() {
        return whenEnabled(keyId);
    }

    /** The signing secret; never log or print it. */
    public Secret secret() {
        return whenEnabled(secret);
    }

    /**
     * The messaging signing keys, the active one (whose ID and secret {@link #keyId()} and
     * {@link #secret()} give) first; several while a key is rotated. Empty in classic mode.
     */
    public List<SigningKey> signingKeys() {
        return whenEnabled(signingKeys);
    }

    /** The session attribute holding the user object, or {@code null}. */
    public String sessionAttribute() {
        return sessionAttribute;
    }

    /** Property path of the external id on the user object, or {@code null}. */
    public String externalIdPath() {
        return externalIdPath;
    }

    /** Property path of the display name, or {@code null}. */
    public String namePath() {
        return namePath;
    }

    /** Property path of the email address, or {@code null}. */
    public String emailPath() {
        return emailPath;
    }

    /** The fixed email-verified flag; ignored when {@link #emailVerifiedPath()} is set. */
    public boolean emailVerifiedConstant() {
        return emailVerifiedConstant;
    }

    /** Property path of the email-verified flag, or {@code null}; when set it wins. */
    public String emailVerifiedPath() {
        return emailVerifiedPath;
    }

    /** The application's own resolver, or {@code null} to use the built-in lookups. */
    public UserResolver userResolver() {
        return userResolver;
    }

    /** Whether anonymous visitors get the widget. */
    public boolean anonymous() {
        return anonymous;
    }

    /** Lifetime of each minted token, between one second and 24 hours, in whole seconds. */
    public Duration tokenTtl() {
        return tokenTtl;
    }

    /** Paths the filter leaves alone. */
    public PathPatterns excludePaths() {
        return excludePaths;
    }

    /** The request attribute holding the CSP nonce, or {@code null}. */
    public String cspNonceAttribute() {
        return cspNonceAttribute;
    }

    /** The token endpoint's path inside the web application. */
    public String tokenPath() {
        return tokenPath;
    }

    /** Whether to add the diagnostic response header. */
    public boolean debugHeader() {
        return debugHeader;
    }

    /** Whether the offline widget emulator stands in for Zendesk's snippet. */
    public boolean emulator() {
        return emulator;
    }

    /** Which Zendesk widget the pages talk to. */
    public WidgetMode mode() {
        return mode;
    }

    /** The Help Center SSO settings, or {@code null} when {@code ssoSecret} is not set. */
    public SsoSettings sso() {
        return sso;
    }

    /** What pages tell the messaging widget besides the sign-in; {@code none()} when nothing. */
    public WidgetSets widgetSets() {
        return widgetSets;
    }

    /** Whether sign-out and sign-in reach the widget in the site's other open tabs. */
    public boolean syncTabs() {
        return syncTabs;
    }

    /** The brands besides the filter's own settings, selected by request host; empty for one brand. */
    public List<BrandSettings> brands() {
        return brands;
    }

    /** Whether a host that no brand names gets the filter's own widget (else none). */
    public boolean unknownHostGetsDefault() {
        return unknownHostGetsDefault;
    }

    /** Things worth logging that did not stop the filter, such as unknown init-params. */
    public List<String> warnings() {
        return warnings;
    }

    private <T> T whenEnabled(T value) {
        if (!enabled) {
            throw new IllegalStateException("the filter is disabled (enabled=false); it has no key settings");
        }
        return value;
    }

    /** Every setting except the secret, which is shown only as redacted. */
    @Override
    public String toString() {
        if (!enabled) {
            return "FilterSettings[enabled=false]";
        }
        return "FilterSettings[widgetKey=" + widgetKey + ", keyId=" + keyId
                + (signingKeys.size() > 1 ? ", keys=" + signingKeys : "") + ", secret=" + secret
                + ", sessionAttribute=" + sessionAttribute + ", externalId=" + externalIdPath
                + ", name=" + namePath + ", email=" + emailPath + ", emailVerified="
                + (emailVerifiedPath != null ? emailVerifiedPath : String.valueOf(emailVerifiedConstant))
                + ", userResolver=" + (userResolver == null ? null : userResolver.getClass().getName())
                + ", anonymous=" + anonymous + ", tokenTtl=" + tokenTtl + ", excludePaths=" + excludePaths
                + ", cspNonceAttribute=" + cspNonceAttribute + ", tokenPath=" + tokenPath
                + ", debugHeader=" + debugHeader + ", emulator=" + emulator + ", mode=" + mode.paramValue()
                + ", sso=" + sso + (widgetSets.none() ? "" : ", " + widgetSets)
                + (syncTabs ? ", syncTabs=true" : "") + (brands.isEmpty() ? "" : ", brands=" + brands
                + (unknownHostGetsDefault ? "" : ", unknownHost=none")) + "]";
    }

    /**
     * Mutable staging area for the parser. Package-private so that only the parser, after
     * validating every value, can produce settings. Starts out with the defaults.
     */
    static final class Builder {
        boolean enabled = InitParams.DEFAULT_ENABLED;
        String widgetKey;
        String keyId;
        Secret secret;
        List<SigningKey> signingKeys;
        String sessionAttribute;
        String externalIdPath;
        String namePath;
        String emailPath;
        boolean emailVerifiedConstant = InitParams.DEFAULT_EMAIL_VERIFIED;
        String emailVerifiedPath;
        UserResolver userResolver;
        boolean anonymous = InitParams.DEFAULT_ANONYMOUS;
        Duration tokenTtl = InitParams.DEFAULT_TOKEN_TTL;
        PathPatterns excludePaths = PathPatterns.none();
        String cspNonceAttribute;
        String tokenPath = InitParams.DEFAULT_TOKEN_PATH;
        boolean debugHeader = InitParams.DEFAULT_DEBUG_HEADER;
        boolean emulator = InitParams.DEFAULT_EMULATOR;
        WidgetMode mode = WidgetMode.fromParam(InitParams.DEFAULT_MODE);
        SsoSettings sso;
        WidgetSets widgetSets = new WidgetSets(java.util.Collections.<String, String>emptyMap(), null, false,
                null, null, null);
        boolean syncTabs = InitParams.DEFAULT_SYNC_TABS;
        List<BrandSettings> brands = Collections.emptyList();
        boolean unknownHostGetsDefault = true;
        List<String> warnings = Collections.emptyList();

        FilterSettings build() {
            return new FilterSettings(this);
        }
    }
}
