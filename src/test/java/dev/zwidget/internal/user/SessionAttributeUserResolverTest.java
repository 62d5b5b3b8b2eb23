package dev.zwidget.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.WidgetUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionAttributeUserResolverTest {

    public record AppUser(long id, String displayName) {
    }

    private static final String ATTRIBUTE = "currentUser";
    private static final SessionAttributeUserResolver RESOLVER = new SessionAttributeUserResolver(
            ATTRIBUTE, new UserMapper(null, PropertyPath.parse("displayName"), null, false));

    private static JettyHarness jetty;

    @BeforeAll
    static void start() throws Exception {
        jetty = new JettyHarness(Map.of(
                "/login", request -> {
                    request.getSession(true).setAttribute(ATTRIBUTE, new AppUser(1001, "Ana"));
                    return "ok";
                },
                "/touch", request -> {
                    request.getSession(true);
                    return "ok";
                },
                "/who", request -> {
                    String who = describe(RESOLVER.resolve(request));
                    return who + " session=" + (request.getSession(false) != null);
                },
                "/invalidated", SessionAttributeUserResolverTest::resolveWithInvalidatedSession));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    @Test
    void anonymousRequestDoesNotCreateASession() throws Exception {
        HttpTester.Response response = jetty.get("/who");
        assertEquals(200, response.getStatus());
        assertEquals("anonymous session=false", response.getContent());
        assertNull(response.get("Set-Cookie"), "no session cookie for an anonymous visitor");
    }

    @Test
    void findsTheUserStoredInTheSession() throws Exception {
        String cookie = JettyHarness.cookiePair(jetty.get("/login"));
        assertNotNull(cookie);
        assertTrue(cookie.startsWith("JSESSIONID="), cookie);
        HttpTester.Response response = jetty.get("/who", "Cookie", cookie);
        assertEquals("1001|Ana session=true", response.getContent());
    }

    @Test
    void sessionWithoutTheAttributeIsAnonymous() throws Exception {
        String cookie = JettyHarness.cookiePair(jetty.get("/touch"));
        assertEquals("anonymous session=true", jetty.get("/who", "Cookie", cookie).getContent());
    }

    @Test
    void sessionInvalidatedMeanwhileIsAnonymous() throws Exception {
        assertEquals("anonymous", jetty.get("/invalidated").getContent());
    }

    @Test
    void refusesAnEmptyAttributeName() {
        UserMapper mapper = new UserMapper(null, null, null, false);
        assertThrows(IllegalArgumentException.class, () -> new SessionAttributeUserResolver(" ", mapper));
        assertThrows(IllegalArgumentException.class, () -> new SessionAttributeUserResolver(null, mapper));
    }

    /** Another request invalidates the session between getSession(false) and getAttribute. */
    private static String resolveWithInvalidatedSession(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        session.setAttribute(ATTRIBUTE, new AppUser(1001, "Ana"));
        session.invalidate();
        // Make sure the real container throws here, or this test would prove nothing.
        assertThrows(IllegalStateException.class, () -> session.getAttribute(ATTRIBUTE));
        HttpServletRequest stale = new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession(boolean create) {
                return session;
            }
        };
        return describe(RESOLVER.resolve(stale));
    }

    static String describe(WidgetUser user) {
        return user == null ? "anonymous" : user.externalId() + "|" + user.name();
    }
}
