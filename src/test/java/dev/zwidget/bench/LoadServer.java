package dev.zwidget.bench;

import dev.zwidget.ZendeskWidgetFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.ee10.apache.jsp.JettyJasperInitializer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One Jetty 12 server hosting the same pages four times: {@code /plain} without the filter,
 * {@code /filter} with it (every visitor signed in), {@code /naive} behind a buffering injector,
 * {@code /bare} behind a filter that only wraps ({@link BareWrapper}); each a web application
 * with the same JSP page ({@code bench/orders.jsp}, compiled by Jasper).
 * An outermost probe counts the bytes each request allocates on its thread.
 */
final class LoadServer implements AutoCloseable {

    static final String[] VARIANTS = {"plain", "filter", "naive", "bare"};

    private final Server server;
    private final int port;
    private final Map<String, LongAdder[]> allocated = new ConcurrentHashMap<>();

    LoadServer() throws Exception {
        server = new Server(new QueuedThreadPool(64));
        ServerConnector http = new ServerConnector(server);
        http.setHost("127.0.0.1");
        server.addConnector(http);
        Handler.Sequence contexts = new Handler.Sequence();
        for (String variant : VARIANTS) {
            contexts.addHandler(context(variant));
        }
        server.setHandler(contexts);
        server.start();
        port = http.getLocalPort();
    }

    /** The variants named in {@code names}, checked: plain first, filter among them, each served once. */
    static String[] variants(String names) {
        String[] variants = names.split(",");
        if (!variants[0].equals("plain") || !Arrays.asList(variants).contains("filter")
                || !Arrays.asList(VARIANTS).containsAll(Arrays.asList(variants))
                || Arrays.stream(variants).distinct().count() != variants.length) {
            throw new IllegalArgumentException("-Dvariants: plain first, filter among them, each once and one of "
                    + String.join(", ", VARIANTS) + "; not " + names);
        }
        return variants;
    }

    int port() {
        return port;
    }

    private ServletContextHandler context(String variant) throws URISyntaxException {
        // A web application, so that Jasper compiles and serves the JSP page as in any WAR.
        WebAppContext context = new WebAppContext();
        context.setContextPath("/" + variant);
        context.setBaseResourceAsPath(Path.of(LoadServer.class.getResource("/bench/orders.jsp").toURI()).getParent());
        context.addServletContainerInitializer(new JettyJasperInitializer());
        context.setThrowUnavailableOnStartupException(true);
        context.addFilter(new FilterHolder(new AllocationProbe()), "/*", EnumSet.of(DispatcherType.REQUEST));
        if (variant.equals("filter")) {
            FilterHolder holder = new FilterHolder(new ZendeskWidgetFilter());
            holder.setName("zendesk-widget");
            holder.setInitParameter("widgetKey", "0b8e2a5c-7d1f-4e3a-9c6b-5f2d8a1e4b7c");
            holder.setInitParameter("keyId", "app_64f0c2a9e1b3d7");
            holder.setInitParameter("secret", "bench-secret-bench-secret-bench-secret");
            holder.setInitParameter("userResolver", BenchUsers.class.getName());
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        } else if (variant.equals("naive")) {
            context.addFilter(new FilterHolder(new NaiveInjector()), "/*", EnumSet.of(DispatcherType.REQUEST));
        } else if (variant.equals("bare")) {
            context.addFilter(new FilterHolder(new BareWrapper()), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(BenchPages.strings()), "/string");
        context.addServlet(new ServletHolder(BenchPages.chars()), "/chars");
        context.addServlet(new ServletHolder(BenchPages.bytes(0)), "/bytes");
        context.addServlet(new ServletHolder(BenchPages.bytes(64 * 1024)), "/bytes-64k");
        context.addServlet(new ServletHolder(BenchPages.json200()), "/json");
        context.addServlet(new ServletHolder(BenchPages.json200()), "/json-fetch");
        context.addServlet(new ServletHolder(BenchPages.large()), "/large");
        return context;
    }

    /** Bytes allocated per request on the request thread, for {@code /variant/page}, since the last reset. */
    long allocatedPerRequest(String path) {
        LongAdder[] counts = allocated.get(path);
        return counts == null || counts[1].sum() == 0 ? -1 : counts[0].sum() / counts[1].sum();
    }

    void resetAllocation() {
        allocated.clear();
    }

    /** Counts what the rest of the chain allocates on the request thread (HotSpot's per-thread counter). */
    private final class AllocationProbe implements Filter {
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            long before = threads.getCurrentThreadAllocatedBytes();
            chain.doFilter(req, res);
            long bytes = threads.getCurrentThreadAllocatedBytes() - before;
            String path = ((HttpServletRequest) req).getRequestURI();
            LongAdder[] counts = allocated.computeIfAbsent(path, p -> new LongAdder[] {new LongAdder(), new LongAdder()});
            counts[0].add(bytes);
            counts[1].increment();
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
