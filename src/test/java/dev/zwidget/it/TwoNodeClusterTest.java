package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.session.DatabaseAdaptor;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.eclipse.jetty.session.JDBCSessionDataStore;
import org.eclipse.jetty.session.NullSessionCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter keeps no visitor state on a node: two application nodes that share their sessions
 * the way clustered legacy applications do (Jetty's JDBC session store on one database, no
 * session cache, so every request reads the store) and a browser that goes to either node.
 */
class TwoNodeClusterTest {

    static final String PAGE = "<html><body><p>orders</p></body></html>";
    static final String LOGOUT = "zE('messenger','logoutUser')";
    static final String LOGOUT_THEN_LOGIN = "zE('messenger','logoutUser');zE('messenger','loginUser',";

    private static WidgetServer nodeA;
    private static WidgetServer nodeB;

    @BeforeAll
    static void start() throws Exception {
        nodeA = node("nodeA");
        nodeB = node("nodeB");
    }

    @AfterAll
    static void stop() throws Exception {
        nodeA.close();
        nodeB.close();
    }

    private static WidgetServer node(String name) throws Exception {
        return new WidgetServer()
                .page("/home", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(PAGE);
                })
                .customize((server, context) -> shareSessions(server, context, name))
                .start();
    }

    private static void shareSessions(Server server, ServletContextHandler context, String worker) {
        DefaultSessionIdManager ids = new DefaultSessionIdManager(server);
        ids.setWorkerName(worker);
        server.addBean(ids, true);
        SessionHandler sessions = context.getSessionHandler();
        NullSessionCache cache = new NullSessionCache(sessions);
        DatabaseAdaptor database = new DatabaseAdaptor();
        database.setDriverInfo("org.h2.Driver", "jdbc:h2:mem:zwidget-cluster;DB_CLOSE_DELAY=-1");
        JDBCSessionDataStore store = new JDBCSessionDataStore();
        store.setDatabaseAdaptor(database);
        // Written on every request, so the other node never reads an older copy of a session.
        store.setSavePeriodSec(0);
        cache.setSessionDataStore(store);
        cache.setSaveOnCreate(true);
        sessions.setSessionCache(cache);
    }

    private static String block(HttpTester.Response response) {
        return Spliced.insertedBlock(PAGE.getBytes(StandardCharsets.UTF_8), response.getContentBytes());
    }

    @Test
    void signedInOnOneNodeTheVisitorIsSignedInOnTheOtherAndTheTokenRefreshesThere() throws Exception {
        Browser onA = new Browser(nodeA);
        Browser onB = onA.on(nodeB);
        onA.get("/login?user=alice");
        Tokens.verifyFor(Spliced.assertLoginBlock(block(onB.get("/home")), null), "1001");
        HttpTester.Response refresh = onB.post("/zendesk-widget/token", "X-Requested-With: XMLHttpRequest",
                "Content-Length: 0");
        assertEquals(200, refresh.getStatus());
        Tokens.verifyFor((String) Tokens.json(refresh.getContent()).get("jwt"), "1001");
        Tokens.verifyFor(Spliced.assertLoginBlock(block(onA.get("/home")), null), "1001");
    }

    @Test
    void signedOutOnOneNodeTheNextPageOnTheOtherCallsLogoutUser() throws Exception {
        Browser onA = new Browser(nodeA);
        Browser onB = onA.on(nodeB);
        onA.get("/login?user=alice");
        onA.get("/home");
        onB.get("/logout");
        String block = block(onA.get("/home"));
        assertTrue(block.contains(LOGOUT), block);
        assertFalse(Tokens.hasToken(block), block);
        HttpTester.Response report = onB.post("/zendesk-widget/token", "X-Requested-With: XMLHttpRequest",
                "Content-Length: 0");
        assertEquals(401, report.getStatus(), "the session is gone on every node");
        assertEquals(Spliced.SNIPPET_TAG, block(onA.get("/home")), "then anonymous, on either node");
    }

    @Test
    void aNewVisitorSigningInOnTheOtherNodeSignsThePreviousOneOutFirst() throws Exception {
        Browser onA = new Browser(nodeA);
        Browser onB = onA.on(nodeB);
        onA.get("/login?user=alice");
        Tokens.verifyFor(Spliced.assertLoginBlock(block(onA.get("/home")), null), "1001");
        onB.get("/logout");
        onB.get("/login?user=bob");
        String block = block(onA.get("/home"));
        assertTrue(block.contains(LOGOUT_THEN_LOGIN), block);
        Tokens.verifyFor(Tokens.inPage(block), "1002");
    }
}
