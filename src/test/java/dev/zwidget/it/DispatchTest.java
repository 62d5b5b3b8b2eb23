package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Forwards, includes and error pages, with the filter mapped for REQUEST only (web.xml's
 * default) and for every dispatch type (what many legacy web.xml files say).
 */
class DispatchTest {

    enum Mapping {
        REQUEST_ONLY(EnumSet.of(DispatcherType.REQUEST)),
        ALL_DISPATCHES(EnumSet.allOf(DispatcherType.class));

        final EnumSet<DispatcherType> types;

        Mapping(EnumSet<DispatcherType> types) {
            this.types = types;
        }
    }

    static final String TARGET = "<html><body><p>target</p></body></html>";

    private static WidgetServer server(Mapping mapping) throws Exception {
        WidgetServer server = new WidgetServer().dispatches(mapping.types).param("excludePaths", "/api/*")
                .page("/action.do", (req, res) -> req.getRequestDispatcher("/view").forward(req, res))
                .page("/api/report", (req, res) -> req.getRequestDispatcher("/view").forward(req, res))
                .page("/view", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(TARGET);
                })
                .page("/layout", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write("<html><body><header>h</header>");
                    req.getRequestDispatcher("/fragment").include(req, res);
                    res.getWriter().write("</body></html>");
                })
                .page("/fragment", (req, res) -> res.getWriter().write("<main>fragment</body></main>"))
                .page("/missing", (req, res) -> res.sendError(404))
                .page("/error-page", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write("<html><body>Sorry</body></html>");
                });
        server.start();
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(404, "/error-page");
        server.context().setErrorHandler(errors);
        return server;
    }

    @ParameterizedTest
    @EnumSource(Mapping.class)
    void insertsOnceIntoAForwardedPage(Mapping mapping) throws Exception {
        try (WidgetServer server = server(mapping)) {
            Browser browser = new Browser(server);
            browser.get("/login?user=alice");
            HttpTester.Response response = browser.get("/action.do");
            String block = Spliced.insertedBlock(TARGET.getBytes(StandardCharsets.UTF_8), response.getContentBytes());
            Tokens.verifyFor(Spliced.assertLoginBlock(block, null), "1001");
        }
    }

    @ParameterizedTest
    @EnumSource(Mapping.class)
    void insertsOnceBeforeTheLastBodyEndOfAPageWithIncludes(Mapping mapping) throws Exception {
        try (WidgetServer server = server(mapping)) {
            Browser browser = new Browser(server);
            browser.get("/login?user=alice");
            HttpTester.Response response = browser.get("/layout");
            String page = "<html><body><header>h</header><main>fragment</body></main></body></html>";
            String block = Spliced.insertedBlock(page.getBytes(StandardCharsets.UTF_8), response.getContentBytes());
            Spliced.assertLoginBlock(block, null);
        }
    }

    @ParameterizedTest
    @EnumSource(Mapping.class)
    void anExcludedPathStaysUntouchedWhenItForwardsToAView(Mapping mapping) throws Exception {
        try (WidgetServer server = server(mapping)) {
            Browser browser = new Browser(server);
            browser.get("/login?user=alice");
            assertEquals(TARGET, browser.get("/api/report").getContent());
        }
    }

    @ParameterizedTest
    @EnumSource(Mapping.class)
    void leavesAnErrorPageUntouched(Mapping mapping) throws Exception {
        try (WidgetServer server = server(mapping)) {
            Browser browser = new Browser(server);
            browser.get("/login?user=alice");
            HttpTester.Response response = browser.get("/missing");
            assertEquals(404, response.getStatus());
            assertEquals("<html><body>Sorry</body></html>", response.getContent());
            assertFalse(response.getContent().contains("ze-snippet"));
        }
    }
}
