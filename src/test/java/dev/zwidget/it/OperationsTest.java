package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/** What an operator sees: the filter's MBean over the platform MBean server, and the log. */
class OperationsTest {

    static final String PAGE = "<html><body>page</body></html>";
    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    private static WidgetServer server() {
        return new WidgetServer().param("excludePaths", "/admin/*")
                .page("/home", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(PAGE);
                })
                .page("/admin/report", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(PAGE);
                })
                .page("/data", (req, res) -> {
                    res.setContentType("application/json");
                    res.getWriter().write("{}");
                });
    }

    private Set<ObjectName> filters() throws Exception {
        return jmx.queryNames(new ObjectName("dev.zwidget:type=ZendeskWidgetFilter,*"), null);
    }

    private static long count(Object tabular, String key) {
        for (Object row : ((TabularData) tabular).values()) {
            CompositeData entry = (CompositeData) row;
            if (key.equals(entry.get("key"))) {
                return (Long) entry.get("value");
            }
        }
        return 0;
    }

    @Test
    void theMBeanCountsWhatTheFilterDidAndNamesNoSecret() throws Exception {
        Set<ObjectName> others = filters();
        try (WidgetServer server = server().start()) {
            ObjectName name = new ObjectName("dev.zwidget:type=ZendeskWidgetFilter,context=\"/app\",name=\"zendesk-widget\"");
            assertTrue(jmx.isRegistered(name), filters().toString());
            Browser anonymous = new Browser(server);
            anonymous.get("/home");
            anonymous.get("/data");
            anonymous.get("/admin/report");
            Browser alice = new Browser(server);
            alice.get("/login?user=alice");
            alice.get("/home");
            alice.get("/home");
            alice.tokenRequest();
            alice.get("/logout");
            alice.get("/home");
            alice.tokenRequest();

            assertEquals(4L, jmx.getAttribute(name, "PagesSpliced"), "anonymous, login, login, logout");
            assertEquals(3L, jmx.getAttribute(name, "TokensMinted"), "two pages and one endpoint answer");
            assertEquals(1L, jmx.getAttribute(name, "LogoutsSent"));
            Object outcomes = jmx.getAttribute(name, "PagesByOutcome");
            assertEquals(2, count(outcomes, "login"));
            assertEquals(1, count(outcomes, "anonymous"));
            assertEquals(1, count(outcomes, "logout"));
            Object skipped = jmx.getAttribute(name, "SkippedByReason");
            assertEquals(1, count(skipped, "excluded path"), skipped.toString());
            assertTrue(((TabularData) skipped).size() >= 2, "the JSON response is counted too: " + skipped);
            Object endpoint = jmx.getAttribute(name, "TokenEndpointAnswers");
            assertEquals(1, count(endpoint, "200"));
            assertEquals(1, count(endpoint, "401"));
            assertEquals(0L, jmx.getAttribute(name, "ResolverErrors"));
            assertEquals("", jmx.getAttribute(name, "MintingDisabledBecause"));
            String configuration = (String) jmx.getAttribute(name, "Configuration");
            assertTrue(configuration.contains(WidgetServer.KEY_ID), configuration);
            assertFalse(configuration.contains(WidgetServer.SECRET), configuration);
        }
        assertEquals(others, filters(), "unregistered on destroy()");
    }

    @Test
    void twoFiltersInOneJvmDoNotCollide() throws Exception {
        Set<ObjectName> others = filters();
        try (WidgetServer one = server().start(); WidgetServer two = server().start()) {
            Set<ObjectName> names = new java.util.HashSet<>(filters());
            names.removeAll(others);
            assertEquals(2, names.size(), names.toString());
            List<ObjectName> list = new ArrayList<>(names);
            assertNotEquals(list.get(0), list.get(1));
        }
    }

    @Test
    void atFineEveryPageSaysWhatItGotAndWhy() throws Exception {
        List<String> lines;
        try (LogCapture log = new LogCapture(Level.FINE); WidgetServer server = server().start()) {
            new Browser(server).get("/home");
            new Browser(server).get("/admin/report");
            lines = log.messages(Level.FINE);
        }
        assertTrue(lines.contains("Zendesk widget: GET /app/home -> anonymous"), lines.toString());
        assertTrue(lines.contains("Zendesk widget: GET /app/admin/report -> none; excluded path"), lines.toString());
    }
}
