package dev.zwidget.demo;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code /async}: a page rendered with Servlet 3 asynchronous processing, as applications that
 * wait on a slow back end do: the request thread calls {@code startAsync()} and returns, and
 * the page is written on another thread, which then completes the request. Every filter in
 * front of such a servlet must be declared {@code async-supported}, or the container refuses
 * {@code startAsync()} (Tomcat answers 500).
 */
public class AsyncPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        AsyncContext async = request.startAsync();
        async.setTimeout(10_000);
        String context = request.getContextPath();
        async.start(() -> {
            try {
                response.setContentType("text/html;charset=UTF-8");
                PrintWriter out = response.getWriter();
                out.print(page(context));
            } catch (IOException e) {
                log("the async page could not be written", e);
            } finally {
                async.complete();
            }
        });
    }

    /** The page, the same on every request (tests compare it byte for byte). */
    static String page(String context) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>An asynchronous page</title>"
                + "<link rel=\"stylesheet\" href=\"" + context + "/demo.css\"></head>\n<body><main>"
                + "<h1>An asynchronous page</h1>\n<p>Written after <code>startAsync()</code> on another"
                + " thread, then completed.</p>\n"
                + "<p><a href=\"" + context + "/\">Back to the demo</a></p>\n</main>\n</body>\n</html>\n";
    }
}
