package dev.zwidget.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WidgetMarkupTest {

    private final WidgetMarkup markup = new WidgetMarkup("key-1", "/shop/zendesk-widget/token");

    @Test
    void anAnonymousVisitorGetsExactlyZendesksSnippetTag() {
        assertEquals("<script id=\"ze-snippet\" src=\"https://static.zdassets.com/ekr/snippet.js?key=key-1\"></script>",
                markup.anonymous(null, false));
        assertEquals("", markup.anonymous(null, true));
    }

    @Test
    void everyScriptCarriesTheNonce() {
        String block = markup.login("a.b.c", false, "n0nce", false);
        assertTrue(block.startsWith("<script id=\"ze-snippet\" nonce=\"n0nce\" src="), block);
        assertTrue(block.contains("</script><script nonce=\"n0nce\">"), block);
    }

    @Test
    void theLoginScriptHandsThePageTokenOnceThenFetchesFreshOnes() {
        String block = markup.login("a.b.c", false, null, true);
        assertFalse(block.contains("id=\"ze-snippet\""), "the page loads the snippet itself");
        assertTrue(block.contains("var jwt='a.b.c',used=false;"), block);
        assertTrue(block.contains("if(!used){used=true;callback(jwt);}else{fresh(callback);}"), block);
        assertTrue(block.contains("x.open('POST','/shop/zendesk-widget/token');"), block);
        assertTrue(block.contains("x.setRequestHeader('X-Requested-With','XMLHttpRequest');"), block);
        assertTrue(block.contains("if(e.persisted){used=true;}"), "bfcache restores never reuse the page token");
    }

    @Test
    void escapesTheTokenUrlForAScriptString() {
        assertEquals("/a\\u0027b\\u003c/script\\u003e\\u00e9", WidgetMarkup.jsString("/a'b</script>\u00e9"));
        String block = new WidgetMarkup("k", "/it's</script>").login("t", false, null, false);
        assertFalse(block.contains("it's"), block);
        assertEquals(2, block.split("</script>", -1).length - 1, "only the two closing tags of our own scripts");
    }
}
