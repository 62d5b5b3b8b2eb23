package dev.zwidget.internal.user;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/**
 * An embedded Jetty with sessions and an in-memory connector: each path runs an endpoint
 * against the real request and answers with the text it returns.
 */
final class JettyHarness implements AutoCloseable {

    @FunctionalInterface
    interface Endpoint {
        String handle(HttpServletRequest request) throws Exception;
    }

    private final Server server = new Server();
    private final LocalConnector connector = new LocalConnector(server);

    JettyHarness(Map<String, Endpoint> endpoints) throws Exception {
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.addServlet(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                Endpoint endpoint = endpoints.get(request.getPathInfo());
                if (endpoint == null) {
                    response.sendError(404);
                    return;
                }
                String body;
                try {
                    body = endpoint.handle(request);
                } catch (Exception e) {
                    body = "error: " + e;
                }
                response.setContentType("text/plain;charset=utf-8");
                response.getWriter().write(body);
            }
        }, "/*");
        server.setHandler(context);
        server.start();
    }

    HttpTester.Response get(String uri, String... headers) throws Exception {
        HttpTester.Request request = HttpTester.newRequest();
        request.setMethod("GET");
        request.setURI(uri);
        request.setHeader("Host", "localhost");
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return HttpTester.parseResponse(connector.getResponse(request.generate()));
    }

    /** The {@code name=value} part of a Set-Cookie header, ready for a Cookie header. */
    static String cookiePair(HttpTester.Response response) {
        String setCookie = response.get("Set-Cookie");
        return setCookie == null ? null : setCookie.split(";", 2)[0];
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
