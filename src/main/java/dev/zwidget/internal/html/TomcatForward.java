package dev.zwidget.internal.html;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The response a forward is given on Tomcat. When a forward returns, Tomcat ends the response:
 * with {@code suspendWrappedResponseAfterForward} (the default from Tomcat 11 on) it unwraps every
 * {@link ServletResponseWrapper} down to its own facade and suspends that, below this filter, so
 * the end of the page it holds (from the last {@code </body>} on) could never be written. Handed a
 * response that is not a wrapper, Tomcat closes that response's writer or stream instead, which
 * ends the page through this filter, block and all, exactly as Tomcat 10.1 does by default.
 * Every call goes to the response the application passed to {@code forward}.
 */
final class TomcatForward implements HttpServletResponse {

    private final HttpServletResponse target;

    private TomcatForward(HttpServletResponse target) {
        this.target = target;
    }

    /** What to pass to the container's {@code forward}: {@code given}, or on Tomcat this shield around it. */
    /** The response this shield passes everything to. */
    ServletResponse target() {
        return target;
    }

    static ServletResponse shield(ServletResponse given, ServletResponse ours) {
        ServletResponse bottom = ours;
        while (bottom instanceof ServletResponseWrapper) {
            bottom = ((ServletResponseWrapper) bottom).getResponse();
        }
        boolean tomcat = bottom.getClass().getName().startsWith("org.apache.catalina.connector.");
        return tomcat && given instanceof HttpServletResponse ? new TomcatForward((HttpServletResponse) given) : given;
    }

    @Override public void addCookie(Cookie cookie) { target.addCookie(cookie); }
    @Override public boolean containsHeader(String name) { return target.containsHeader(name); }
    @Override public String encodeURL(String url) { return target.encodeURL(url); }
    @Override public String encodeRedirectURL(String url) { return target.encodeRedirectURL(url); }
    @Override public void sendError(int sc, String msg) throws IOException { target.sendError(sc, msg); }
    @Override public void sendError(int sc) throws IOException { target.sendError(sc); }
    @Override public void sendRedirect(String location) throws IOException { target.sendRedirect(location); }
    @Override public void setDateHeader(String name, long date) { target.setDateHeader(name, date); }
    @Override public void addDateHeader(String name, long date) { target.addDateHeader(name, date); }
    @Override public void setHeader(String name, String value) { target.setHeader(name, value); }
    @Override public void addHeader(String name, String value) { target.addHeader(name, value); }
    @Override public void setIntHeader(String name, int value) { target.setIntHeader(name, value); }
    @Override public void addIntHeader(String name, int value) { target.addIntHeader(name, value); }
    @Override public void setStatus(int sc) { target.setStatus(sc); }
    @Override public int getStatus() { return target.getStatus(); }
    @Override public String getHeader(String name) { return target.getHeader(name); }
    @Override public Collection<String> getHeaders(String name) { return target.getHeaders(name); }
    @Override public Collection<String> getHeaderNames() { return target.getHeaderNames(); }
    @Override public String getCharacterEncoding() { return target.getCharacterEncoding(); }
    @Override public String getContentType() { return target.getContentType(); }
    @Override public ServletOutputStream getOutputStream() throws IOException { return target.getOutputStream(); }
    @Override public PrintWriter getWriter() throws IOException { return target.getWriter(); }
    @Override public void setCharacterEncoding(String charset) { target.setCharacterEncoding(charset); }
    @Override public void setContentLength(int len) { target.setContentLength(len); }
    @Override public void setContentLengthLong(long len) { target.setContentLengthLong(len); }
    @Override public void setContentType(String type) { target.setContentType(type); }
    @Override public void setBufferSize(int size) { target.setBufferSize(size); }
    @Override public int getBufferSize() { return target.getBufferSize(); }
    @Override public void flushBuffer() throws IOException { target.flushBuffer(); }
    @Override public void resetBuffer() { target.resetBuffer(); }
    @Override public boolean isCommitted() { return target.isCommitted(); }
    @Override public void reset() { target.reset(); }
    @Override public void setLocale(Locale locale) { target.setLocale(locale); }
    @Override public Locale getLocale() { return target.getLocale(); }

    // Servlet 4.0+: the interface's defaults would drop trailers instead of passing them on.
    @Override public void setTrailerFields(Supplier<Map<String, String>> supplier) { target.setTrailerFields(supplier); }
    @Override public Supplier<Map<String, String>> getTrailerFields() { return target.getTrailerFields(); }

    // Servlet 6.1 declares the first abstract and routes the others to it (AbstractMethodError
    // without it); the library compiles against 6.0, so these are passed on reflectively.

    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        NewerServletApi.sendRedirect(target, location, sc, clearBuffer);
    }

    public void sendRedirect(String location, int sc) throws IOException {
        NewerServletApi.sendRedirect(target, location, sc);
    }

    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        NewerServletApi.sendRedirect(target, location, clearBuffer);
    }

    // Servlet 3.1/4.0 (the javax artifact) still declare these; Servlet 6 removed them.

    @Deprecated
    public String encodeUrl(String url) {
        return target.encodeURL(url);
    }

    @Deprecated
    public String encodeRedirectUrl(String url) {
        return target.encodeRedirectURL(url);
    }

    @Deprecated
    public void setStatus(int sc, String message) {
        target.setStatus(sc);
    }
}
