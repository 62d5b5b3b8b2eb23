package dev.zwidget.internal.html;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls the Servlet 6.1 {@code sendRedirect} overloads on the container's response. The library
 * is compiled against the API common to Servlet 3.1 and 6.1, but on a 6.1 container an
 * application may call these overloads on the filter's wrappers, which must pass them on (a
 * wrapper class that lacks them would fail with AbstractMethodError, or skip the filter's own
 * bookkeeping). Only reachable on a container whose API has them.
 */
final class NewerServletApi {

    private NewerServletApi() {
    }

    static void sendRedirect(Object response, String location, int sc, boolean clearBuffer) throws IOException {
        call(response, new Class<?>[] {String.class, int.class, boolean.class}, location, sc, clearBuffer);
    }

    static void sendRedirect(Object response, String location, int sc) throws IOException {
        call(response, new Class<?>[] {String.class, int.class}, location, sc);
    }

    static void sendRedirect(Object response, String location, boolean clearBuffer) throws IOException {
        call(response, new Class<?>[] {String.class, boolean.class}, location, clearBuffer);
    }

    private static void call(Object response, Class<?>[] types, Object... args) throws IOException {
        Method method;
        try {
            method = response.getClass().getMethod("sendRedirect", types);
        } catch (NoSuchMethodException e) {
            throw new UnsupportedOperationException("this container's response has no such sendRedirect", e);
        }
        try {
            method.invoke(response, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
