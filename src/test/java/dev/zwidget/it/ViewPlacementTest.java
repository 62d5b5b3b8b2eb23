package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.thymeleaf.ZendeskWidgetDialect;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Pages that place the widget themselves, through the Thymeleaf dialect, rendered in Jetty. */
class ViewPlacementTest {

    static final String ELEMENT = "<html><body><main>m</main><zw:widget/><footer>f</footer></body></html>";
    static final String ATTRIBUTE = "<html><body><div id=\"w\" zw:widget></div><footer>f</footer></body></html>";
    static final String TWICE = "<html><body><zw:widget/><p>x</p><zw:widget/></body></html>";

    private static WidgetServer.Page thymeleaf(String template, String contentType) {
        return (HttpServletRequest req, HttpServletResponse res) -> {
            TemplateEngine engine = new TemplateEngine();
            StringTemplateResolver resolver = new StringTemplateResolver();
            resolver.setTemplateMode(TemplateMode.HTML);
            engine.setTemplateResolver(resolver);
            engine.addDialect(new ZendeskWidgetDialect());
            var exchange = JakartaServletWebApplication.buildApplication(req.getServletContext()).buildExchange(req, res);
            res.setContentType(contentType);
            engine.process(template, new WebContext(exchange), res.getWriter());
        };
    }

    private static WidgetServer pages(WidgetServer server) {
        return server
                .page("/element", thymeleaf(ELEMENT, "text/html;charset=UTF-8"))
                .page("/attribute", thymeleaf(ATTRIBUTE, "text/html;charset=UTF-8"))
                .page("/twice", thymeleaf(TWICE, "text/html;charset=UTF-8"))
                .page("/plain", thymeleaf(ELEMENT, "text/plain;charset=UTF-8"));
    }

    @Test
    void theElementIsReplacedByTheLoginBlockAndTheFilterAddsNoSecondCopy() throws Exception {
        try (WidgetServer server = pages(new WidgetServer()).start()) {
            Browser browser = new Browser(server);
            browser.get("/login?user=alice");
            HttpTester.Response response = browser.get("/element");
            String body = response.getContent();
            String before = "<html><body><main>m</main>";
            String after = "<footer>f</footer></body></html>";
            assertTrue(body.startsWith(before) && body.endsWith(after), body);
            String block = body.substring(before.length(), body.length() - after.length());
            Tokens.verifyFor(Spliced.assertLoginBlock(block, null), "1001");
            assertEquals("no-store, private", response.get("Cache-Control"));
        }
    }

    @Test
    void theAttributeFillsItsElement() throws Exception {
        try (WidgetServer server = pages(new WidgetServer()).start()) {
            String body = new Browser(server).get("/attribute").getContent();
            assertEquals("<html><body><div id=\"w\">" + Spliced.SNIPPET_TAG + "</div><footer>f</footer></body></html>",
                    body);
        }
    }

    @Test
    void aSecondPlacementOnThePageRendersNothing() throws Exception {
        try (WidgetServer server = pages(new WidgetServer()).start()) {
            Browser browser = new Browser(server);
            browser.get("/login?user=bob");
            String body = browser.get("/twice").getContent();
            assertEquals(1, Spliced.count(body, "id=\"ze-snippet\""), body);
            assertTrue(body.endsWith("<p>x</p></body></html>"), body);
            Tokens.verifyFor(Tokens.inPage(body), "1002");
        }
    }

    @Test
    void rendersNothingOnAPageThatIsNotEligibleOrWithoutTheFilter() throws Exception {
        try (WidgetServer server = pages(new WidgetServer()).start()) {
            Browser browser = new Browser(server);
            browser.get("/login?user=alice");
            assertEquals(ELEMENT.replace("<zw:widget/>", ""), browser.get("/plain").getContent());
        }
        try (WidgetServer server = pages(new WidgetServer().withoutFilter()).start()) {
            Browser browser = new Browser(server);
            browser.get("/login?user=alice");
            assertEquals(ELEMENT.replace("<zw:widget/>", ""), browser.get("/element").getContent());
        }
    }
}
