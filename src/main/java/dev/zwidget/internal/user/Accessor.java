package dev.zwidget.internal.user;

import dev.zwidget.internal.compat.Java8;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How one property name is read on one class: found once by {@link #find}, then reused by every
 * request. A name that matches nothing yields an accessor that fails on every read, so a
 * misconfigured path is reported clearly each time without repeating the reflective search.
 */
abstract class Accessor {

    abstract Object read(Object target, String path);

    static Accessor find(Class<?> type, String name) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        List<String> unreachable = new ArrayList<>();
        Method method = method(type, "get" + capitalized, false, unreachable);
        if (method == null) {
            method = method(type, "is" + capitalized, true, unreachable);
        }
        if (method == null) {
            // Records and "fluent" classes expose the value through a method named like it.
            method = method(type, name, false, unreachable);
        }
        if (method != null) {
            return new MethodAccessor(method);
        }
        Field field = field(type, name, unreachable);
        if (field != null) {
            return new FieldAccessor(field);
        }
        String problem;
        if (unreachable.isEmpty()) {
            problem = "no property '" + name + "' on " + type.getName() + " (tried get"
                    + capitalized + "(), is" + capitalized + "(), " + name + "(), field " + name + ")";
        } else {
            problem = "property '" + name + "' on " + type.getName() + " cannot be read: "
                    + String.join(", ", unreachable) + " is public but the class is not, no public"
                    + " supertype declares it and reflective access was refused";
        }
        return new Missing(problem);
    }

    private static Method method(Class<?> type, String methodName, boolean booleanOnly,
            List<String> unreachable) {
        Method method;
        try {
            method = type.getMethod(methodName);
        } catch (NoSuchMethodException e) {
            return null;
        }
        Class<?> returns = method.getReturnType();
        if (Modifier.isStatic(method.getModifiers()) || returns == void.class
                || (booleanOnly && returns != boolean.class && returns != Boolean.class)) {
            return null;
        }
        Method usable = reachable(type, method);
        if (usable == null) {
            unreachable.add(methodName + "()");
        }
        return usable;
    }

    /**
     * Legacy applications often keep their user class package-private with public getters.
     * Calling such a method reflectively fails unless it is reached through a public type that
     * declares it (an interface, a public superclass); the call still dispatches to the
     * override. Only when no such type exists do we ask for reflective access.
     */
    private static Method reachable(Class<?> type, Method method) {
        if (isPublicApi(method.getDeclaringClass())) {
            return method;
        }
        for (Class<?> supertype : supertypes(type)) {
            if (!isPublicApi(supertype)) {
                continue;
            }
            try {
                Method declared = supertype.getMethod(method.getName());
                if (isPublicApi(declared.getDeclaringClass())
                        && !Modifier.isStatic(declared.getModifiers())) {
                    return declared;
                }
            } catch (NoSuchMethodException e) {
                // not declared on this supertype; keep looking
            }
        }
        return forceAccess(method) ? method : null;
    }

    private static Field field(Class<?> type, String name, List<String> unreachable) {
        Field field;
        try {
            field = type.getField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
        if (Modifier.isStatic(field.getModifiers())) {
            return null;
        }
        if (isPublicApi(field.getDeclaringClass()) || forceAccess(field)) {
            return field;
        }
        unreachable.add("field " + name);
        return null;
    }

    private static boolean forceAccess(AccessibleObject member) {
        try {
            return Java8.trySetAccessible(member);
        } catch (SecurityException e) {
            return false;
        }
    }

    /** Public, inside public enclosing classes, and in a package its module exports. */
    private static boolean isPublicApi(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return Java8.isExported(type);
    }

    private static List<Class<?>> supertypes(Class<?> type) {
        List<Class<?>> found = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            Class<?> current = pending.removeFirst();
            if (!seen.add(current)) {
                continue;
            }
            if (current != type) {
                found.add(current);
            }
            if (current.getSuperclass() != null) {
                pending.add(current.getSuperclass());
            }
            for (Class<?> implemented : current.getInterfaces()) {
                pending.add(implemented);
            }
        }
        return found;
    }

    private static final class MethodAccessor extends Accessor {
        private final Method method;

        MethodAccessor(Method method) {
            this.method = method;
        }

        @Override
        Object read(Object target, String path) {
            try {
                return method.invoke(target);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IllegalStateException("reading '" + path + "': " + method.getName()
                        + "() of " + target.getClass().getName() + " threw "
                        + cause.getClass().getName(), cause);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("reading '" + path + "': " + method.getName()
                        + "() of " + target.getClass().getName() + " is not accessible", e);
            }
        }
    }

    private static final class FieldAccessor extends Accessor {
        private final Field field;

        FieldAccessor(Field field) {
            this.field = field;
        }

        @Override
        Object read(Object target, String path) {
            try {
                return field.get(target);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("reading '" + path + "': field " + field.getName()
                        + " of " + target.getClass().getName() + " is not accessible", e);
            }
        }
    }

    private static final class Missing extends Accessor {
        private final String problem;

        Missing(String problem) {
            this.problem = problem;
        }

        @Override
        Object read(Object target, String path) {
            throw new IllegalArgumentException(problem + " (path '" + path + "')");
        }
    }
}
