package dev.zwidget.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The pages of the load benchmark, written the way applications write them: a 50 KB page as
 * 8 KB {@code String} writes to the writer, as 8 KB {@code char[]} writes (what a JSP's
 * JspWriter flushes), as 8 KB {@code byte[]} writes to the stream; a JSON response; a 10 MB page.
 * The same page as a real JSP is {@code src/test/resources/bench/orders.jsp}; {@code bytes-64k} is
 * the byte page with a 64 KiB response buffer set by the page itself (not in the default run:
 * {@code -Dpages=bytes,bytes-64k} compares the plain rows, the container's buffer against 64 KiB).
 */
final class BenchPages {

    static final int CHUNK = 8 * 1024;
    static final String PAGE = page(50_000);
    static final char[] PAGE_CHARS = PAGE.toCharArray();
    static final byte[] PAGE_BYTES = PAGE.getBytes(StandardCharsets.UTF_8);
    static final byte[] JSON = json().getBytes(StandardCharsets.UTF_8);
    static final byte[] LARGE_ROW = "<div class=\"row\"><span>item</span><a href=\"/x?id=1\">link</a></div>\n"
            .getBytes(StandardCharsets.UTF_8);
    static final long LARGE_BYTES = 10L * 1024 * 1024;

    private BenchPages() {
    }

    /** A page with an ordinary density of tags: rows of a table-like listing, as shops and portals have. */
    static String page(int size) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<title>Orders</title><link rel=\"stylesheet\" href=\"/app.css\"></head>\n<body><main>\n");
        int row = 0;
        while (page.length() < size - 40) {
            page.append("<tr class=\"order\"><td>").append(10_000 + row).append("</td><td>Caf\u00e9 au lait, ")
                    .append(row % 7 + 1).append(" \u00d7</td><td><a href=\"/orders/").append(row)
                    .append("\">details</a></td></tr>\n");
            row++;
        }
        return page.append("</main></body></html>\n").toString();
    }

    private static String json() {
        StringBuilder json = new StringBuilder("{\"orders\":[");
        for (int i = 0; i < 40; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(10_000 + i).append(",\"item\":\"caf\u00e9\"}");
        }
        return json.append("]}").toString();
    }

    /** What a page servlet does with its response. */
    private interface Render {
        void render(HttpServletResponse res) throws IOException;
    }

    private static HttpServlet servlet(Render render) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
                render.render(res);
            }
        };
    }

    static HttpServlet strings() {
        return servlet(res -> {
            res.setContentType("text/html;charset=UTF-8");
            PrintWriter out = res.getWriter();
            for (int i = 0; i < PAGE.length(); i += CHUNK) {
                out.write(PAGE.substring(i, Math.min(PAGE.length(), i + CHUNK)));
            }
        });
    }

    static HttpServlet chars() {
        return servlet(res -> {
            res.setContentType("text/html;charset=UTF-8");
            PrintWriter out = res.getWriter();
            for (int i = 0; i < PAGE_CHARS.length; i += CHUNK) {
                out.write(PAGE_CHARS, i, Math.min(CHUNK, PAGE_CHARS.length - i));
            }
        });
    }

    /** The byte page; {@code bufferSize} &gt; 0 sets the response buffer first (the application's choice). */
    static HttpServlet bytes(int bufferSize) {
        return servlet(res -> {
            res.setContentType("text/html;charset=UTF-8");
            if (bufferSize > 0) {
                res.setBufferSize(bufferSize);
            }
            OutputStream out = res.getOutputStream();
            for (int i = 0; i < PAGE_BYTES.length; i += CHUNK) {
                out.write(PAGE_BYTES, i, Math.min(CHUNK, PAGE_BYTES.length - i));
            }
        });
    }

    static HttpServlet json200() {
        return servlet(res -> {
            res.setContentType("application/json");
            res.setContentLength(JSON.length);
            res.getOutputStream().write(JSON);
        });
    }

    static HttpServlet large() {
        return servlet(res -> {
            res.setContentType("text/html;charset=UTF-8");
            OutputStream out = res.getOutputStream();
            out.write("<!DOCTYPE html><html><body>\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < LARGE_BYTES; written += LARGE_ROW.length) {
                out.write(LARGE_ROW);
            }
            out.write("</body></html>\n".getBytes(StandardCharsets.US_ASCII));
        });
    }
}
