package dev.zwidget.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Responses that are not pages, {@code /api/orders} (JSON) and {@code /export.csv} (a
 * download), pass through for a signed-in visitor exactly as the servlet wrote them: the same
 * bytes ({@link Orders} computes them here too), and the same headers as with the filter off.
 */
@ExtendWith(DemoServer.Extension.class)
class DemoUntouchedTest {

    @Test
    void ordersJsonIsExactlyWhatTheServletWrote(DemoServer demo) throws Exception {
        Page json = Visitor.signedIn(demo, "alice").get("/api/orders");
        assertEquals(200, json.status());
        assertArrayEquals(Orders.json(Widget.ALICE).getBytes(StandardCharsets.UTF_8), json.bytes());
        assertSameHeaders(Visitor.signedIn(demo.withoutFilter(), "alice").get("/api/orders"), json);
    }

    @Test
    void csvExportIsExactlyWhatTheServletWrote(DemoServer demo) throws Exception {
        Page csv = Visitor.signedIn(demo, "alice").get("/export.csv");
        assertEquals(200, csv.status());
        assertArrayEquals(Orders.csv(Widget.ALICE).getBytes(StandardCharsets.UTF_8), csv.bytes());
        assertEquals("attachment; filename=\"orders-1001.csv\"", csv.header("Content-Disposition"));
        assertSameHeaders(Visitor.signedIn(demo.withoutFilter(), "alice").get("/export.csv"), csv);
    }

    @Test
    void anonymousErrorsAndRedirectsAreUntouched(DemoServer demo) throws Exception {
        Page error = new Visitor(demo).get("/api/orders");
        Page originalError = new Visitor(demo.withoutFilter()).get("/api/orders");
        assertEquals(401, error.status());
        assertArrayEquals(originalError.bytes(), error.bytes());
        assertSameHeaders(originalError, error);

        Page redirect = new Visitor(demo).get("/export.csv");
        assertEquals(302, redirect.status());
        assertEquals("/login", redirect.location());
        assertSameHeaders(new Visitor(demo.withoutFilter()).get("/export.csv"), redirect);
    }

    /**
     * Same header names and values, Date aside. The demo runs with {@code debugHeader=true},
     * whose {@code X-Zendesk-Widget: none; <reason>} the filter adds to these responses too:
     * that diagnostic is the one header allowed to differ, and only as "none".
     */
    private static void assertSameHeaders(Page withoutFilter, Page page) {
        Map<String, List<String>> expected = comparable(withoutFilter);
        Map<String, List<String>> actual = comparable(page);
        List<String> debug = actual.remove("x-zendesk-widget");
        if (debug != null) {
            assertEquals(1, debug.size());
            assertTrue(debug.get(0).startsWith("none; "), debug.get(0));
        }
        assertEquals(expected, actual);
    }

    private static Map<String, List<String>> comparable(Page page) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(page.headers().map());
        headers.remove("date");
        return headers;
    }
}
