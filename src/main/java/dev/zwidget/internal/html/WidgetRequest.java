package dev.zwidget.internal.html;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The request a page that may receive the widget sees.
 *
 * <p>For a browser that is or has been signed in, it hides the conditional headers
 * ({@code If-None-Match}, {@code If-Modified-Since}): otherwise a static page the browser cached
 * while anonymous would come back as a 304, and the visitor's sign-in or sign-out would be
 * skipped on that page. A forward obtained from it first empties what the response holds, as the
 * container empties its buffer. An async cycle started through it hands out a
 * {@link SplicingAsyncContext}, which ends the page before the container completes it.
 */
public final class WidgetRequest extends HttpServletRequestWrapper {

    /**
     * The request attribute holding what the filter decided for a request: its first wrapper
     * (for forwards, the filter's ASYNC dispatches and the views), or why it was left untouched
     * (a String, so that its forwards are left untouched too).
     */
    public static final String ATTRIBUTE = WidgetRequest.class.getName();

    private final WidgetResponse response;
    /**
     * The request's first wrapper, which keeps its async cycle for every wrapper of the request
     * (an ASYNC dispatch gets a wrapper of its own): this one, or the one it was made for.
     */
    private final WidgetRequest first;
    /** The async cycle started through a wrapper of this request (kept by {@link #first}). */
    private SplicingAsyncContext current;
    /** Whether the dispatch that is running started a cycle through a wrapper (kept by {@link #first}). */
    private boolean startedInDispatch;

    /** Asks {@code response}'s planner whether to hide the conditional headers from the page. */
    public WidgetRequest(HttpServletRequest request, WidgetResponse response) {
        super(request);
        this.response = response;
        this.first = this;
    }

    private WidgetRequest(HttpServletRequest request, WidgetRequest first) {
        super(request);
        this.response = first.response;
        this.first = first;
    }

    /** The response wrapper this request was paired with. */
    public WidgetResponse response() {
        return response;
    }

    private static boolean isValidator(String name) {
        return "If-None-Match".equalsIgnoreCase(name) || "If-Modified-Since".equalsIgnoreCase(name);
    }

    private boolean hidden(String name) {
        return isValidator(name) && response.planner().hidesValidators();
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        Enumeration<String> names = super.getHeaderNames();
        if (names == null) {
            return null;
        }
        List<String> kept = Collections.list(names);
        if (kept.stream().anyMatch(WidgetRequest::isValidator) && response.planner().hidesValidators()) {
            kept.removeIf(WidgetRequest::isValidator);
        }
        return Collections.enumeration(kept);
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        RequestDispatcher dispatcher = super.getRequestDispatcher(path);
        return dispatcher == null ? null : new ForwardAwareDispatcher(dispatcher);
    }

    /** Tells the response about a forward, which empties the container's buffer below it. */
    private final class ForwardAwareDispatcher implements RequestDispatcher {
        private final RequestDispatcher target;

        ForwardAwareDispatcher(RequestDispatcher target) {
            this.target = target;
        }

        @Override
        public void forward(ServletRequest req, ServletResponse res) throws ServletException, IOException {
            response.resetForForward();
            ServletResponse shielded = TomcatForward.shield(res, response);
            try {
                target.forward(req, shielded);
            } catch (ServletException e) {
                // Tomcat in strict compliance (dispatcherWrapsSameObject) refuses a response that
                // does not wrap the original one, before it forwards anything: forward as given.
                if (shielded == res || !String.valueOf(e.getMessage()).contains("SRV.8.2")) {
                    throw e;
                }
                target.forward(req, res);
            }
        }

        @Override
        public void include(ServletRequest req, ServletResponse res) throws ServletException, IOException {
            target.include(req, res);
        }
    }

    @Override
    public AsyncContext startAsync() {
        AsyncContext started = super.startAsync();
        // The container's context holds its own objects: the page must keep writing through ours.
        return began(new SplicingAsyncContext(started, response, this, response));
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        AsyncContext started = super.startAsync(servletRequest, servletResponse);
        if (!reaches(servletResponse, response)) {
            // The page goes on past this wrapper: what it holds must go out first.
            response.abandonSplicing();
            return started;
        }
        return began(new SplicingAsyncContext(started, response, null, null));
    }

    private AsyncContext began(SplicingAsyncContext context) {
        first.current = context;
        first.startedInDispatch = true;
        return context;
    }

    @Override
    public AsyncContext getAsyncContext() {
        AsyncContext context = super.getAsyncContext();
        SplicingAsyncContext ours = first.current;
        return ours != null && ours.wraps(context) ? ours : context;
    }

    /**
     * The filter chain of a dispatch returned: the page ends now, unless an async cycle started
     * through this wrapper (its complete(), dispatch, timeout or error ends it), or the
     * application started one past it (what is held goes out now, the rest as written).
     *
     * @param dispatched the container's request of the dispatch, asked whether an async cycle
     *     started only when the page holds something (a lock in Jetty, on every JSON response)
     */
    public void chainReturned(ServletRequest dispatched) throws IOException {
        boolean startedHere = first.startedInDispatch;
        first.startedInDispatch = false;
        if (startedHere || response.passesUntouched()) {
            return;
        }
        if (dispatched.isAsyncStarted()) {
            response.abandonSplicing();
        } else {
            response.finish();
        }
    }

    /**
     * Runs an ASYNC dispatch of this request, which the filter sees when it is mapped for ASYNC:
     * the dispatched page writes through the same response wrapper, and ends when this chain
     * returns without a new async cycle. The container dispatches its own objects when the cycle
     * was started with {@code startAsync()}: they are wrapped again.
     */
    public void asyncDispatch(HttpServletRequest dispatched, HttpServletResponse dispatchedResponse,
            FilterChain chain) throws IOException, ServletException {
        response.claimDispatch();
        if (dispatchedResponse == response.getResponse()) {
            WidgetRequest again = new WidgetRequest(dispatched, first);
            chain.doFilter(again, response);
        } else {
            // Our wrappers, or wrappers around them, that the application passed to startAsync.
            chain.doFilter(dispatched, dispatchedResponse);
        }
        chainReturned(dispatched);
    }

    private static boolean reaches(ServletResponse given, WidgetResponse ours) {
        if (given instanceof TomcatForward) {
            return reaches(((TomcatForward) given).target(), ours);
        }
        return given == ours
                || (given instanceof ServletResponseWrapper && ((ServletResponseWrapper) given).isWrapperFor(ours));
    }
}
