package dev.zwidget.demo;

import dev.zwidget.ZendeskWidgetFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.taglibs.standard.tag.rt.core.OutTag;
import org.eclipse.jetty.ee10.apache.jsp.JettyJasperInitializer;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The demo deployed the way {@code mvn jetty:run} deploys it: a Jetty 12 ee10
 * {@link WebAppContext} at {@code /} on {@code webapp/}, configured by its own
 * {@code WEB-INF/web.xml}, with JSP and JSTL, the demo's classes as WEB-INF/classes and the
 * library as a jar in WEB-INF/lib, on a free port of 127.0.0.1. Tests talk to it over real HTTP.
 *
 * <p>{@link #withoutFilter()} is the same webapp with the filter disabled (an override
 * descriptor sets {@code enabled=false}): the baseline for "exactly what the application wrote".
 */
final class DemoServer implements AutoCloseable {

    /** The repository root: target/classes is two levels below it. */
    static final Path BASEDIR = location(ZendeskWidgetFilter.class).getParent().getParent();
    static final Path WEBAPP = BASEDIR.resolve("webapp");

    private final Server server;
    private final WebAppContext webapp;
    private final URI base;
    private DemoServer baseline;

    private DemoServer(boolean filterEnabled) throws Exception {
        this(filterEnabled ? webapp -> { } : webapp -> webapp.addOverrideDescriptor(
                resource("filter-disabled.xml")));
    }

    /**
     * The demo with its deployment adjusted, for tests that need other settings than web.xml's
     * (an override descriptor with other init-params, a short session timeout).
     */
    DemoServer(java.util.function.Consumer<WebAppContext> adjust) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setBaseResourceAsPath(WEBAPP);
        // Parent-last class loading as in any webapp: the demo's classes, the library jar and
        // JSTL (whose TLDs JSP finds only in a jar of the webapp) are the webapp's own copies.
        webapp.setExtraClasspath(String.join(",", libraryJar().toString(),
                location(User.class).toString(), location(OutTag.class).toString()));
        // What jetty:run's annotation scanning would find: Jasper's initializer starts JSP support.
        webapp.addServletContainerInitializer(new JettyJasperInitializer());
        adjust.accept(webapp);
        // A filter that fails init() must fail the tests, not leave a half-started webapp.
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    /** Sessions created from now on end after {@code seconds} without a request. */
    DemoServer sessionTimeout(int seconds) {
        webapp.getSessionHandler().setMaxInactiveInterval(seconds);
        return this;
    }

    /** An override descriptor of this package's test resources, by file name. */
    static String resource(String name) {
        return location(DemoServer.class).resolve("dev/zwidget/demo/" + name).toString();
    }

    /** The demo with the filter as web.xml configures it. */
    static DemoServer start() throws Exception {
        return new DemoServer(true);
    }

    /** The same demo with the filter disabled, started on first use and stopped with this one. */
    synchronized DemoServer withoutFilter() throws Exception {
        if (baseline == null) {
            baseline = new DemoServer(false);
        }
        return baseline;
    }

    /** The absolute URI of {@code path} ({@code /account}). */
    URI uri(String path) {
        return base.resolve(path);
    }

    @Override
    public synchronized void close() throws Exception {
        if (baseline != null) {
            baseline.close();
        }
        server.stop();
    }

    /**
     * The library's compiled classes packed as a jar, as users deploy it. Packed from
     * target/classes on every run (cheap) rather than taken from the build's jar, so that a
     * test run from an IDE never sees a stale jar.
     */
    private static synchronized Path libraryJar() throws IOException {
        Path classes = location(ZendeskWidgetFilter.class);
        Path jar = BASEDIR.resolve("target/demo-it/zendesk-widget-filter.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(classes)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path f : files) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The jar or classes folder a class was loaded from. */
    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /**
     * Hands every test the same running demo: started once for the whole test run (JSP
     * compilation is the slow part), stopped when JUnit closes its root store.
     */
    static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DemoServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(DemoServer.class, key -> {
                        try {
                            return start();
                        } catch (Exception e) {
                            throw new IllegalStateException("the demo did not start", e);
                        }
                    }, DemoServer.class);
        }
    }
}
