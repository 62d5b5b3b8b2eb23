package dev.zwidget.internal.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnippetDetectorTest {

    /** The page as the splice shows it to the detector, counting every unit read. */
    private static final class CountingPage implements SnippetDetector.UnitSource {
        final String page;
        long reads;

        CountingPage(String page) {
            this.page = page;
        }

        @Override
        public int unitAt(int index) {
            reads++;
            return page.charAt(index);
        }

        @Override
        public int indexOf(int unit, int from, int to) {
            int at = page.indexOf(unit, from);
            reads += (at < 0 || at > to ? to : at) - from;
            return at < 0 || at > to ? to : at;
        }
    }

    /** Feeds the page as one chunk, calling atZ for each z as the splice's scan does. */
    private static boolean scan(CountingPage page) {
        SnippetDetector detector = new SnippetDetector();
        int to = page.page.length();
        detector.chunkStarts(page, 0, to);
        for (int z = page.page.indexOf('z'); z >= 0; z = page.page.indexOf('z', z + 1)) {
            detector.atZ(page, z, 0, to);
        }
        detector.chunkEnds(page, 0, to);
        return detector.seen();
    }

    /**
     * Text that mentions the id many times without a '>' (user text with '>' escaped): each
     * look-back used to run to the chunk start, reading the page once per mention.
     */
    @Test
    void aPageFullOfMentionsWithoutATagIsReadAFewTimesNotOncePerMention() {
        StringBuilder text = new StringBuilder("<p>");
        while (text.length() < 200_000) {
            text.append("the ze-snippet id &lt;script&gt; ");
        }
        CountingPage page = new CountingPage(text.toString());
        assertFalse(scan(page));
        assertTrue(page.reads < 5L * text.length(), "read " + page.reads + " units of " + text.length());
    }

    @Test
    void stillSeesTheSnippetAfterManyMentions() {
        StringBuilder text = new StringBuilder("<p>");
        for (int i = 0; i < 1000; i++) {
            text.append("ze-snippet ");
        }
        text.append("</p><script id=\"ze-snippet\" src=\"x\"></script>");
        assertTrue(scan(new CountingPage(text.toString())));
    }
}
