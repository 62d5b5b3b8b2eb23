package dev.zwidget.internal.web;

import dev.zwidget.UserResolver;
import dev.zwidget.WidgetUser;
import dev.zwidget.internal.config.BrandSettings;
import dev.zwidget.internal.config.FilterSettings;
import dev.zwidget.internal.config.Secret;
import dev.zwidget.internal.config.SigningKey;
import dev.zwidget.internal.config.WidgetMode;
import dev.zwidget.internal.emulator.EmulatorEndpoint;
import dev.zwidget.internal.html.ClassicWidgetMarkup;
import dev.zwidget.internal.html.TabSyncScript;
import dev.zwidget.internal.html.WidgetMarkup;
import dev.zwidget.internal.html.WidgetScripts;
import dev.zwidget.internal.ops.FilterStats;
import dev.zwidget.internal.token.ChatTokenMinter;
import dev.zwidget.internal.token.MarkerCodec;
import dev.zwidget.internal.token.TokenMinter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What differs between the brands of one deployment, built once: the widget key (in the markup),
 * the signing keys (minting, the emulator's check and the marker cookie, whose name is the
 * brand's own so that a sign-out on one brand is not taken for another's), and how external ids
 * are made unique per brand. The filter's own settings are the brand with no name.
 */
final class Brand {

    final String name;
    final WidgetScripts markup;
    final MarkerCookie markerCookie;
    final TokenSource tokens;
    final EmulatorEndpoint emulator;
    final TabSyncScript tabSync;
    final UserResolver resolver;
    private final String externalIdPrefix;

    private Brand(String name, String widgetKey, List<SigningKey> keys, UserResolver resolver, String externalIdPrefix,
            FilterSettings settings, String contextPath, Clock clock, OnceLog log, FilterStats stats) {
        this.name = name;
        this.resolver = resolver;
        this.externalIdPrefix = externalIdPrefix;
        String tokenUrl = contextPath + settings.tokenPath();
        boolean classic = settings.mode() == WidgetMode.CLASSIC;
        // Classic mode has no key list: its one Chat secret signs and makes the markers.
        List<Secret> secrets = new ArrayList<>();
        if (keys.isEmpty()) {
            secrets.add(settings.secret());
        } else {
            keys.forEach(key -> secrets.add(key.secret()));
        }
        String cookie = name == null ? MarkerCookie.NAME : MarkerCookie.NAME + "_" + name;
        this.markerCookie = new MarkerCookie(new MarkerCodec(secrets), contextPath, cookie);
        this.emulator = settings.emulator()
                ? new EmulatorEndpoint(settings.tokenPath(), settings.mode(), settings.secret(), keys, clock) : null;
        WidgetMarkup messenger = new WidgetMarkup(widgetKey, tokenUrl, settings.emulator()
                ? EmulatorEndpoint.scriptUrl(contextPath, settings.tokenPath()) : WidgetMarkup.ZENDESK_SNIPPET_URL,
                settings.syncTabs());
        this.markup = classic ? new ClassicWidgetMarkup(messenger, tokenUrl) : messenger;
        this.tabSync = settings.syncTabs() ? new TabSyncScript(tokenUrl, cookie) : null;
        this.tokens = new TokenSource(() -> classic
                ? new ChatTokenMinter(settings.secret(), settings.tokenTtl(), clock)
                : new TokenMinter(keys.get(0).id(), keys.get(0).secret(), settings.tokenTtl(), clock), log, stats);
        tokens.checkAtStart();
    }

    /** The brand the filter's own params describe. */
    static Brand own(FilterSettings settings, UserResolver resolver, String contextPath, Clock clock, OnceLog log,
            FilterStats stats) {
        return new Brand(null, settings.widgetKey(), settings.signingKeys(), resolver, null, settings, contextPath,
                clock, log, stats);
    }

    /** A brand of {@code brands}; {@code resolver} already reads the brand's external id path, if it has one. */
    static Brand of(BrandSettings brand, UserResolver resolver, FilterSettings settings, String contextPath,
            Clock clock, OnceLog log, FilterStats stats) {
        return new Brand(brand.name(), brand.widgetKey(), brand.signingKeys(), resolver, brand.externalIdPrefix(),
                settings, contextPath, clock, log, stats);
    }

    /** The visitor as this brand knows them: the external id with the brand's prefix, if any. */
    WidgetUser branded(WidgetUser user) {
        if (user == null || externalIdPrefix == null) {
            return user;
        }
        WidgetUser prefixed = WidgetUser.of(externalIdPrefix + user.externalId()).withName(user.name());
        return user.email() == null ? prefixed : prefixed.withEmail(user.email(), user.emailVerified());
    }

    @Override
    public String toString() {
        return "Brand[" + (name == null ? "(default)" : name) + "]";
    }
}
