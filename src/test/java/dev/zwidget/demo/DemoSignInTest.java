package dev.zwidget.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's sign-in and sign-out as a visitor goes through them, and what the widget is told
 * along the way: nothing about a failed sign-in, {@code loginUser} once signed in,
 * {@code logoutUser} on the first page after signing out.
 */
@ExtendWith(DemoServer.Extension.class)
class DemoSignInTest {

    @Test
    void theAccountPageSendsAnonymousVisitorsToTheLoginForm(DemoServer demo) throws Exception {
        Page page = new Visitor(demo).get("/account");
        assertEquals(302, page.status());
        assertEquals("/login", page.location());
        assertEquals(null, page.widgetHeader(), "a redirect is not a page");
    }

    @Test
    void aWrongPasswordRedisplaysTheFormWithAnError(DemoServer demo) throws Exception {
        Visitor visitor = new Visitor(demo);
        Page page = visitor.post("/login", Map.of("username", "alice", "password", "wrong"));
        assertEquals(200, page.status());
        String text = page.text();
        assertTrue(text.contains("class=\"error\"") && text.contains("Wrong user name or password."), text);
        assertTrue(text.contains("name=\"username\" ") && text.contains("value=\"alice\""), "the user name is kept");
        // The widget goes on GET pages only: a POST answer could be replayed by the browser.
        assertEquals(0, page.snippets());
        Widget.assertAnonymous(visitor.get("/"));
        assertEquals(302, visitor.get("/account").status(), "still not signed in");
    }

    @Test
    void signingInLeadsToTheAccountPageWithAToken(DemoServer demo) throws Exception {
        Visitor alice = Visitor.signedIn(demo, "alice");
        Page account = alice.get("/account");
        Widget.assertSignedIn(account, Widget.ALICE);
        assertTrue(account.text().contains("A-1001-1"), account.text());
    }

    @Test
    void theFirstPageAfterSigningOutCallsLogoutUser(DemoServer demo) throws Exception {
        Visitor visitor = Visitor.signedIn(demo, "alice");
        Widget.assertSignedIn(visitor.get("/"), Widget.ALICE);
        Page signOut = visitor.post("/logout", Map.of());
        assertEquals(302, signOut.status());
        assertEquals("/", signOut.location());
        Page home = visitor.get("/");
        assertEquals(200, home.status());
        assertEquals("logout", home.widgetHeader());
        assertEquals(1, home.snippets());
        assertEquals(0, Page.tokens(home.text()), "no token after sign-out");
        assertTrue(home.text().contains(Widget.LOGOUT_CALL), home.text());
        assertTrue(home.text().contains("Not signed in"), "the application signed her out too");
    }

    @Test
    void signingOutWithALinkWorksToo(DemoServer demo) throws Exception {
        Visitor visitor = Visitor.signedIn(demo, "alice");
        visitor.get("/account");
        Page signOut = visitor.get("/logout");
        assertEquals(302, signOut.status());
        assertEquals("/", signOut.location());
        Page next = visitor.get("/thymeleaf");
        assertEquals("logout", next.widgetHeader());
        assertTrue(next.text().contains(Widget.LOGOUT_CALL), next.text());
        assertEquals(302, visitor.get("/account").status());
    }

    @Test
    void aVisitorWhoNeverSignedInIsNeverSignedOut(DemoServer demo) throws Exception {
        // logoutUser would wipe an anonymous visitor's conversation.
        Visitor visitor = new Visitor(demo);
        visitor.get("/");
        visitor.get("/logout");
        Widget.assertAnonymous(visitor.get("/"));
    }
}
