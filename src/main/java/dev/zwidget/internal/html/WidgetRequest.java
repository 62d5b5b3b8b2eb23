package dev.zwidget.internal.html;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The request a page that may receive the widget sees.
 *
 * <p>For a browser that is or has been signed in, it hides the conditional headers
 * ({@code If-None-Match}, {@code If-Modified-Since}): otherwise a static page the browser cached
 * while anonymous would come back as a 304, and the visitor's sign-in or sign-out would be
 * skipped on that page. A forward obtained from it first empties what the response holds, as the
 * container empties its buffer. Asynchronous processing turns splicing off: the held end of the page
 * could not be written after the container completes the response.
 */
public final class WidgetRequest extends HttpServletRequestWrapper {

    private final WidgetResponse response;
    private final BooleanSupplier signedIn;

    /**
     * @param signedIn whether the browser is or was signed in; asked only when the application
     *     reads a conditional header, so resolving the visitor stays lazy
     */
    public WidgetRequest(HttpServletRequest request, WidgetResponse response, BooleanSupplier signedIn) {
        super(request);
        this.response = response;
        this.signedIn = signedIn;
    }

    /** The response wrapper this request was paired with. */
    public WidgetResponse response() {
        return response;
    }

    private static boolean isValidator(String name) {
        return "If-None-Match".equalsIgnoreCase(name) || "If-Modified-Since".equalsIgnoreCase(name);
    }

    private boolean hidden(String name) {
        return isValidator(name) && signedIn.getAsBoolean();
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
        if (kept.stream().anyMatch(WidgetRequest::isValidator) && signedIn.getAsBoolean()) {
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
            target.forward(req, res);
        }

        @Override
        public void include(ServletRequest req, ServletResponse res) throws ServletException, IOException {
            target.include(req, res);
        }
    }

    @Override
    public AsyncContext startAsync() {
        response.abandonSplicing();
        return super.startAsync();
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse servletResponse) {
        response.abandonSplicing();
        return super.startAsync(request, servletResponse);
    }
}
