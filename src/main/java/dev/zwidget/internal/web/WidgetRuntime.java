package dev.zwidget.internal.web;

import dev.zwidget.UserResolver;
import dev.zwidget.WidgetUser;
import dev.zwidget.internal.config.FilterSettings;
import dev.zwidget.internal.emulator.EmulatorEndpoint;
import dev.zwidget.internal.html.Eligibility;
import dev.zwidget.internal.html.WidgetMarkup;
import dev.zwidget.internal.html.WidgetRequest;
import dev.zwidget.internal.html.WidgetResponse;
import dev.zwidget.internal.token.MarkerCodec;
import dev.zwidget.internal.token.TokenMinter;
import dev.zwidget.internal.user.PrincipalUserResolver;
import dev.zwidget.internal.user.PropertyPath;
import dev.zwidget.internal.user.SessionAttributeUserResolver;
import dev.zwidget.internal.user.UserMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything one filter instance needs at request time, built once in {@code init()} from the
 * validated settings and immutable from then on (so it is shared by request threads freely).
 */
public final class WidgetRuntime {

    private static final Logger LOGGER = Logger.getLogger("dev.zwidget.ZendeskWidgetFilter");

    private final FilterSettings settings;
    private final UserResolver resolver;
    private final TokenMinter minter;
    private final MarkerCookie markerCookie;
    private final WidgetMarkup markup;
    private final TokenEndpoint tokenEndpoint;
    private final EmulatorEndpoint emulator;
    private final OnceLog log;

    public WidgetRuntime(FilterSettings settings, String contextPath, Clock clock) {
        this.settings = settings;
        this.resolver = settings.userResolver() != null ? settings.userResolver() : builtInResolver(settings);
        this.minter = new TokenMinter(settings.keyId(), settings.secret(), settings.tokenTtl(), clock);
        this.markerCookie = new MarkerCookie(new MarkerCodec(settings.secret()), contextPath);
        this.emulator = settings.emulator()
                ? new EmulatorEndpoint(settings.tokenPath(), settings.keyId(), settings.secret(), clock) : null;
        this.markup = settings.emulator()
                ? new WidgetMarkup(settings.widgetKey(), contextPath + settings.tokenPath(),
                        EmulatorEndpoint.scriptUrl(contextPath, settings.tokenPath()))
                : new WidgetMarkup(settings.widgetKey(), contextPath + settings.tokenPath());
        this.tokenEndpoint = new TokenEndpoint();
        this.log = new OnceLog(LOGGER, clock);
    }

    private static UserResolver builtInResolver(FilterSettings settings) {
        PropertyPath id = path(settings.externalIdPath());
        PropertyPath name = path(settings.namePath());
        PropertyPath email = path(settings.emailPath());
        UserMapper mapper = settings.emailVerifiedPath() != null
                ? new UserMapper(id, name, email, PropertyPath.parse(settings.emailVerifiedPath()))
                : new UserMapper(id, name, email, settings.emailVerifiedConstant());
        return settings.sessionAttribute() != null
                ? new SessionAttributeUserResolver(settings.sessionAttribute(), mapper)
                : new PrincipalUserResolver(mapper);
    }

    private static PropertyPath path(String path) {
        return path == null ? null : PropertyPath.parse(path);
    }

    /** Whether {@code pathInContext} is the token endpoint. */
    public boolean isTokenPath(String pathInContext) {
        return settings.tokenPath().equals(pathInContext);
    }

    /** Whether {@code pathInContext} is served by the offline emulator (only with emulator=true). */
    public boolean isEmulatorPath(String pathInContext) {
        return emulator != null && emulator.handles(pathInContext);
    }

    /** Answers a request for an emulator path; call only when {@link #isEmulatorPath} said yes. */
    public void serveEmulator(String pathInContext, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        emulator.serve(pathInContext, request, response);
    }

    public void serveToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // A 401 tells the page script the session is over; the marker goes with it.
        Runnable signedOut = markerCookie.read(request) == null ? () -> { }
                : () -> markerCookie.clear(request, response);
        tokenEndpoint.serve(request, response, () -> identify(request), signedOut);
    }

    /** Why this request gets no widget, or {@code null} when its response may. */
    public String whyNot(HttpServletRequest request, String pathInContext, boolean skipped) {
        return Eligibility.whyNotRequest(request.getMethod(), request.getDispatcherType(),
                request.getHeader("X-Requested-With"), request.getHeader("Sec-Fetch-Dest"),
                settings.excludePaths().matches(pathInContext), skipped);
    }

    /** Attaches the request's state and returns the pair of wrappers a page is rendered with. */
    public WidgetRequest wrap(HttpServletRequest request, HttpServletResponse response) {
        PageState state = new PageState(this, request);
        request.setAttribute(PageState.ATTRIBUTE, state);
        WidgetResponse wrappedResponse = new WidgetResponse(response, state::plan, state::placedByView,
                settings.debugHeader());
        state.attach(wrappedResponse);
        boolean wasSignedIn = markerCookie.read(request) != null;
        return new WidgetRequest(request, wrappedResponse,
                () -> wasSignedIn || state.identity().user() != null);
    }

    Identity identify(HttpServletRequest request) {
        WidgetUser user;
        try {
            user = resolver.resolve(request);
        } catch (Exception e) {
            log.log(Level.SEVERE, "resolve:" + e.getClass().getName(), "Zendesk widget: the user resolver "
                    + resolver.getClass().getName() + " failed; pages are served without the widget: " + e, e);
            return Identity.FAILED;
        }
        if (user == null) {
            return Identity.ANONYMOUS;
        }
        if (!TokenMinter.acceptsExternalId(user.externalId())) {
            log.log(Level.WARNING, "long-id", "Zendesk widget: an external_id is longer than 255 "
                    + "characters, which Zendesk rejects; such visitors are treated as anonymous", null);
            return Identity.ANONYMOUS;
        }
        try {
            return Identity.signedIn(user, minter.mint(user));
        } catch (RuntimeException e) {
            log.log(Level.SEVERE, "mint:" + e.getClass().getName(),
                    "Zendesk widget: could not mint a token: " + e.getClass().getName(), e);
            return Identity.FAILED;
        }
    }

    FilterSettings settings() {
        return settings;
    }

    MarkerCookie markerCookie() {
        return markerCookie;
    }

    WidgetMarkup markup() {
        return markup;
    }

    OnceLog log() {
        return log;
    }
}
