package dev.zwidget.internal.html;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The header half of {@link WidgetResponse}, and the calls after which the container alone
 * writes the response (errors, redirects). Every header call goes through a
 * {@link HeaderGate}, and what the application reads back shows held headers as if they were
 * set, since an application may read back what it set (and the page's own decision reads
 * Content-Encoding and Content-Disposition through here).
 */
abstract class GatedResponse extends HttpServletResponseWrapper {

    final HeaderGate headers = new HeaderGate();

    GatedResponse(HttpServletResponse response) {
        super(response);
    }

    /** Whether the page is still undecided, so that caching headers are held. */
    abstract boolean undecided();

    /** Whether the page is decided against splicing, so every header reaches the container. */
    abstract boolean passingThrough();

    /**
     * About to hand the response to the container's error page or redirect: held headers go
     * first, and the page's gathered small writes reach the container's buffer, where they
     * would be without the filter: a container that refuses once committed then counts them.
     */
    abstract void beforeContainerTakesOver() throws IOException;

    /** The container writes an error page or redirect itself: nothing of ours may follow. */
    abstract void passThroughFromNowOn();

    final HttpServletResponse container() {
        return (HttpServletResponse) getResponse();
    }

    // The container may refuse (IllegalStateException once committed): then the page goes on,
    // and what is held is still part of it, so it is dropped only once the call was accepted.
    @Override
    public void sendError(int sc, String msg) throws IOException {
        beforeContainerTakesOver();
        super.sendError(sc, msg);
        passThroughFromNowOn();
    }

    @Override
    public void sendError(int sc) throws IOException {
        beforeContainerTakesOver();
        super.sendError(sc);
        passThroughFromNowOn();
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        beforeContainerTakesOver();
        super.sendRedirect(location);
        passThroughFromNowOn();
    }

    // Servlet 6.1's overloads: its HttpServletResponseWrapper passes them straight on, which
    // would skip the bookkeeping above (compiled against 6.0, so called reflectively).

    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        beforeContainerTakesOver();
        NewerServletApi.sendRedirect(getResponse(), location, sc, clearBuffer);
        passThroughFromNowOn();
    }

    public void sendRedirect(String location, int sc) throws IOException {
        beforeContainerTakesOver();
        NewerServletApi.sendRedirect(getResponse(), location, sc);
        passThroughFromNowOn();
    }

    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        beforeContainerTakesOver();
        NewerServletApi.sendRedirect(getResponse(), location, clearBuffer);
        passThroughFromNowOn();
    }

    @Override
    public void setContentLength(int len) {
        if (!headers.holdsLength(len, passingThrough())) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!headers.holdsLength(len, passingThrough())) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!headers.holds(false, name, value, undecided(), passingThrough())) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!headers.holds(true, name, value, undecided(), passingThrough())) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!headers.holdsInt(false, name, value, undecided(), passingThrough())) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!headers.holdsInt(true, name, value, undecided(), passingThrough())) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (!headers.holdsDate(false, name, date, undecided())) {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (!headers.holdsDate(true, name, date, undecided())) {
            super.addDateHeader(name, date);
        }
    }

    @Override
    public String getHeader(String name) {
        // Asked on every response (the verdict reads two headers): the container's values are
        // copied only when a held call names the header.
        if (!headers.has(name)) {
            return super.getHeader(name);
        }
        List<String> held = headers.values(name, containerValues(name));
        return held.isEmpty() ? null : held.get(0);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return headers.has(name) ? headers.values(name, containerValues(name)) : super.getHeaders(name);
    }

    @Override
    public Collection<String> getHeaderNames() {
        Collection<String> names = super.getHeaderNames();
        Collection<String> held = headers.heldNames();
        if (held.isEmpty()) {
            return names;
        }
        Set<String> all = new LinkedHashSet<>();
        for (String name : names == null ? new ArrayList<String>() : names) {
            List<String> values = headers.values(name, containerValues(name));
            if (values == null || !values.isEmpty()) {
                all.add(name);
            }
        }
        for (String name : held) {
            if (all.stream().noneMatch(name::equalsIgnoreCase)) {
                all.add(name);
            }
        }
        return all;
    }

    @Override
    public boolean containsHeader(String name) {
        if (!headers.has(name)) {
            return super.containsHeader(name);
        }
        return !headers.values(name, containerValues(name)).isEmpty();
    }

    private Collection<String> containerValues(String name) {
        Collection<String> values = super.getHeaders(name);
        return values == null ? new ArrayList<String>() : values;
    }
}
