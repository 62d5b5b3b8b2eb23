package dev.zwidget.internal.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyEndSpliceTest {

    private static final String INSERT = "<script>X</script>";

    /** Writes {@code page} to a byte splice in the given pieces and finishes with {@link #INSERT}. */
    private static byte[] spliceBytes(byte[] page, int... cuts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteSplice splice = new ByteSplice(out);
        int start = 0;
        for (int cut : cuts) {
            splice.write(page, start, cut - start);
            start = cut;
        }
        splice.write(page, start, page.length - start);
        splice.finish(TestBlocks.of(INSERT));
        return out.toByteArray();
    }

    private static String spliceChars(String page, int... cuts) throws IOException {
        StringWriter out = new StringWriter();
        CharSplice splice = new CharSplice(out);
        int start = 0;
        for (int cut : cuts) {
            splice.write(page.toCharArray(), start, cut - start);
            start = cut;
        }
        splice.write(page, start, page.length() - start);
        splice.finish(TestBlocks.of(INSERT));
        return out.toString();
    }

    @Test
    void insertsBeforeTheBodyEndTag() throws IOException {
        assertEquals("<html><body>hi" + INSERT + "</body></html>",
                spliceChars("<html><body>hi</body></html>"));
    }

    @Test
    void insertsBeforeTheLastOfSeveralBodyEndTags() throws IOException {
        String page = "<body><script>var s='</body>';</script><p>x</p></body>\n</html>\n";
        assertEquals("<body><script>var s='</body>';</script><p>x</p>" + INSERT + "</body>\n</html>\n",
                spliceChars(page));
    }

    @ParameterizedTest
    @ValueSource(strings = {"</BODY>", "</Body >", "</body\n\t>", "</bOdY  >"})
    void matchesEndTagsWithoutCaseAndWithSpaceBeforeTheBracket(String tag) throws IOException {
        assertEquals("a" + INSERT + tag + "b", spliceChars("a" + tag + "b"));
    }

    /** A browser ends the body at each of these: attributes and '/' are allowed in an end tag. */
    @ParameterizedTest
    @ValueSource(strings = {"</body/>", "</body class=x>", "</body a=\"1>2\">", "</body a='>'>",
            "</body\f>", "</body a = \"x\" / >", "</body a=b>"})
    void matchesEndTagsWithAttributesOrASlashAsBrowsersDo(String tag) throws IOException {
        assertEquals("a" + INSERT + tag + "b", spliceChars("a" + tag + "b"));
        assertEquals("a" + INSERT + tag + "b", new String(spliceBytes(("a" + tag + "b")
                .getBytes(StandardCharsets.US_ASCII), 2, 5), StandardCharsets.US_ASCII));
    }

    @Test
    void matchesAnEndTagWithMoreThan64SpacesBeforeTheBracket() throws IOException {
        String tag = "</body" + " ".repeat(65) + ">";
        String page = "<p>x</p></body>" + "<p>later</p>" + tag + "</html>";
        assertEquals("<p>x</p></body><p>later</p>" + INSERT + tag + "</html>", spliceChars(page));
    }

    @Test
    void neverInsertsBeforeAnEarlierTagWhenALaterOneIsTooLongToHold() throws IOException {
        String tag = "</body" + " ".repeat(BodyEndSplice.MAX_TAIL + 1) + ">";
        String page = "<p>x</p></body><p>later</p>" + tag + "</html>";
        assertEquals(page, spliceChars(page), "no widget rather than one before the wrong tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"</bodyx>", "< /body>", "<\\/body>", "</bod>", "</body", "<body>",
            "</body class='x>"})
    void leavesPagesWithoutARealBodyEndTagAsTheyWere(String text) throws IOException {
        String page = "<p>" + text + "</p>";
        assertEquals(page, spliceChars(page));
    }

    @Test
    void findsTheTagSplitAcrossWritesAtEveryOffset() throws IOException {
        String page = "<html><body><p>caf\u00e9 \u65e5\u672c</p><</</body ></html>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        byte[] expected = page.replace("</body >", INSERT + "</body >").getBytes(StandardCharsets.UTF_8);
        for (int a = 0; a <= bytes.length; a++) {
            for (int b = a; b <= bytes.length; b++) {
                assertArrayEquals(expected, spliceBytes(bytes, a, b), "cuts at " + a + "," + b);
            }
        }
        for (int a = 0; a <= page.length(); a++) {
            assertEquals(new String(expected, StandardCharsets.UTF_8), spliceChars(page, a), "char cut at " + a);
        }
    }

    /** A {@code char[]} is searched a block at a time; the tag is found where it crosses a block's edge. */
    @ParameterizedTest
    @ValueSource(chars = {'a', '\u00e9', '\u65e5'})
    void findsATagAcrossTheEdgeOfTheBlocksACharArrayIsSearchedIn(char filler) throws IOException {
        String after = "</body></html>" + "a".repeat(100);
        for (int at = NarrowedChars.BLOCK - BodyEndSplice.BEFORE_Y - 1; at <= NarrowedChars.BLOCK; at++) {
            String before = String.valueOf(filler).repeat(at);
            assertEquals(before + INSERT + after, spliceChars(before + after, at + after.length()), "tag at " + at);
        }
    }

    @Test
    void feedsOneByteAtATime() throws IOException {
        byte[] page = "x<b></body></html>".getBytes(StandardCharsets.US_ASCII);
        int[] cuts = new int[page.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        assertEquals("x<b>" + INSERT + "</body></html>",
                new String(spliceBytes(page, cuts), StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shift_JIS", "EUC-JP", "windows-1252", "ISO-8859-1", "UTF-8"})
    void keepsEveryByteOfMultiByteCharsets(String charsetName) throws IOException {
        Charset charset = Charset.forName(charsetName);
        String text = charsetName.startsWith("Shift") || charsetName.startsWith("EUC")
                ? "\u8868\u793a\u30bd\u30d5\u30c8\u80fd" : "na\u00efve \u00e9t\u00e9";
        String page = "<body>" + text + "</body>";
        byte[] out = spliceBytes(page.getBytes(charset));
        assertEquals("<body>" + text + INSERT + "</body>", new String(out, charset));
    }

    @Test
    void passesBytesBeforeATagOnWithoutHoldingThem() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteSplice splice = new ByteSplice(out);
        byte[] first = "<html><body>hello world".getBytes(StandardCharsets.US_ASCII);
        splice.write(first, 0, first.length);
        splice.sendGathered();
        assertEquals("<html><body>hello world", out.toString(StandardCharsets.US_ASCII));
        byte[] second = " and more</bo".getBytes(StandardCharsets.US_ASCII);
        splice.write(second, 0, second.length);
        splice.sendGathered();
        assertEquals("<html><body>hello world and more", out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void givesUpACandidateFollowedByMoreThanTheTailLimit() throws IOException {
        StringBuilder page = new StringBuilder("<body>a</body>");
        page.append("y".repeat(BodyEndSplice.MAX_TAIL + 10));
        String text = page.toString();
        StringWriter out = new StringWriter();
        CharSplice splice = new CharSplice(out);
        splice.write(text, 0, text.length());
        assertEquals(text, out.toString(), "everything was released, nothing held");
        assertFalse(splice.finish(TestBlocks.of(INSERT)));
        assertEquals(text, out.toString());
    }

    @Test
    void findsALaterTagAfterGivingUpAnEarlierOne() throws IOException {
        String filler = "y".repeat(BodyEndSplice.MAX_TAIL + 10);
        String page = "<script>'</body>'</script>" + filler + "</body></html>";
        assertEquals("<script>'</body>'</script>" + filler + INSERT + "</body></html>", spliceChars(page));
    }

    @Test
    void reportsASnippetAlreadyInThePage() throws IOException {
        StringWriter out = new StringWriter();
        CharSplice splice = new CharSplice(out);
        String page = "<body><script id=\"ze-snip";
        splice.write(page, 0, page.length());
        assertFalse(splice.pageHasSnippet());
        String rest = "pet\" src=x></script></body>";
        splice.write(rest, 0, rest.length());
        assertTrue(splice.pageHasSnippet());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>Zendesk's snippet is <code>&lt;script id=\"ze-snippet\"&gt;</code></p>",
        "<p>id=\"ze-snippet\"</p>",
        "<scripts id=\"ze-snippet\"></scripts>",
        "<script>var id = 'ze-snippet';</script>",
        "<div id=\"ze-snippet\"></div>"})
    void aPageThatOnlyMentionsTheSnippetIsNotTakenForOneThatLoadsIt(String html) throws IOException {
        CharSplice splice = new CharSplice(new StringWriter());
        splice.write(html, 0, html.length());
        assertFalse(splice.pageHasSnippet(), html);
    }

    @Test
    void findsTheSnippetTagSplitAtEveryOffsetAndInAnyCase() throws IOException {
        String page = "<head><SCRIPT async src=\"https://x/snippet.js\" id='ze-snippet'></SCRIPT></head>";
        for (int cut = 0; cut <= page.length(); cut++) {
            CharSplice splice = new CharSplice(new StringWriter());
            splice.write(page, 0, cut);
            splice.write(page, cut, page.length() - cut);
            assertTrue(splice.pageHasSnippet(), "cut at " + cut);
        }
    }

    @Test
    void clearForgetsWhatWasHeld() throws IOException {
        StringWriter out = new StringWriter();
        CharSplice splice = new CharSplice(out);
        splice.write("<p>x</body>", 0, 11);
        splice.clear();
        splice.write("<p>y</body>", 0, 11);
        assertTrue(splice.finish(TestBlocks.of(INSERT)));
        assertEquals("<p>x<p>y" + INSERT + "</body>", out.toString());
    }
}
