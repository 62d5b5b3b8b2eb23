package dev.zwidget.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code /large}: a page of several megabytes written in chunks with a flush after each, like a
 * long report. The filter does not buffer pages: every chunk leaves the server when it is
 * flushed, and only the end of the page is held to put the widget before {@code </body>}. The
 * page says so itself: after the first flush, the response is already committed.
 */
public class LargePageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Chunks written; each one is {@link #ROWS_PER_CHUNK} rows of about 100 bytes. */
    static final int CHUNKS = 100;
    static final int ROWS_PER_CHUNK = 400;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.print("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>A large page</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
                + "/demo.css\"></head>\n<body><main class=\"wide\"><h1>A large page</h1>\n"
                + "<p><a href=\"" + request.getContextPath() + "/\">Back to the demo</a>. This page is "
                + CHUNKS + " chunks of " + ROWS_PER_CHUNK + " rows, each chunk flushed as soon as it is"
                + " written. The widget still goes before the end of the body.</p>\n<table class=\"rows\">\n");
        out.flush();
        // Committed here means the head of the page has left the server before the rest exists.
        boolean streamed = response.isCommitted();
        long row = 0;
        for (int chunk = 1; chunk <= CHUNKS; chunk++) {
            StringBuilder rows = new StringBuilder(ROWS_PER_CHUNK * 110);
            for (int i = 0; i < ROWS_PER_CHUNK; i++) {
                row++;
                rows.append("<tr><td>").append(row).append("</td><td>chunk ").append(chunk)
                        .append("</td><td>Lorem ipsum dolor sit amet, consectetur adipiscing.</td></tr>\n");
            }
            out.print(rows);
            out.flush();
        }
        out.print("</table>\n<p id=\"streamed\">Rows: " + row + ". Sent while being written: "
                + (streamed ? "yes" : "no") + ".</p>\n</main>\n</body>\n</html>\n");
    }
}
