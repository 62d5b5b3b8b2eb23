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
 * The other comparison: the least any filter does that must see a response's content type at
 * its first byte. It reads one request attribute and the three request headers that rule out
 * scripts' requests, sets the attribute, and hands the page wrappers that add nothing; it
 * decides, holds and inserts nothing. What it costs a JSON response is the floor under the
 * filter's cost there.
 */
final class BareWrapper implements Filter {

    private static final String ATTRIBUTE = BareWrapper.class.getName();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getAttribute(ATTRIBUTE) != null || request.getHeader("X-Requested-With") != null
                || request.getHeader("Sec-Fetch-Dest") != null || request.getHeader("Accept") == null) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletRequestWrapper wrapped = new HttpServletRequestWrapper(request);
        request.setAttribute(ATTRIBUTE, wrapped);
        chain.doFilter(wrapped, new HttpServletResponseWrapper((HttpServletResponse) res));
    }
}
