package dev.zwidget.internal.html;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The request a page that may receive the widget sees.
 *
 * <p>For a browser that has been signed in, it hides the conditional headers
 * ({@code If-None-Match}, {@code If-Modified-Since}): otherwise a static page the browser cached
 * while anonymous would come back as a 304, and the visitor's sign-in or sign-out would be
 * skipped on that page. Asynchronous processing turns splicing off: the held end of the page
 * could not be written after the container completes the response.
 */
public final class WidgetRequest extends HttpServletRequestWrapper {

    private final WidgetResponse response;
    private final boolean hideValidators;

    public WidgetRequest(HttpServletRequest request, WidgetResponse response, boolean hideValidators) {
        super(request);
        this.response = response;
        this.hideValidators = hideValidators;
    }

    /** The response wrapper this request was paired with. */
    public WidgetResponse response() {
        return response;
    }

    private boolean hidden(String name) {
        return hideValidators && ("If-None-Match".equalsIgnoreCase(name)
                || "If-Modified-Since".equalsIgnoreCase(name));
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
        if (!hideValidators || names == null) {
            return names;
        }
        List<String> kept = Collections.list(names);
        kept.removeIf(this::hidden);
        return Collections.enumeration(kept);
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
