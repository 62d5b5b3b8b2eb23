package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.internal.config.Secret;
import dev.zwidget.internal.token.MarkerCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The widget settings ({@code zE('messenger:set', …)}) and the tab sync, over embedded Jetty: the
 * block a page gets is exactly the block it got before, followed by the new script, whose bytes
 * are asserted, escaping included.
 */
class WidgetSettingsTest {

    private static final String PAGE = "<!DOCTYPE html><html><body><p>hi</p></body></html>";
    private static final String READY = "function ready(f){if(window.zE){f();return;}"
            + "var s=document.getElementById('ze-snippet');"
            + "if(s){s.addEventListener('load',f);return;}"
            + "document.addEventListener('DOMContentLoaded',function(){"
            + "var t=document.getElementById('ze-snippet');"
            + "if(window.zE){f();}else if(t){t.addEventListener('load',f);}});}";

    private static WidgetServer server(String... params) {
        WidgetServer server = new WidgetServer().html("/page", PAGE).page("/login-map", (req, res) -> {
            // A user object whose values try to leave the script: quotes, </script>, U+2028.
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", "7");
            user.put("name", "</script><script>alert('x')</script>\u2028\"");
            user.put("email", "eve@example.com");
            user.put("plan", 3L);
            user.put("vip", Boolean.TRUE);
            user.put("tags", List.of("gold", "a\"b"));
            user.put("locale", "pt_BR");
            req.getSession(true).setAttribute("user", user);
            res.setContentType("text/plain");
            res.getWriter().write("signed in");
        });
        for (int i = 0; i < params.length; i += 2) {
            server.param(params[i], params[i + 1]);
        }
        return server;
    }

    private static String sets(String calls) {
        return "<script>(function(){" + READY + "ready(function(){" + calls + "});})();</script>";
    }

    /** The page of {@code path} for a browser signed in through {@code login}, from a fresh server. */
    private static String page(WidgetServer started, String login, String... headers) throws Exception {
        Browser browser = new Browser(started);
        if (login != null) {
            browser.get(login);
        }
        return browser.get("/page", headers).getContent();
    }

    @Test
    void conversationFieldsTagsAndLocaleFollowTheUnchangedBlockJsonEscaped() throws Exception {
        String plain;
        try (WidgetServer before = server().start()) {
            plain = page(before, "/login-map");
        }
        try (WidgetServer after = server("conversationField.360001", "name", "conversationField.42", "plan",
                "conversationField.43", "vip", "conversationField.44", "missing", "conversationTags", "tags",
                "widgetLocale", "locale").start()) {
            String page = page(after, "/login-map");
            String expected = plain.replace("</body>", sets("zE('messenger:set','locale',\"pt-BR\");"
                    + "zE('messenger:set','conversationFields',[{\"id\":\"360001\",\"value\":"
                    + "\"\\u003c/script\\u003e\\u003cscript\\u003ealert\\u0028\\u0027x\\u0027\\u0029"
                    + "\\u003c/script\\u003e\\u2028\\u0022\"},{\"id\":\"42\",\"value\":3},{\"id\":\"43\",\"value\":true}]);"
                    + "zE('messenger:set','conversationTags',[\"gold\",\"a\\u0022b\"]);") + "</body>");
            assertEquals(expected, page);
        }
    }

    @Test
    void cookiesAreOffUntilTheNamedCookieOrAttributeSaysYes() throws Exception {
        try (WidgetServer started = server("cookieConsent", "cookie:consent").start()) {
            String anonymous = started.get("/page").getContent();
            assertTrue(anonymous.endsWith(sets("zE('messenger:set','cookies',false);") + "</body></html>"), anonymous);
            assertTrue(started.get("/page", "Cookie: consent=no").getContent()
                    .contains("zE('messenger:set','cookies',false);"));
            assertTrue(started.get("/page", "Cookie: consent=Accepted").getContent()
                    .contains("zE('messenger:set','cookies',true);"));
        }
        try (WidgetServer started = server("cookieConsent", "attribute:consent.given").page("/consented",
                (req, res) -> {
                    req.setAttribute("consent.given", Boolean.TRUE);
                    res.setContentType("text/html");
                    res.getWriter().write(PAGE);
                }).start()) {
            assertTrue(started.get("/consented").getContent().contains("zE('messenger:set','cookies',true);"));
            assertTrue(started.get("/page").getContent().contains("zE('messenger:set','cookies',false);"));
        }
    }

    @Test
    void theRequestLocaleIsSetOnlyWhenTheBrowserSentOne() throws Exception {
        try (WidgetServer started = server("widgetLocale", "request").start()) {
            assertTrue(started.get("/page", "Accept-Language: de-CH,de;q=0.9").getContent()
                    .endsWith(sets("zE('messenger:set','locale',\"de-CH\");") + "</body></html>"));
            assertFalse(started.get("/page").getContent().contains("messenger:set"));
            // Whatever the container makes of a hostile header, it never ends the script element.
            assertFalse(started.get("/page", "Accept-Language: '</script>").getContent().contains("'</script>"));
        }
    }

    @Test
    void withSyncTabsTheSignOutAfterA401TellsTheOtherTabsAndEveryPageJoinsTheChannel() throws Exception {
        try (WidgetServer started = server("syncTabs", "true").start()) {
            Browser alice = new Browser(started);
            alice.get("/login?user=alice");
            String page = alice.get("/page").getContent();
            assertTrue(page.contains("else if(x.status===401){zE('messenger','logoutUser');"
                    + "if(window.zwidgetTabs){zwidgetTabs.signedOut();}}"), page);
            String tag = new MarkerCodec(Secret.of(WidgetServer.SECRET)).valueFor("\u0000tabs\u00001001");
            int sync = page.indexOf("<script>(function(){var jwt=null,used=false,ch=null,who='" + tag + "',"
                    + "name='zwidget_signed_in\\u003a/app/zendesk-widget/token';");
            assertTrue(sync > page.indexOf("'loginUser'"), page);
            assertTrue(page.endsWith("send({type:'login',who:who});})();</script></body></html>"), page);
            String script = page.substring(sync);
            assertFalse(script.contains("1001") || script.contains(Tokens.inPage(page)), "no id or token: " + script);

            alice.get("/logout");
            String signedOut = alice.get("/page").getContent();
            assertTrue(signedOut.contains("'logoutUser'") && signedOut.contains("who=null,"), signedOut);
            assertTrue(signedOut.endsWith("send({type:'logout'});})();</script></body></html>"), signedOut);

            String anonymous = new Browser(started).get("/page").getContent();
            assertTrue(anonymous.contains("who=null,") && anonymous.endsWith("};})();</script></body></html>"),
                    anonymous);
        }
    }

    @Test
    void withoutTheNewParamsTheBlockHasNoSettingsOrTabScript() throws Exception {
        try (WidgetServer started = server().start()) {
            String page = page(started, "/login?user=alice");
            assertFalse(page.contains("messenger:set") || page.contains("zwidgetTabs"), page);
        }
    }
}
