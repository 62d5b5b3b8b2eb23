package dev.zwidget.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verdict on a response at its first byte: refusals are remembered, the rest asks the planner. */
class PageVerdictTest {

    /** Refusals are remembered across the JVM: each test starts with none, whatever ran before. */
    @BeforeEach
    void forgetRefusals() {
        PageVerdict.forget();
    }

    /** A response as the container has it at the first byte: only what the verdict reads. */
    private static HttpServletResponse response(int status, String contentType, Map<String, String> headers) {
        return (HttpServletResponse) Proxy.newProxyInstance(PageVerdictTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getStatus":
                            return status;
                        case "getContentType":
                            return contentType;
                        case "getHeader":
                            return headers.get((String) args[0]);
                        case "getCharacterEncoding":
                            return "UTF-8";
                        case "isCommitted":
                            return false;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static final class Planner implements PagePlanner {
        final List<Injection> decided = new ArrayList<>();
        int plans;

        @Override
        public Injection plan(HttpServletResponse response) {
            plans++;
            return Injection.nothing("planned");
        }

        @Override
        public void decided(Injection outcome) {
            decided.add(outcome);
        }
    }

    private static String label(int status, String contentType, Planner planner) {
        return PageVerdict.of(response(status, contentType, new HashMap<>()), planner, false, true, false, false)
                .label();
    }

    @Test
    void aResponseThatIsNoHtmlPageIsRefusedForItsContentTypeOrStatusWithoutAskingThePlanner() {
        Planner planner = new Planner();
        assertEquals("none; content type application/json", label(200, "application/json", planner));
        assertEquals("none; content type application/json", label(200, "application/json", planner));
        assertEquals("none; content type image/png", label(200, "image/png", planner));
        assertEquals("none; content type unset", label(200, null, planner));
        assertEquals("none; status 404", label(404, "text/html;charset=UTF-8", planner));
        assertEquals("none; status 304", label(304, null, planner));
        assertEquals(0, planner.plans);
        assertEquals(6, planner.decided.size());
        assertEquals("none; content type application/json", planner.decided.get(1).label());
        assertSame(planner.decided.get(0), planner.decided.get(1));
    }

    @Test
    void aContentTypeBuiltAnewForEachResponseGetsTheSameRefusalAndAStatusKeepsItsOwn() {
        Planner planner = new Planner();
        String json = "application/json";
        assertEquals("none; content type application/json", label(200, new String(json), planner));
        assertEquals("none; content type application/json", label(200, new String(json), planner));
        assertEquals("none; status 404", label(404, new String(json), planner));
        assertEquals("none; content type application/json", label(200, new String(json), planner));
        assertEquals("none; content type unset", label(200, null, planner));
        assertEquals("none; status 404", label(404, null, planner));
        assertEquals("none; content type application/json", label(200, json, planner));
        assertSame(planner.decided.get(0), planner.decided.get(1));
        assertSame(planner.decided.get(0), planner.decided.get(3));
        assertSame(planner.decided.get(2), planner.decided.get(5));
    }

    @Test
    void noContentTypeAndAnEmptyOneAreToldApart() {
        Planner planner = new Planner();
        assertEquals("none; content type unset", label(200, null, planner));
        assertEquals("none; content type ", label(200, "", planner));
        assertEquals("none; content type unset", label(200, null, planner));
    }

    @Test
    void everyContentTypeKeepsItsOwnReasonPastTheBoundOfRememberedOnes() {
        Planner planner = new Planner();
        for (int i = 0; i < 600; i++) {
            assertEquals("none; content type application/x-kind-" + i,
                    label(200, "application/x-kind-" + i + "; charset=UTF-8", planner));
            assertEquals("none; status " + (600 + i), label(600 + i, "text/html", planner));
            assertTrue(PageVerdict.remembered() <= PageVerdict.MAX_REFUSALS);
        }
        assertEquals("none; status 404", label(404, "404", planner));
        assertEquals("none; content type 404", label(200, "404", planner));
        assertEquals("none; content type application/json", label(200, "Application/JSON", planner));
    }

    @Test
    void anHtmlPageOrAResponseAViewAlreadyPlacedTheWidgetInIsPlanned() {
        Planner planner = new Planner();
        assertEquals("none; planned", label(200, "text/html;charset=UTF-8", planner));
        Injection viewPlaced = PageVerdict.of(response(200, "application/json", new HashMap<>()), planner, true,
                true, false, false);
        assertEquals("none; planned", viewPlaced.label());
        assertEquals(2, planner.plans);
    }

    @Test
    void anHtmlPageIsStillRefusedForItsEncodingAttachmentOrCharset() {
        Planner planner = new Planner();
        Map<String, String> gzip = new HashMap<>();
        gzip.put("Content-Encoding", "gzip");
        assertEquals("none; content encoding",
                PageVerdict.of(response(200, "text/html", gzip), planner, false, true, false, false).label());
        Map<String, String> attachment = new HashMap<>();
        attachment.put("Content-Disposition", "attachment; filename=page.html");
        assertEquals("none; attachment",
                PageVerdict.of(response(200, "text/html", attachment), planner, false, true, false, false).label());
        assertEquals("none; UTF-16/32 byte order mark",
                PageVerdict.of(response(200, "text/html", new HashMap<>()), planner, false, true, true, false)
                        .label());
        assertEquals(0, planner.plans);
        assertTrue(planner.decided.stream().allMatch(Injection::isNothing));
    }
}
