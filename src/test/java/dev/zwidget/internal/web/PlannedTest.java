package dev.zwidget.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.internal.html.Injection;
import dev.zwidget.internal.html.WidgetMarkup;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A sign-in's token is asked for when its block is written, which may be after the page's first byte. */
class PlannedTest {

    private static final WidgetMarkup MARKUP = new WidgetMarkup("key-1", "/shop/zendesk-widget/token");
    private static final String AFTER = "<script>/* settings */</script>";

    @Test
    void theTokenIsAskedForOnlyWhenTheBlockIsWritten() {
        AtomicInteger asked = new AtomicInteger();
        Injection login = Planned.login(MARKUP, () -> "t" + asked.incrementAndGet(), false, null, AFTER);
        assertEquals(0, asked.get(), "planning a page mints nothing");
        assertTrue(login.carriesToken());
        String block = login.markup(false);
        assertEquals(1, asked.get());
        assertEquals(MARKUP.login("t1", false, null, false) + AFTER, block);
    }

    @Test
    void aTokenThatCouldNotBeMintedLeavesThePageWithoutTheBlockOrTheScriptsAfterIt() {
        Injection login = Planned.login(MARKUP, () -> null, false, null, AFTER);
        assertEquals("", login.markup(false));
        assertEquals("", login.markup(true));
    }
}
