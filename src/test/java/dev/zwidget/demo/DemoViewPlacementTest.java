package dev.zwidget.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages that place the widget themselves, in their sidebar: {@code /tag} with the JSP tag
 * {@code <zw:widget/>}, {@code /dialect} with the Thymeleaf attribute {@code zw:widget}. The
 * widget is where the page put it, once, and the filter adds no second copy at the body end.
 */
@ExtendWith(DemoServer.Extension.class)
class DemoViewPlacementTest {

    private static final String SIDEBAR = "<aside id=\"help\"";

    @ParameterizedTest
    @ValueSource(strings = {"/tag", "/dialect"})
    void anonymousVisitorsGetTheSnippetInTheSidebar(String path, DemoServer demo) throws Exception {
        Page page = new Visitor(demo).get(path);
        Widget.assertAnonymous(page);
        String inserted = insertedInSidebar(page, new Visitor(demo.withoutFilter()).get(path));
        assertEquals(1, Page.count(inserted, Page.SNIPPET_ID), inserted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tag", "/dialect"})
    void aliceGetsTheSnippetAndHerTokenInTheSidebar(String path, DemoServer demo) throws Exception {
        Page page = Visitor.signedIn(demo, "alice").get(path);
        Widget.assertSignedIn(page, Widget.ALICE);
        String inserted = insertedInSidebar(page, Visitor.signedIn(demo.withoutFilter(), "alice").get(path));
        assertEquals(1, Page.count(inserted, Page.SNIPPET_ID), inserted);
        Widget.verifyFor(Page.token(inserted), Widget.ALICE);
    }

    /**
     * Asserts that {@code page} is the page rendered without the filter (where the tag renders
     * nothing) plus one block inside the sidebar element, and returns the block.
     */
    private static String insertedInSidebar(Page page, Page withoutFilter) {
        assertEquals(200, withoutFilter.status());
        int[] at = Widget.insertion(withoutFilter.bytes(), page.bytes());
        String text = new String(page.bytes(), 0, at[1], UTF_8);
        int sidebarStart = text.lastIndexOf(SIDEBAR);
        assertTrue(sidebarStart >= 0 && sidebarStart < at[0], "the block starts inside the sidebar");
        String before = new String(page.bytes(), 0, at[0], UTF_8);
        assertTrue(before.lastIndexOf("</aside>") < sidebarStart, "the sidebar is still open where the block starts");
        String after = new String(page.bytes(), at[1], page.bytes().length - at[1], UTF_8);
        int sidebarEnd = after.indexOf("</aside>");
        assertTrue(sidebarEnd >= 0 && sidebarEnd < after.indexOf("</body>"), "the sidebar closes after the block");
        return new String(page.bytes(), at[0], at[1] - at[0], UTF_8);
    }
}
