package dev.zwidget.internal.config;

import static dev.zwidget.internal.config.Configs.failure;
import static dev.zwidget.internal.config.Configs.parse;
import static dev.zwidget.internal.config.Configs.with;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.UserResolver;
import dev.zwidget.WidgetUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserResolverSettingTest {

    public static class GoodResolver implements UserResolver {
        @Override
        public WidgetUser resolve(HttpServletRequest request) {
            return WidgetUser.of("42");
        }
    }

    public static class NeedsArgument implements UserResolver {
        public NeedsArgument(String ignored) {
        }

        @Override
        public WidgetUser resolve(HttpServletRequest request) {
            return null;
        }
    }

    public static class ThrowingResolver implements UserResolver {
        public ThrowingResolver() {
            throw new IllegalStateException("database password is hunter2");
        }

        @Override
        public WidgetUser resolve(HttpServletRequest request) {
            return null;
        }
    }

    public abstract static class AbstractResolver implements UserResolver {
    }

    public static class NotAResolver {
    }

    private static String name(Class<?> type) {
        return type.getName();
    }

    @Test
    void validResolverClassIsCreated() throws Exception {
        FilterSettings s = parse(with("userResolver", name(GoodResolver.class)));
        assertInstanceOf(GoodResolver.class, s.userResolver());
        assertTrue(s.toString().contains("userResolver=" + name(GoodResolver.class)));
    }

    @Test
    void fallbackLoaderIsUsedWithoutAContextClassLoader() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(null);
        try {
            FilterSettings s = parse(with("userResolver", name(GoodResolver.class)));
            assertInstanceOf(GoodResolver.class, s.userResolver());
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    @Test
    void missingClassIsReported() {
        assertTrue(failure(with("userResolver", "com.example.NoSuchResolver"))
                .contains("userResolver: class com.example.NoSuchResolver not found"));
    }

    @Test
    void classOfTheWrongTypeIsReported() {
        assertTrue(failure(with("userResolver", name(NotAResolver.class)))
                .contains("userResolver: " + name(NotAResolver.class) + " does not implement dev.zwidget.UserResolver"));
    }

    @Test
    void classWithoutNoArgumentConstructorIsReported() {
        assertTrue(failure(with("userResolver", name(NeedsArgument.class)))
                .contains(name(NeedsArgument.class) + " has no public no-argument constructor"));
    }

    @Test
    void abstractClassIsReported() {
        assertTrue(failure(with("userResolver", name(AbstractResolver.class))).contains("is abstract"));
    }

    @Test
    void throwingConstructorIsReportedByExceptionTypeOnly() {
        String message = failure(with("userResolver", name(ThrowingResolver.class)));
        assertTrue(message.contains("userResolver: the constructor of " + name(ThrowingResolver.class)
                + " threw java.lang.IllegalStateException"), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sessionAttribute=user", "externalId=id", "name=fullName", "email=mail",
            "emailVerified=verified"})
    void resolverTogetherWithBuiltInLookupSettingsIsAnError(String setting) {
        String[] pair = setting.split("=");
        Map<String, String> params = with("userResolver", name(GoodResolver.class));
        params.put(pair[0], pair[1]);
        String message = failure(params);
        assertTrue(message.contains("userResolver cannot be combined with " + pair[0]
                + ": the resolver alone decides who is signed in"), message);
    }

    @Test
    void everyConflictingSettingIsNamed() {
        Map<String, String> params = with("userResolver", name(GoodResolver.class));
        params.put("sessionAttribute", "user");
        params.put("email", "mail");
        assertTrue(failure(params).contains("cannot be combined with sessionAttribute, email:"));
    }

    @Test
    void resolverWithAConstantEmailVerifiedIsAllowed() throws Exception {
        Map<String, String> params = with("userResolver", name(GoodResolver.class));
        params.put("emailVerified", "false");
        assertInstanceOf(GoodResolver.class, parse(params).userResolver());
    }
}
