package dev.zwidget.internal.html;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the container's own stream and writer do for the overloads a wrapper must reproduce when
 * the page's bytes go through the splice instead of through the container's method: whether its
 * stream encodes {@code print(String)} with the response charset, and whether its writer formats
 * {@code printf}/{@code format} with the response locale. Asked once per container class.
 */
final class ContainerPrint {

    private static final Map<Class<?>, Boolean> PRINT_OVERRIDDEN = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Boolean> FORMAT_OVERRIDDEN = new ConcurrentHashMap<>();

    private ContainerPrint() {
    }

    /** Whether {@code stream} has its own {@code print(String)} (Jetty: response charset). */
    static boolean encodesWithCharset(Object stream) {
        return PRINT_OVERRIDDEN.computeIfAbsent(stream.getClass(),
                type -> declaredBelow(type, "print", String.class));
    }

    /** Whether {@code writer} has its own {@code format(String, Object...)} (Jetty: response locale). */
    static boolean formatsWithResponseLocale(PrintWriter writer) {
        return FORMAT_OVERRIDDEN.computeIfAbsent(writer.getClass(),
                type -> declaredBelow(type, "format", String.class, Object[].class));
    }

    private static boolean declaredBelow(Class<?> type, String name, Class<?>... parameters) {
        try {
            String owner = type.getMethod(name, parameters).getDeclaringClass().getName();
            return !owner.equals("java.io.PrintWriter") && !owner.endsWith(".servlet.ServletOutputStream");
        } catch (NoSuchMethodException | RuntimeException e) {
            return false;
        }
    }
}
