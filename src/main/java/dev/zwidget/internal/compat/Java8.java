package dev.zwidget.internal.compat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;

/**
 * The few JDK 9+ conveniences the library used, written for Java 8: the library is Java 8
 * bytecode ({@code --release 8}) because many of the applications it joins still run there.
 */
public final class Java8 {

    private static final Method GET_MODULE = method(Class.class, "getModule");
    private static final Method IS_EXPORTED = GET_MODULE == null ? null
            : method(GET_MODULE.getReturnType(), "isExported", String.class);

    private Java8() {
    }

    /** {@code String.isBlank()}: null-safe, whitespace as {@link Character#isWhitespace(int)}. */
    public static boolean isBlank(String text) {
        return text == null || strip(text).isEmpty();
    }

    /** {@code String.strip()}: removes leading and trailing Unicode whitespace. */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && Character.isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** {@code InputStream.readNBytes(max)}: up to {@code max} bytes, fewer only at end of stream. */
    public static byte[] readUpTo(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buffer = new byte[Math.min(max, 8192)];
        int total = 0;
        while (total < max) {
            int n = in.read(buffer, 0, Math.min(buffer.length, max - total));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    /** {@code InputStream.readAllBytes()}. */
    public static byte[] readAll(InputStream in) throws IOException {
        return readUpTo(in, Integer.MAX_VALUE - 8);
    }

    /**
     * Whether the module of {@code type} exports its package to everyone; always true on Java 8,
     * where there are no modules. Asked reflectively so that the bytecode stays Java 8.
     */
    public static boolean isExported(Class<?> type) {
        if (GET_MODULE == null || IS_EXPORTED == null) {
            return true;
        }
        try {
            Object module = GET_MODULE.invoke(type);
            String pkg = type.getPackage() == null ? "" : type.getPackage().getName();
            return (Boolean) IS_EXPORTED.invoke(module, pkg);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * {@code AccessibleObject.trySetAccessible()}: Java 9+ refuses members of unexported
     * packages with an unchecked exception, Java 8 only under a security manager.
     */
    public static boolean trySetAccessible(AccessibleObject member) {
        try {
            member.setAccessible(true);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Method method(Class<?> owner, String name, Class<?>... parameters) {
        try {
            return owner.getMethod(name, parameters);
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }
}
