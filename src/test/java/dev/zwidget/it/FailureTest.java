package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.UserResolver;
import dev.zwidget.WidgetUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What happens when the configuration is wrong, or resolving the visitor fails at run time. */
class FailureTest {

    static final String PAGE = "<html><body>page</body></html>";

    /** A resolver that fails on every request, as a broken integration would. */
    public static final class BrokenResolver implements UserResolver {
        @Override
        public WidgetUser resolve(HttpServletRequest request) {
            throw new IllegalStateException("directory unavailable");
        }
    }

    /** A resolver whose ids are too long for Zendesk. */
    public static final class LongIdResolver implements UserResolver {
        @Override
        public WidgetUser resolve(HttpServletRequest request) {
            return WidgetUser.of("x".repeat(256));
        }
    }

    /** A user object whose getter fails with an Error, as an assertion or a half-deployed class does. */
    public static final class AssertingUser {
        public String getId() {
            throw new AssertionError("user id not loaded");
        }
    }

    /** A resolver failing with a LinkageError, as a class missing from a partial deployment does. */
    public static final class HalfDeployedResolver implements UserResolver {
        @Override
        public WidgetUser resolve(HttpServletRequest request) {
            throw new NoClassDefFoundError("com/example/Directory");
        }
    }

    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
            records.add(logRecord);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger logger = Logger.getLogger("dev.zwidget.ZendeskWidgetFilter");

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    private static WidgetServer pageServer() {
        return new WidgetServer().page("/home", (req, res) -> {
            res.setContentType("text/html");
            res.getWriter().write(PAGE);
        });
    }

    @Test
    void aFailingResolverLeavesEveryPageUntouchedAndIsLoggedOnce() throws Exception {
        try (WidgetServer server = pageServer().param("sessionAttribute", null).param("name", null)
                .param("email", null).param("userResolver", BrokenResolver.class.getName()).start()) {
            for (int i = 0; i < 5; i++) {
                HttpTester.Response response = server.get("/home");
                assertEquals(200, response.getStatus());
                assertEquals(PAGE, response.getContent());
            }
            assertEquals(1, problems().size(), "logged once, not once per request");
            assertTrue(problems().get(0).getMessage().contains(BrokenResolver.class.getName()));
            assertLogFreeOfSecret();
            HttpTester.Response token = server.request("POST", "/zendesk-widget/token",
                    "X-Requested-With: XMLHttpRequest", "Content-Length: 0");
            assertEquals(503, token.getStatus());
        }
    }

    @Test
    void anErrorFromAUserGetterLeavesThePageUntouchedAndTheTokenEndpointAnswers503() throws Exception {
        WidgetServer server = pageServer().param("externalId", "id");
        server.page("/login-asserting", (req, res) -> req.getSession(true).setAttribute("user", new AssertingUser()));
        try (WidgetServer started = server.start()) {
            Browser browser = new Browser(started);
            browser.get("/login-asserting");
            HttpTester.Response page = browser.get("/home");
            assertEquals(200, page.getStatus());
            assertEquals(PAGE, page.getContent());
            HttpTester.Response token = browser.tokenRequest();
            assertEquals(503, token.getStatus());
            assertTrue(problems().get(0).getMessage().contains("failed"), problems().get(0).getMessage());
        }
    }

    @Test
    void aLinkageErrorFromTheResolverLeavesThePageUntouched() throws Exception {
        try (WidgetServer server = pageServer().param("sessionAttribute", null).param("name", null)
                .param("email", null).param("userResolver", HalfDeployedResolver.class.getName()).start()) {
            HttpTester.Response page = server.get("/home");
            assertEquals(200, page.getStatus());
            assertEquals(PAGE, page.getContent());
            assertEquals(503, server.request("POST", "/zendesk-widget/token",
                    "X-Requested-With: XMLHttpRequest", "Content-Length: 0").getStatus());
        }
    }

    @Test
    void anExternalIdLongerThan255CharactersMakesTheVisitorAnonymous() throws Exception {
        try (WidgetServer server = pageServer().param("sessionAttribute", null).param("name", null)
                .param("email", null).param("userResolver", LongIdResolver.class.getName()).start()) {
            String body = server.get("/home").getContent();
            assertEquals(PAGE.replace("</body>", Spliced.SNIPPET_TAG + "</body>"), body);
            server.get("/home");
            assertEquals(1, problems().size());
            assertTrue(problems().get(0).getMessage().contains("255"));
        }
    }

    @Test
    void aBadConfigurationStopsTheApplicationWithOneMessageNamingEveryProblem() {
        WidgetServer server = pageServer().param("widgetKey", "bad key\"><script>").param("keyId", null)
                .param("tokenTtl", "forever");
        Exception failure = assertThrows(Exception.class, server::start);
        Throwable cause = failure;
        while (!(cause instanceof ServletException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        assertTrue(message.contains("zendesk-widget"), message);
        assertTrue(message.contains("widgetKey"), message);
        assertTrue(message.contains("keyId"), message);
        assertTrue(message.contains("tokenTtl"), message);
        assertFalse(message.contains(WidgetServer.SECRET), message);
        try {
            server.close();
        } catch (Exception ignored) {
            // the server never started
        }
    }

    @Test
    void theStartIsLoggedOnceAtInfoWithTheConfigurationAndWhereTheSecretComesFromNeverItsValue() throws Exception {
        System.setProperty("zwidget.test.secret", WidgetServer.SECRET);
        try (WidgetServer server = pageServer().param("secret", "${sys:zwidget.test.secret}").start()) {
            List<LogRecord> info = new ArrayList<>();
            for (LogRecord logRecord : records) {
                if (logRecord.getLevel() == java.util.logging.Level.INFO) {
                    info.add(logRecord);
                }
            }
            assertEquals(1, info.size());
            String line = info.get(0).getMessage();
            assertTrue(line.startsWith("ZendeskWidgetFilter 'zendesk-widget' started in /app/: "), line);
            assertTrue(line.contains("keyId=" + WidgetServer.KEY_ID), line);
            assertTrue(line.endsWith("secret of " + WidgetServer.SECRET.length()
                    + " bytes from system property zwidget.test.secret"), line);
            assertLogFreeOfSecret();
        } finally {
            System.clearProperty("zwidget.test.secret");
        }
    }

    @Test
    void enabledFalseTurnsTheFilterIntoAPassThrough() throws Exception {
        try (WidgetServer server = pageServer().param("enabled", "false").param("widgetKey", null).start()) {
            Browser browser = new Browser(server);
            browser.get("/login?user=alice");
            assertEquals(PAGE, browser.get("/home").getContent());
        }
    }

    /** What was logged at WARNING or above: the start-up line at INFO is not a problem. */
    private List<LogRecord> problems() {
        List<LogRecord> problems = new ArrayList<>();
        for (LogRecord logRecord : records) {
            if (logRecord.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                problems.add(logRecord);
            }
        }
        return problems;
    }

    private void assertLogFreeOfSecret() {
        for (LogRecord logRecord : records) {
            assertFalse(String.valueOf(logRecord.getMessage()).contains(WidgetServer.SECRET));
            if (logRecord.getThrown() != null) {
                assertFalse(String.valueOf(logRecord.getThrown()).contains(WidgetServer.SECRET));
            }
        }
    }
}
