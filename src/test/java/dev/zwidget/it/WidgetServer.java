package dev.zwidget.it;

import dev.zwidget.ZendeskWidgetFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An embedded Jetty 12 ee10 server with the filter configured through
 * {@link FilterHolder#setInitParameter} exactly as web.xml would, and servlets given as lambdas.
 * Requests go through a {@link LocalConnector}, so the raw response bytes can be asserted.
 */
final class WidgetServer implements AutoCloseable {

    static final String CONTEXT = "/app";
    static final String WIDGET_KEY = "0b8e2a5c-7d1f-4e3a-9c6b-5f2d8a1e4b7c";
    static final String KEY_ID = "app_64f0c2a9e1b3d7";
    static final String SECRET = "s3cr3t-shared-Zendesk-signing-key-for-tests";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    interface Page {
        void handle(HttpServletRequest request, HttpServletResponse response) throws Exception;
    }

    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private boolean withFilter = true;
    private EnumSet<DispatcherType> dispatches = EnumSet.of(DispatcherType.REQUEST);
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Server server;
    private LocalConnector connector;
    private ServletContextHandler context;
    private Path staticDir;
    private ZendeskWidgetFilter filter;
    private Filter filterInstance;
    private BiConsumer<Server, ServletContextHandler> customizer = (server, context) -> { };
    private final java.util.List<Filter> first = new java.util.ArrayList<>();
    private boolean async;

    WidgetServer() {
        params.put("widgetKey", WIDGET_KEY);
        params.put("keyId", KEY_ID);
        params.put("secret", SECRET);
        params.put("sessionAttribute", "user");
        params.put("name", "name");
        params.put("email", "email");
        page("/login", (req, res) -> {
            String name = req.getParameter("user");
            req.getSession(true).setAttribute("user", AppUser.named(name));
            if (req.getParameter("timeout") != null) {
                req.getSession().setMaxInactiveInterval(Integer.parseInt(req.getParameter("timeout")));
            }
            res.setContentType("text/plain");
            res.getWriter().write("signed in");
        });
        page("/logout", (req, res) -> {
            if (req.getSession(false) != null) {
                req.getSession(false).invalidate();
            }
            res.setContentType("text/plain");
            res.getWriter().write("signed out");
        });
    }

    WidgetServer param(String name, String value) {
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        return this;
    }

    WidgetServer page(String path, Page page) {
        pages.put(path, page);
        return this;
    }

    /** A servlet at {@code path} that answers {@code html} as a UTF-8 page. */
    WidgetServer html(String path, String html) {
        return page(path, (req, res) -> {
            res.setContentType("text/html;charset=UTF-8");
            res.getWriter().write(html);
        });
    }

    WidgetServer withoutFilter() {
        withFilter = false;
        return this;
    }

    WidgetServer dispatches(EnumSet<DispatcherType> types) {
        dispatches = types;
        return this;
    }

    /** Serves the files of {@code dir} with Jetty's DefaultServlet, as a WAR's static files are. */
    WidgetServer staticFiles(Path dir) {
        staticDir = dir;
        return this;
    }

    /** Adjusts the server and context before they start (session store, worker name…). */
    WidgetServer customize(BiConsumer<Server, ServletContextHandler> change) {
        customizer = change;
        return this;
    }

    /** Runs this filter instance (for example one loaded by another class loader) instead. */
    WidgetServer filter(Filter instance) {
        filterInstance = instance;
        return this;
    }

    /** Maps {@code filter} to every path ahead of the widget filter, as an earlier web.xml entry. */
    WidgetServer filterFirst(Filter filter) {
        first.add(filter);
        return this;
    }

    /** Marks every filter and servlet async-supported, as {@code <async-supported>} does. */
    WidgetServer asyncSupported() {
        async = true;
        return this;
    }

    WidgetServer clock(Clock newClock) {
        clock = newClock;
        return this;
    }

    WidgetServer start() throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        // As behind a TLS-terminating proxy: X-Forwarded-Proto: https makes request.isSecure() true.
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration()
                .addCustomizer(new ForwardedRequestCustomizer());
        context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath(CONTEXT);
        for (Filter filter : first) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.allOf(DispatcherType.class));
        }
        if (withFilter) {
            if (filterInstance == null) {
                filter = new ZendeskWidgetFilter(clock);
            }
            FilterHolder holder = new FilterHolder(filterInstance != null ? filterInstance : filter);
            holder.setName("zendesk-widget");
            params.forEach(holder::setInitParameter);
            context.addFilter(holder, "/*", dispatches);
        }
        pages.forEach((path, page) -> context.addServlet(new ServletHolder(servlet(page)), path));
        if (staticDir != null) {
            context.setBaseResourceAsPath(staticDir);
            context.addServlet(DefaultServlet.class, "/");
        }
        if (async) {
            for (FilterHolder holder : context.getServletHandler().getFilters()) {
                holder.setAsyncSupported(true);
            }
            for (ServletHolder holder : context.getServletHandler().getServlets()) {
                holder.setAsyncSupported(true);
            }
        }
        customizer.accept(server, context);
        server.setHandler(context);
        server.start();
        return this;
    }

    /** Adds a real HTTP connector on a free loopback port and returns the port. */
    int openHttpPort() throws Exception {
        ServerConnector http = new ServerConnector(server);
        http.setHost("127.0.0.1");
        server.addConnector(http);
        http.start();
        return http.getLocalPort();
    }

    /** The filter instance, once started with the filter. */
    ZendeskWidgetFilter filter() {
        return filter;
    }

    ServletContextHandler context() {
        return context;
    }

    Server server() {
        return server;
    }

    /** Sends one raw HTTP/1.1 request; {@code headers} are whole header lines. */
    HttpTester.Response request(String method, String path, String... headers) throws Exception {
        // "Host: test" unless the caller sends its own (a brand's host name).
        boolean ownHost = java.util.Arrays.stream(headers).anyMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5));
        StringBuilder raw = new StringBuilder(method).append(' ').append(CONTEXT).append(path)
                .append(" HTTP/1.1\r\n").append(ownHost ? "" : "Host: test\r\n");
        for (String header : headers) {
            raw.append(header).append("\r\n");
        }
        raw.append("Connection: close\r\n\r\n");
        ByteBuffer response = connector.getResponse(
                ByteBuffer.wrap(raw.toString().getBytes(StandardCharsets.ISO_8859_1)));
        return "HEAD".equals(method) ? HttpTester.parseHeadResponse(response) : HttpTester.parseResponse(response);
    }

    /** POSTs {@code body} as text/plain (the other requests carry no body); "Host: test" unless given. */
    HttpTester.Response postText(String path, String body, String... headers) throws Exception {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String host = headers.length > 0 ? headers[0] : "Host: test";
        String raw = "POST " + CONTEXT + path + " HTTP/1.1\r\n" + host + "\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + content.length
                + "\r\nConnection: close\r\n\r\n" + body;
        return HttpTester.parseResponse(connector.getResponse(ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8))));
    }

    HttpTester.Response get(String path, String... headers) throws Exception {
        return request("GET", path, headers);
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private static HttpServlet servlet(Page page) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                try {
                    page.handle(req, resp);
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        };
    }

    /** An application's own user object, as a legacy app keeps it in its session. */
    public static final class AppUser implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String name;
        private final String email;

        AppUser(long id, String name, String email) {
            this.id = id;
            this.name = name;
            this.email = email;
        }

        static AppUser named(String name) {
            if ("bob".equals(name)) {
                return new AppUser(1002L, "Bob", "bob@example.com");
            }
            if (name != null && name.matches("user[0-9]+")) {
                long n = Long.parseLong(name.substring(4));
                return new AppUser(5000L + n, "User " + n, name + "@example.com");
            }
            return new AppUser(1001L, "Alice", "alice@example.com");
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getEmail() {
            return email;
        }
    }
}
