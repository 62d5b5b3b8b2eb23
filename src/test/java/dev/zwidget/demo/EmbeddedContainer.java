package dev.zwidget.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * A servlet container from Maven Central, embedded in this JVM and driven by reflection, with
 * its jars in a class loader of its own whose parent is the platform class loader: Tomcat 9,
 * 10.1 and 11 share class names, and the javax and jakarta servlet APIs must never meet the
 * test's own class path (Jetty 12 ee10, jakarta.servlet-api 6). The test talks to the
 * deployed war over HTTP only, so no class crosses between the two worlds.
 *
 * <p>Where the jars come from: {@code target/containers/tomcat-*} (copied by the build's
 * {@code copy-tomcats} execution) and the jetty-home distribution the build unpacks for
 * {@code JettyBaseIT}, which holds the ee8 environment.
 */
enum EmbeddedContainer {

    TOMCAT_9("Tomcat 9.0", Namespace.JAVAX),
    TOMCAT_10_1("Tomcat 10.1", Namespace.JAKARTA),
    TOMCAT_11("Tomcat 11.0", Namespace.JAKARTA),
    JETTY_12_EE8("Jetty 12 ee8", Namespace.JAVAX);

    /** Which servlet API the container implements, hence which flavour of the demo war it runs. */
    enum Namespace {
        JAVAX("zwidget.containers.javax.war"),
        JAKARTA("zwidget.containers.jakarta.war");

        final String warProperty;

        Namespace(String warProperty) {
            this.warProperty = warProperty;
        }

        /** The demo war of this namespace; fails, never skips, when the build did not make it. */
        Path war() {
            String property = System.getProperty(warProperty);
            if (property == null) {
                throw new AssertionError("system property " + warProperty + " is not set: run through"
                        + " `mvn verify` (failsafe sets it to the demo war of the " + name() + " namespace)");
            }
            Path war = Paths.get(property);
            if (!Files.isRegularFile(war)) {
                throw new AssertionError("no " + name().toLowerCase() + " demo war at " + war
                        + ": the `package` phase builds it; without it this container cannot be tested");
            }
            return war;
        }
    }

    final String label;
    final Namespace namespace;

    EmbeddedContainer(String label, Namespace namespace) {
        this.label = label;
        this.namespace = namespace;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Starts one instance serving the exploded war {@code webapp} at {@code contextPath}. */
    Running start(ClassLoader loader, Path webapp, String contextPath, Path work) throws Exception {
        Files.createDirectories(work);
        return inContext(loader, () -> this == JETTY_12_EE8
                ? startJetty(loader, webapp, contextPath, work)
                : startTomcat(loader, webapp, contextPath, work));
    }

    /** The container's jars in a new class loader, parent-last to nothing but the JDK. */
    ClassLoader newClassLoader() {
        Path dir = containersDir();
        List<Path> jars = new ArrayList<>();
        if (this == JETTY_12_EE8) {
            Path home = Paths.get(required("zwidget.jetty.home"));
            Path lib = home.resolve("lib");
            for (String jar : List.of("jetty-util", "jetty-io", "jetty-http", "jetty-server", "jetty-session",
                    "jetty-security", "jetty-xml", "jetty-ee-webapp", "jetty-ee8-nested",
                    "jetty-ee8-servlet", "jetty-ee8-security", "jetty-ee8-webapp", "jetty-ee8-apache-jsp")) {
                jars.add(lib.resolve(jar + "-" + jettyVersion(home) + ".jar"));
            }
            jars.add(lib.resolve("jetty-servlet-api-4.0.9.jar"));
            jars.addAll(jarsIn(lib.resolve("ee8-apache-jsp")));
            jars.addAll(jarsIn(lib.resolve("logging")));
        } else {
            jars.addAll(jarsIn(dir.resolve(folder())));
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new AssertionError(label + ": missing " + jar + " (the build's pre-integration-test phase"
                        + " copies the containers' jars)");
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return new URLClassLoader(label, urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    private String folder() {
        return switch (this) {
            case TOMCAT_9 -> "tomcat-9";
            case TOMCAT_10_1 -> "tomcat-10.1";
            case TOMCAT_11 -> "tomcat-11";
            case JETTY_12_EE8 -> throw new IllegalStateException("Jetty comes from jetty-home");
        };
    }

    private static Path containersDir() {
        return Paths.get(required("zwidget.containers.dir"));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new AssertionError("system property " + property + " is not set: run through `mvn verify`");
        }
        return value;
    }

    private static String jettyVersion(Path home) {
        String name = home.getFileName().toString();
        return name.substring("jetty-home-".length());
    }

    private static List<Path> jarsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Tomcat embedded: the same calls on 9.0, 10.1 and 11.0. The server's parent class loader
     * is set explicitly: by default Tomcat would hand the webapp the system class loader, i.e.
     * this test's class path with its jakarta servlet API.
     */
    private static Running startTomcat(ClassLoader loader, Path webapp, String contextPath, Path work)
            throws Exception {
        // Tomcat registers a URLStreamHandlerFactory for its war: URLs, and a JVM takes only
        // one: the second Tomcat of this JVM would fail its start ("factory already defined").
        // The webapps are exploded folders, so war: URLs are never needed.
        loader.loadClass("org.apache.catalina.webresources.TomcatURLStreamHandlerFactory").getMethod("disable")
                .invoke(null);
        Object tomcat = loader.loadClass("org.apache.catalina.startup.Tomcat").getConstructor().newInstance();
        call(tomcat, "setBaseDir", work.toString());
        call(tomcat, "setPort", 0);
        Object connector = call(tomcat, "getConnector");
        call(connector, "setProperty", "address", "127.0.0.1");
        call(call(tomcat, "getServer"), "setParentClassLoader", loader);
        Object context = call(tomcat, "addWebapp", contextPath, webapp.toString());
        call(tomcat, "start");
        Object state = call(context, "getState");
        if (!(Boolean) call(state, "isAvailable")) {
            stopQuietly(tomcat, "stop", "destroy");
            throw new AssertionError("the webapp at " + contextPath + " did not start: its state is " + state
                    + " (the container's log above says why)");
        }
        int port = (Integer) call(connector, "getLocalPort");
        return new Running(loader, URI.create("http://127.0.0.1:" + port + contextPath + "/"), () -> {
            call(tomcat, "stop");
            call(tomcat, "destroy");
            return null;
        });
    }

    /**
     * Jetty 12 ee8: a WebAppContext (an ee8 "nested" context, handed to the core server as the
     * Handler it supplies), with Jasper's initializer added by hand as the ee10 DemoServer does,
     * because annotation scanning is not configured here.
     */
    private static Running startJetty(ClassLoader loader, Path webapp, String contextPath, Path work)
            throws Exception {
        Class<?> serverType = loader.loadClass("org.eclipse.jetty.server.Server");
        Object server = serverType.getConstructor().newInstance();
        Object connector = loader.loadClass("org.eclipse.jetty.server.ServerConnector").getConstructor(serverType)
                .newInstance(server);
        call(connector, "setHost", "127.0.0.1");
        call(connector, "setPort", 0);
        invoke(server, "addConnector", new Class<?>[] {loader.loadClass("org.eclipse.jetty.server.Connector")},
                connector);
        Object context = loader.loadClass("org.eclipse.jetty.ee8.webapp.WebAppContext").getConstructor().newInstance();
        call(context, "setContextPath", contextPath);
        call(context, "setWar", webapp.toString());
        call(context, "setTempDirectory", work.toFile());
        call(context, "setThrowUnavailableOnStartupException", true);
        Object jasper = loader.loadClass("org.eclipse.jetty.ee8.apache.jsp.JettyJasperInitializer")
                .getConstructor().newInstance();
        invoke(context, "addServletContainerInitializer",
                new Class<?>[] {loader.loadClass("javax.servlet.ServletContainerInitializer")}, jasper);
        invoke(server, "setHandler", new Class<?>[] {java.util.function.Supplier.class}, context);
        call(server, "start");
        int port = (Integer) call(connector, "getLocalPort");
        return new Running(loader, URI.create("http://127.0.0.1:" + port + contextPath + "/"), () -> {
            call(server, "stop");
            return null;
        });
    }

    private static <T> T inContext(ClassLoader loader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Calls the public method {@code name} whose parameters accept {@code args}. */
    static Object call(Object target, String name, Object... args) throws Exception {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && accepts(method.getParameterTypes(), args)) {
                return invoke(target, method, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }

    private static Object invoke(Object target, String name, Class<?>[] types, Object... args) throws Exception {
        return invoke(target, target.getClass().getMethod(name, types), args);
    }

    private static Object invoke(Object target, Method method, Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static boolean accepts(Class<?>[] types, Object[] args) {
        if (types.length != args.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i].isPrimitive() ? boxed(types[i]) : types[i];
            if (args[i] != null && !type.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        return primitive;
    }

    private static void stopQuietly(Object target, String... methods) {
        for (String method : methods) {
            try {
                call(target, method);
            } catch (Exception ignored) {
                // already failing: the original error is the one to report
            }
        }
    }

    /** A started instance: its base URI (ending with the context path and a slash). */
    static final class Running implements AutoCloseable {

        private final ClassLoader loader;
        final URI base;
        private final Callable<Void> stop;

        Running(ClassLoader loader, URI base, Callable<Void> stop) {
            this.loader = loader;
            this.base = base;
            this.stop = stop;
        }

        @Override
        public void close() throws Exception {
            inContext(loader, stop);
        }
    }
}
