package dev.zwidget.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library compiles against Servlet 6.0, but Tomcat 11 and Jetty 12.1 implement 6.1: a class
 * of ours that implements the response interface must have every method 6.1 declares abstract
 * (or a 6.1 container's call fails with AbstractMethodError), and our wrapper must see the 6.1
 * redirect overloads (which 6.1's own wrapper passes straight on, past our bookkeeping).
 */
class NewestServletApiTest {

    private static List<Method> abstractMethodsOf61(String interfaceName) throws Exception {
        Path dir = Paths.get(System.getProperty("zwidget.servletApi61", "target/servlet-api-6.1"));
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.collect(Collectors.toList())) {
                jars.add(jar.toUri().toURL());
            }
        }
        assertEquals(1, jars.size(), "servlet-api 6.1 in " + dir);
        try (URLClassLoader api = new URLClassLoader(jars.toArray(new URL[0]), null)) {
            List<Method> found = new ArrayList<>();
            for (Method m : api.loadClass(interfaceName).getMethods()) {
                if (Modifier.isAbstract(m.getModifiers())) {
                    found.add(m);
                }
            }
            return found;
        }
    }

    private static boolean declares(Class<?> type, Method wanted) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(wanted.getName()) && Arrays.equals(names(m.getParameterTypes()),
                    names(wanted.getParameterTypes())) && !Modifier.isAbstract(m.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    private static String[] names(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getName).toArray(String[]::new);
    }

    @Test
    void tomcatsForwardResponseImplementsEveryAbstractMethodOfServlet61() throws Exception {
        List<Method> abstracts = abstractMethodsOf61("jakarta.servlet.http.HttpServletResponse");
        assertTrue(abstracts.size() > 30, abstracts.toString());
        List<String> missing = abstracts.stream().filter(m -> !declares(TomcatForward.class, m))
                .map(Method::toString).collect(Collectors.toList());
        assertEquals(List.of(), missing);
    }

    @Test
    void theWidgetResponseHandlesServlet61RedirectOverloadsItself() throws Exception {
        for (Class<?>[] parameters : List.of(new Class<?>[] {String.class, int.class, boolean.class},
                new Class<?>[] {String.class, int.class}, new Class<?>[] {String.class, boolean.class})) {
            Method m = WidgetResponse.class.getMethod("sendRedirect", parameters);
            // Ours (javac bridges GatedResponse's public methods into the public subclass), not the
            // container API's HttpServletResponseWrapper, which does not exist in 6.0 anyway.
            assertTrue(m.getDeclaringClass() == GatedResponse.class || m.getDeclaringClass() == WidgetResponse.class,
                    m.toString());
        }
    }
}
