package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST {context}/zendesk-widget/token}, which the page script calls for a fresh token. */
class TokenEndpointTest {

    private static final String TOKEN_PATH = "/zendesk-widget/token";
    private static final String XHR = "X-Requested-With: XMLHttpRequest";

    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new WidgetServer().start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void givesASignedInVisitorAFreshVerifiableTokenThatIsNotStored() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=bob");
        HttpTester.Response response = browser.post(TOKEN_PATH, XHR, "Content-Length: 0");
        assertEquals(200, response.getStatus());
        assertEquals("application/json;charset=utf-8", response.get("Content-Type").replace(" ", "").toLowerCase());
        assertEquals("no-store", response.get("Cache-Control"));
        Map<String, Object> json = Tokens.json(response.getContent());
        assertEquals(1, json.size());
        Tokens.verifyFor((String) json.get("jwt"), "1002");
        assertEquals(response.getContentBytes().length, response.getLongField("Content-Length"));
    }

    @Test
    void answers401WhenNobodyIsSignedIn() throws Exception {
        HttpTester.Response response = new Browser(server).post(TOKEN_PATH, XHR, "Content-Length: 0");
        assertEquals(401, response.getStatus());
        assertEquals("no-store", response.get("Cache-Control"));
        assertFalse(response.getContent().contains("jwt"));
    }

    @Test
    void refusesAPostWithoutTheHeaderACrossSiteFormCannotSend() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        HttpTester.Response response = browser.post(TOKEN_PATH, "Content-Type: application/x-www-form-urlencoded",
                "Content-Length: 0");
        assertEquals(403, response.getStatus());
        assertFalse(response.getContent().contains("eyJ"));
    }

    @Test
    void refusesGetWith405() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        HttpTester.Response response = browser.get(TOKEN_PATH, XHR);
        assertEquals(405, response.getStatus());
        assertEquals("POST", response.get("Allow"));
        assertFalse(response.getContent().contains("eyJ"));
    }
}
