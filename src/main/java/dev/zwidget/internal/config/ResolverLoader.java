package dev.zwidget.internal.config;

import dev.zwidget.UserResolver;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the application's {@link UserResolver} named in the {@code userResolver} init-param.
 * Problems name the class and, for failures inside the application's code, only the type of
 * the exception: its message and stack trace belong in the application's own logs, not in a
 * configuration report that may be shown to whoever deploys the application.
 */
final class ResolverLoader {

    private static final String PARAM = InitParams.USER_RESOLVER;

    private ResolverLoader() {
    }

    /** A new instance of the named class, created through its public no-argument constructor. */
    static UserResolver create(String className, ClassLoader fallbackLoader) throws ConfigProblem {
        Class<?> type = find(className, fallbackLoader);
        if (!UserResolver.class.isAssignableFrom(type)) {
            throw new ConfigProblem(PARAM + ": " + className + " does not implement "
                    + UserResolver.class.getName() + copyHint(type));
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new ConfigProblem(PARAM + ": " + className + " is abstract, so it cannot be created");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new ConfigProblem(PARAM + ": " + className + " has no public no-argument constructor");
        }
        try {
            return (UserResolver) constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new ConfigProblem(PARAM + ": the constructor of " + className + " threw "
                    + e.getCause().getClass().getName());
        } catch (ExceptionInInitializerError e) {
            throw new ConfigProblem(PARAM + ": the static initializer of " + className + " threw "
                    + (e.getCause() == null ? e.getClass().getName() : e.getCause().getClass().getName()));
        } catch (IllegalAccessException e) {
            // A public constructor in a class that is not itself public.
            throw new ConfigProblem(PARAM + ": " + className + " is not a public class");
        } catch (InstantiationException e) {
            throw new ConfigProblem(PARAM + ": " + className + " cannot be instantiated");
        }
    }

    /**
     * The context class loader comes first because it is the web application's own loader
     * in every mainstream container, and the resolver lives in the application. The fallback
     * covers containers or tests that run the filter without a context loader, or with one
     * that cannot see the application's classes.
     */
    private static Class<?> find(String className, ClassLoader fallbackLoader) throws ConfigProblem {
        List<ClassLoader> loaders = new ArrayList<>(2);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        ClassLoader fallback = fallbackLoader != null ? fallbackLoader : ResolverLoader.class.getClassLoader();
        if (fallback != null && fallback != context) {
            loaders.add(fallback);
        }
        LinkageError brokenClass = null;
        for (ClassLoader loader : loaders) {
            try {
                // Not initialized yet: a class that turns out not to be a UserResolver must not
                // get to run its static initializer.
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException e) {
                // try the next loader
            } catch (LinkageError e) {
                // Found, but a class it depends on is missing or incompatible.
                brokenClass = e;
            }
        }
        if (brokenClass != null) {
            throw new ConfigProblem(PARAM + ": class " + className + " cannot be loaded: "
                    + brokenClass.getClass().getName());
        }
        throw new ConfigProblem(PARAM + ": class " + className + " not found");
    }

    /**
     * When the class implements an interface that is called dev.zwidget.UserResolver but is not
     * ours, the library jar is on the class path twice (for example in WEB-INF/lib and in the
     * container's lib): a baffling error without this hint.
     */
    private static String copyHint(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> implemented : c.getInterfaces()) {
                if (implemented.getName().equals(UserResolver.class.getName())) {
                    return " (it implements another copy of that interface: is the library's jar"
                            + " deployed twice, for example in WEB-INF/lib and in the container?)";
                }
            }
        }
        return "";
    }
}
