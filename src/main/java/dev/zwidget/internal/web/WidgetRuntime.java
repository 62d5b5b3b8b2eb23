package dev.zwidget.internal.web;

import dev.zwidget.UserResolver;
import dev.zwidget.WidgetUser;
import dev.zwidget.ZendeskWidgetFilter;
import dev.zwidget.internal.config.BrandSettings;
import dev.zwidget.internal.config.FilterSettings;
import dev.zwidget.internal.html.Eligibility;
import dev.zwidget.internal.html.LargePages;
import dev.zwidget.internal.config.SsoSettings;
import dev.zwidget.internal.emulator.SsoStandIn;
import dev.zwidget.internal.sso.SsoEndpoint;
import dev.zwidget.internal.html.WidgetMarkup;
import dev.zwidget.internal.html.WidgetRequest;
import dev.zwidget.internal.html.WidgetResponse;
import dev.zwidget.internal.ops.FilterStats;
import dev.zwidget.internal.token.ExternalIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything one filter instance needs at request time, built once in {@code init()} from the
 * validated settings and immutable from then on (so it is shared by request threads freely).
 */
public final class WidgetRuntime {

    private static final Logger LOGGER = Logger.getLogger("dev.zwidget.ZendeskWidgetFilter");

    private final FilterSettings settings;
    private final FilterStats stats = new FilterStats();
    private final LargePages largePages = new LargePages();
    private final TokenEndpoint tokenEndpoint;
    private final OnceLog log;
    private final SsoEndpoint sso;
    private final SsoStandIn ssoStandIn;
    private final WidgetSetCalls setCalls;
    /** The filter's own brand: every host no brand names, unless unknownHost=none. */
    private final Brand own;
    /** The brands of {@code brands} by host name. */
    private final Map<String, Brand> byHost = new HashMap<>();

    public WidgetRuntime(FilterSettings settings, String contextPath, Clock clock) {
        this.settings = settings;
        UserResolver resolver = settings.userResolver() != null ? settings.userResolver()
                : BuiltInResolvers.of(settings, settings.externalIdPath());
        this.tokenEndpoint = new TokenEndpoint(stats);
        this.log = new OnceLog(LOGGER, clock);
        this.setCalls = new WidgetSetCalls(settings.widgetSets(), settings.sessionAttribute(), log);
        this.own = Brand.own(settings, resolver, contextPath, clock, log, stats);
        for (BrandSettings brand : settings.brands()) {
            UserResolver brandResolver = brand.externalIdPath() == null ? resolver
                    : BuiltInResolvers.of(settings, brand.externalIdPath());
            Brand built = Brand.of(brand, brandResolver, settings, contextPath, clock, log, stats);
            brand.hosts().forEach(host -> byHost.put(host, built));
        }
        SsoSettings ssoSettings = settings.sso();
        this.ssoStandIn = ssoSettings != null && settings.emulator()
                ? new SsoStandIn(ssoSettings.path(), contextPath, ssoSettings.secret(), clock) : null;
        this.sso = ssoSettings == null ? null : new SsoEndpoint(ssoSettings, contextPath,
                ssoStandIn == null ? null : contextPath + ssoStandIn.path(), settings, clock, log);
    }

    /**
     * The brand of this request by its host name (no port), or {@code null} when no brand
     * names the host and {@code unknownHost=none}. A visitor's browser sends the host it asked
     * for, so a page, its token and its emulator check always belong to the same brand.
     */
    Brand brandFor(HttpServletRequest request) {
        if (byHost.isEmpty()) {
            return own;
        }
        String host = request.getServerName();
        Brand brand = host == null ? null : byHost.get(host.toLowerCase(Locale.ROOT));
        return brand != null ? brand : settings.unknownHostGetsDefault() ? own : null;
    }

    /** Whether {@code pathInContext} is the token endpoint. */
    public boolean isTokenPath(String pathInContext) {
        return settings.tokenPath().equals(pathInContext);
    }

    /** Whether {@code pathInContext} is served by the offline emulator (only with emulator=true). */
    public boolean isEmulatorPath(String pathInContext) {
        return settings.emulator() && own.emulator.handles(pathInContext);
    }

    /** Answers a request for an emulator path; call only when {@link #isEmulatorPath} said yes. */
    public void serveEmulator(String pathInContext, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Brand brand = brandFor(request);
        if (brand == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        brand.emulator.serve(pathInContext, request, response);
    }

    /** Whether {@code pathInContext} is a Help Center SSO URL (or, in emulator mode, its stand-in). */
    public boolean isSsoPath(String pathInContext) {
        return sso != null && (sso.handles(pathInContext) || ssoStandIn != null && ssoStandIn.handles(pathInContext));
    }

    /** Answers a request for an SSO path; call only when {@link #isSsoPath} said yes. */
    public void serveSso(String pathInContext, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (ssoStandIn != null && ssoStandIn.handles(pathInContext)) {
            ssoStandIn.serve(request, response);
        } else {
            sso.serve(pathInContext, request, response, this::identifyForSso);
        }
    }

    public void serveToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Brand brand = brandFor(request);
        if (brand == null) {
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // A 401 tells the page script the session is over; the marker goes with it.
        Runnable signedOut = brand.markerCookie.read(request) == null ? () -> { }
                : () -> brand.markerCookie.clear(request, response);
        tokenEndpoint.serve(request, response, () -> identify(request, brand), brand.tokens::mint, signedOut);
    }

    /**
     * Why this request gets no widget, or {@code null} when its response may. Whether the
     * application opted it out ({@link ZendeskWidgetFilter#skip}) is asked after the request's
     * own reasons, before its brand: a request attribute is a lookup, and most requests are
     * turned away by their method or headers before.
     */
    public String whyNot(HttpServletRequest request, String pathInContext) {
        String why = Eligibility.whyNotRequest(request.getMethod(), request.getDispatcherType(), request::getHeader,
                settings.excludePaths().matches(pathInContext));
        if (why != null) {
            return why;
        }
        if (request.getAttribute(ZendeskWidgetFilter.SKIP_ATTRIBUTE) != null) {
            return "skipped by the application";
        }
        return brandFor(request) == null ? "no brand for this host" : null;
    }

    /** The pair of wrappers a page is rendered with, and the request's state behind them. */
    public WidgetRequest wrap(HttpServletRequest request, HttpServletResponse response, String path) {
        PageState state = new PageState(this, brandFor(request), request);
        WidgetResponse wrappedResponse = new WidgetResponse(response, state, "HEAD".equals(request.getMethod()),
                settings.debugHeader(), largePages, path);
        state.attach(wrappedResponse);
        return new WidgetRequest(request, wrappedResponse);
    }

    /** The Help Center has one SSO configuration: the visitor as the request's brand knows them. */
    private Identity identifyForSso(HttpServletRequest request) {
        Brand brand = brandFor(request);
        return identify(request, brand != null ? brand : own);
    }

    /** Resolves the visitor for {@code brand}; never mints and never throws (the page is not ours to break). */
    Identity identify(HttpServletRequest request, Brand brand) {
        UserResolver resolver = brand.resolver;
        WidgetUser user;
        try {
            user = brand.branded(resolver.resolve(request));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Exception | Error e) {
            stats.resolverError();
            // An Error too: an AssertionError in a getter, or a LinkageError from a half-deployed
            // class, must not turn the application's page into a 500.
            log.log(Level.SEVERE, "resolve:" + e.getClass().getName(), "Zendesk widget: the user resolver "
                    + resolver.getClass().getName() + " failed; pages are served without the widget: " + e, e);
            return Identity.FAILED;
        }
        if (user == null) {
            return Identity.ANONYMOUS;
        }
        if (!ExternalIds.accepts(user.externalId())) {
            log.log(Level.WARNING, "long-id", "Zendesk widget: an external_id is longer than 255 "
                    + "characters, which Zendesk rejects; such visitors are treated as anonymous", null);
            return Identity.ANONYMOUS;
        }
        return Identity.signedIn(user);
    }

    /**
     * The scripts that follow a page's block: the widget settings and the tab sync, when
     * configured; empty otherwise, so that the block stays exactly what it always was.
     *
     * @param user the signed-in visitor, or {@code null}
     * @param signsOut whether the block signs the widget out
     */
    String after(HttpServletRequest request, Brand brand, String nonce, WidgetUser user, boolean signsOut) {
        String calls = setCalls.calls(request);
        String after = calls.isEmpty() ? "" : WidgetMarkup.whenReady(nonce, calls);
        if (brand.tabSync != null) {
            after += brand.tabSync.script(nonce, user == null ? null : brand.markerCookie.tabTag(user.externalId()),
                    signsOut);
        }
        return after;
    }

    /** What this filter instance has done since it started. */
    public FilterStats stats() {
        return stats;
    }

    /** The configuration without the secret, for the MBean. */
    public String configuration() {
        return settings.toString();
    }

    /** Tokens minted since this filter started. */
    public long tokensMinted() {
        return stats.tokensMinted();
    }

    /** Why minting is switched off until restart, or {@code null} while it works. */
    public String mintingBrokenBecause() {
        return own.tokens.brokenBecause();
    }

    FilterSettings settings() {
        return settings;
    }

    OnceLog log() {
        return log;
    }
}
