package dev.zwidget.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PrincipalUserResolverTest {

    /** A principal as security frameworks provide it: a name plus richer details. */
    public record DetailedPrincipal(String name, long accountNumber) implements Principal {
        @Override
        public String getName() {
            return name;
        }
    }

    private static final PrincipalUserResolver BY_NAME =
            new PrincipalUserResolver(new UserMapper(null, null, null, false));
    private static final PrincipalUserResolver BY_ACCOUNT = new PrincipalUserResolver(
            new UserMapper(PropertyPath.parse("accountNumber"), PropertyPath.parse("name"), null, false));

    private static JettyHarness jetty;

    @BeforeAll
    static void start() throws Exception {
        jetty = new JettyHarness(Map.of(
                "/by-name", request -> SessionAttributeUserResolverTest.describe(
                        BY_NAME.resolve(authenticated(request))),
                "/by-account", request -> SessionAttributeUserResolverTest.describe(
                        BY_ACCOUNT.resolve(authenticated(request)))));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    /** Plays the part of a security filter: the X-Test-User header names the signed-in user. */
    private static HttpServletRequest authenticated(HttpServletRequest request) {
        String user = request.getHeader("X-Test-User");
        Principal principal = user == null ? null : new DetailedPrincipal(user, 1001L);
        return new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }
        };
    }

    @Test
    void principalNameIsTheDefaultExternalId() throws Exception {
        HttpTester.Response response = jetty.get("/by-name", "X-Test-User", "ana");
        assertEquals("ana|null", response.getContent());
    }

    @Test
    void configuredPathIsReadOnThePrincipal() throws Exception {
        assertEquals("1001|ana", jetty.get("/by-account", "X-Test-User", "ana").getContent());
    }

    @Test
    void noPrincipalIsAnonymous() throws Exception {
        HttpTester.Response response = jetty.get("/by-name");
        assertEquals("anonymous", response.getContent());
        assertNull(response.get("Set-Cookie"));
    }
}
