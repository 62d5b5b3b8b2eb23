package dev.zwidget;

import dev.zwidget.internal.config.FilterSettings;
import dev.zwidget.internal.config.ParamValues;
import dev.zwidget.internal.config.SettingsParser;
import dev.zwidget.internal.html.WidgetRequest;
import dev.zwidget.internal.html.WidgetResponse;
import dev.zwidget.internal.ops.Jmx;
import dev.zwidget.internal.web.RuntimeMBean;
import dev.zwidget.internal.web.WidgetRuntime;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.ObjectName;

/**
 * Signs the visitors of a web application in to the Zendesk messaging Web Widget: each HTML page
 * of a signed-in visitor gets Zendesk's snippet and a {@code loginUser} call with a JWT minted
 * for that page; the first page after the visitor signed out gets {@code logoutUser}. With
 * {@code mode=classic} it does the same for the Classic Web Widget (a Chat JWT handed through
 * {@code zESettings…jwtFn}, sign-out with {@code zE('webWidget','logout')}); with
 * {@code ssoSecret} it also serves the Help Center's JWT single sign-on remote login URL.
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>zendesk-widget</filter-name>
 *   <filter-class>dev.zwidget.ZendeskWidgetFilter</filter-class>
 *   <init-param><param-name>widgetKey</param-name><param-value>${env:ZENDESK_WIDGET_KEY}</param-value></init-param>
 *   <init-param><param-name>keyId</param-name><param-value>${env:ZENDESK_KEY_ID}</param-value></init-param>
 *   <init-param><param-name>secret</param-name><param-value>${env:ZENDESK_SECRET}</param-value></init-param>
 *   <init-param><param-name>sessionAttribute</param-name><param-value>user</param-value></init-param>
 *   <init-param><param-name>name</param-name><param-value>name</param-value></init-param>
 *   <init-param><param-name>email</param-name><param-value>email</param-value></init-param>
 * </filter>
 * <filter-mapping>
 *   <filter-name>zendesk-widget</filter-name>
 *   <url-pattern>/*</url-pattern>
 * </filter-mapping>
 * }</pre>
 *
 * <p>Every init-param is listed in the README. A bad configuration fails {@link #init} with one
 * message naming every bad parameter; at request time nothing this filter does turns a page into
 * an error.
 */
public class ZendeskWidgetFilter implements Filter {

    /** Request attribute set by {@link #skip(ServletRequest)}. */
    public static final String SKIP_ATTRIBUTE = ZendeskWidgetFilter.class.getName() + ".SKIP";

    private static final Logger LOGGER = Logger.getLogger(ZendeskWidgetFilter.class.getName());

    private final Clock clock;
    private volatile WidgetRuntime runtime;
    private ObjectName mbean;

    public ZendeskWidgetFilter() {
        this(Clock.systemUTC());
    }

    /** For tests and programmatic registration: tokens are dated by {@code clock}. */
    public ZendeskWidgetFilter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Leaves the response of this request untouched, whatever it is. */
    public static void skip(ServletRequest request) {
        request.setAttribute(SKIP_ATTRIBUTE, Boolean.TRUE);
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : Collections.list(config.getInitParameterNames())) {
            params.put(name, config.getInitParameter(name));
        }
        FilterSettings settings = SettingsParser.parse(config.getFilterName(), params,
                ParamValues.system(), ZendeskWidgetFilter.class.getClassLoader());
        for (String warning : settings.warnings()) {
            LOGGER.log(Level.WARNING, "ZendeskWidgetFilter '" + config.getFilterName() + "': " + warning);
        }
        if (!settings.enabled()) {
            LOGGER.log(Level.INFO, "ZendeskWidgetFilter '" + config.getFilterName()
                    + "' is disabled (enabled=false): pages pass through untouched");
            runtime = null;
            return;
        }
        if (settings.emulator()) {
            LOGGER.log(Level.WARNING, "ZendeskWidgetFilter '" + config.getFilterName() + "': emulator mode is on: "
                    + "Zendesk's widget is replaced by an offline stand-in; never use this in production");
        }
        // What an operator needs to see that the filter runs and how: never the secret itself.
        LOGGER.log(Level.INFO, "ZendeskWidgetFilter '" + config.getFilterName() + "' started in "
                + config.getServletContext().getContextPath() + "/: " + settings
                + (params.get("keys") != null ? ", " + settings.signingKeys().size() + " signing keys from keys"
                        : ", secret of " + settings.secret().length() + " bytes from "
                        + ParamValues.describeSource(params.get("secret")))
                + (settings.sso() == null ? "" : ", SSO secret of " + settings.sso().secret().length() + " bytes from "
                        + ParamValues.describeSource(params.get("ssoSecret"))));
        try {
            runtime = new WidgetRuntime(settings, config.getServletContext().getContextPath(), clock);
            mbean = Jmx.register(new RuntimeMBean(runtime), config.getServletContext().getContextPath(),
                    config.getFilterName());
        } catch (LinkageError e) {
            // A class the filter needs cannot load here (a missing or clashing jar): failing init
            // would stop the whole application on most containers, so the pages pass through.
            LOGGER.log(Level.SEVERE, "ZendeskWidgetFilter '" + config.getFilterName() + "' cannot run in this "
                    + "application and lets every page pass through untouched: " + e, e);
            runtime = null;
        }
    }

    /** The runtime built by {@link #init}, or {@code null} when the filter passes everything through. */
    WidgetRuntime runtime() {
        return runtime;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        WidgetRuntime current = runtime;
        if (current == null || !(req instanceof HttpServletRequest)
                || !(res instanceof HttpServletResponse)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        // One attribute for what was decided further up, read once: asked of every request.
        Object decided = request.getAttribute(WidgetRequest.ATTRIBUTE);
        if (decided != null) {
            if (decided instanceof WidgetRequest && request.getDispatcherType() == DispatcherType.ASYNC) {
                // Mapped for ASYNC: the page an async cycle dispatched to is finished here.
                ((WidgetRequest) decided).asyncDispatch(request, response, chain);
                return;
            }
            // A forward, include or error dispatch of a request already decided further up:
            // wrapped there, or excluded there (the forward's own path must not undo that).
            chain.doFilter(request, response);
            return;
        }
        String path = pathInContext(request);
        if (request.getDispatcherType() == DispatcherType.REQUEST && current.isEmulatorPath(path)) {
            current.serveEmulator(path, request, response);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST && current.isSsoPath(path)) {
            current.serveSso(path, request, response);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST && current.isTokenPath(path)) {
            current.serveToken(request, response);
            return;
        }
        String whyNot = current.whyNot(request, path);
        if (whyNot != null) {
            request.setAttribute(WidgetRequest.ATTRIBUTE, whyNot);
            current.stats().skipped(whyNot);
            // Asked first: a message supplier would be an allocation on every such request.
            if (LOGGER.isLoggable(Level.FINE)) {
                LOGGER.fine("Zendesk widget: " + request.getMethod() + " " + request.getRequestURI()
                        + " -> none; " + whyNot);
            }
            chain.doFilter(request, response);
            return;
        }
        WidgetRequest wrapped = current.wrap(request, response, path);
        WidgetResponse wrappedResponse = wrapped.response();
        request.setAttribute(WidgetRequest.ATTRIBUTE, wrapped);
        boolean completed = false;
        try {
            chain.doFilter(wrapped, wrappedResponse);
            completed = true;
        } finally {
            // An async cycle's error handling sends what is held; otherwise it goes out here.
            if (!completed && !request.isAsyncStarted()) {
                wrappedResponse.finishAfterFailure();
            }
        }
        wrapped.chainReturned(request);
    }

    @Override
    public void destroy() {
        runtime = null;
        Jmx.unregister(mbean);
        mbean = null;
    }

    private static String pathInContext(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        // Asked of every request: joined only when both parts are there.
        if (pathInfo == null || pathInfo.isEmpty()) {
            return servletPath == null || servletPath.isEmpty() ? "/" : servletPath;
        }
        return servletPath == null || servletPath.isEmpty() ? pathInfo : servletPath + pathInfo;
    }
}
