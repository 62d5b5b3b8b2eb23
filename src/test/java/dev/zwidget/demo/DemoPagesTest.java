package dev.zwidget.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's HTML pages, each made differently (a JSP welcome file, a servlet forwarding to a
 * JSP, a Thymeleaf template, a static file), get the widget from the filter before their
 * {@code </body>}: the snippet alone for anonymous visitors, the snippet and a token for Alice.
 * Apart from that block, every byte is the one the application wrote with the filter off.
 */
@ExtendWith(DemoServer.Extension.class)
class DemoPagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/thymeleaf", "/static.html", "/login"})
    void anonymousVisitorsGetTheSnippetAloneBeforeTheBodyEnd(String path, DemoServer demo) throws Exception {
        Page page = new Visitor(demo).get(path);
        Widget.assertAnonymous(page);
        Page original = new Visitor(demo.withoutFilter()).get(path);
        String block = Widget.insertedBeforeBodyEnd(original.bytes(), page.bytes());
        assertEquals(1, Page.count(block, Page.SNIPPET_ID), block);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/account", "/thymeleaf", "/static.html"})
    void aliceGetsTheSnippetAndATokenForHerBeforeTheBodyEnd(String path, DemoServer demo) throws Exception {
        Page page = Visitor.signedIn(demo, "alice").get(path);
        Widget.assertSignedIn(page, Widget.ALICE);
        Page original = Visitor.signedIn(demo.withoutFilter(), "alice").get(path);
        String block = Widget.insertedBeforeBodyEnd(original.bytes(), page.bytes());
        assertEquals(1, Page.count(block, Page.SNIPPET_ID), block);
        Widget.verifyFor(Page.token(block), Widget.ALICE);
    }

    @Test
    void theHomePageSaysWhoIsSignedIn(DemoServer demo) throws Exception {
        assertTrue(new Visitor(demo).get("/").text().contains("Not signed in"));
        String home = Visitor.signedIn(demo, "alice").get("/").text();
        assertTrue(home.contains("Signed in as <strong>Alice</strong>"), home);
    }

    @Test
    void theAccountPageShowsAlicesOrdersInUtf8(DemoServer demo) throws Exception {
        Page page = Visitor.signedIn(demo, "alice").get("/account");
        assertEquals("text/html;charset=utf-8", page.header("Content-Type").toLowerCase());
        String text = page.text();
        assertTrue(text.contains("alice@example.com") && text.contains("Crème brûlée torch"), text);
    }

    @Test
    void staticFilesStayCacheableForAnonymousVisitorsOnly(DemoServer demo) throws Exception {
        // A page without a token may be cached as usual; one with a token must never be.
        Page anonymous = new Visitor(demo).get("/static.html");
        assertTrue(anonymous.header("Last-Modified") != null, "the default servlet's validators are kept");
        Page alice = Visitor.signedIn(demo, "alice").get("/static.html");
        assertEquals(null, alice.header("Last-Modified"));
        assertEquals(null, alice.header("ETag"));
    }
}
