package dev.zwidget.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The other comparison: what a filter that must see a response's content type at its first
 * byte does before the page runs, and nothing more. Like the filter it reads one request
 * attribute and the three request headers that tell a script's request from a page's, sets the
 * attribute and hands the page a wrapped request and response; its wrappers add nothing, and
 * it decides, holds and inserts nothing. The benchmark's requests that may be pages are wrapped
 * by both, so what it costs a JSON response there is the floor under the filter's cost; a
 * script's fetch is turned away by both after its {@code Sec-Fetch-Dest} (the filter also notes
 * that decision in its attribute and its statistics).
 */
final class BareWrapper implements Filter {

    private static final String ATTRIBUTE = BareWrapper.class.getName();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        // The same reads as the filter's, in its order, simpler rules: a request with a
        // Sec-Fetch-Dest (json-fetch) is turned away by it alone, the others (with an Accept,
        // without Sec-Fetch-Dest) are wrapped by both.
        if (request.getAttribute(ATTRIBUTE) != null || request.getHeader("Sec-Fetch-Dest") != null
                || request.getHeader("X-Requested-With") != null || request.getHeader("Accept") == null) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletRequestWrapper wrapped = new HttpServletRequestWrapper(request);
        request.setAttribute(ATTRIBUTE, wrapped);
        chain.doFilter(wrapped, new HttpServletResponseWrapper((HttpServletResponse) res));
    }
}
