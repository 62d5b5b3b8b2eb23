package dev.zwidget.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The comparison the load benchmark draws: an injector as one writes it in an afternoon, which
 * buffers the whole body, inserts a fixed block before {@code lastIndexOf("</body>")} and sends
 * the page in one write with an exact Content-Length. Not a product: it buffers every page.
 */
final class NaiveInjector implements Filter {

    private static final String BLOCK = "<script id=\"ze-snippet\" src=\"https://static.zdassets.com/ekr/snippet.js"
            + "?key=0b8e2a5c-7d1f-4e3a-9c6b-5f2d8a1e4b7c\"></script><script>zE('messenger','loginUser',"
            + "function(c){c('eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6InVzZXIifQ.c2lnbmF0dXJl');});</script>";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Buffered buffered = new Buffered((HttpServletResponse) res);
        chain.doFilter(req, buffered);
        String type = res.getContentType();
        Charset charset = Charset.forName(res.getCharacterEncoding());
        String body = buffered.chars.size() > 0 ? buffered.chars.toString()
                : new String(buffered.bytes.toByteArray(), charset);
        if (type != null && type.startsWith("text/html")) {
            int at = body.lastIndexOf("</body>");
            if (at >= 0) {
                body = body.substring(0, at) + BLOCK + body.substring(at);
            }
        }
        byte[] out = body.getBytes(charset);
        res.setContentLength(out.length);
        res.getOutputStream().write(out);
    }

    private static final class Buffered extends HttpServletResponseWrapper {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CharArrayWriter chars = new CharArrayWriter();

        Buffered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return new PrintWriter(chars);
        }

        @Override
        public void setContentLength(int len) {
            // the injector sets its own
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
