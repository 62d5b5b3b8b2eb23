package dev.zwidget.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The splice's skipping scan against a reference that reads the page one unit at a time, the
 * way a browser's tokenizer would: where the block goes (before the last {@code </body>} end
 * tag) and whether the page loads Zendesk's snippet itself ({@code ze-snippet} inside a
 * {@code <script} start tag). Pages are made of the pieces that meet those two searches half
 * way, cut into random writes (or one write per unit), and written as bytes, as chars and as
 * Strings.
 */
class SpliceScanProperties {

    private static final String INSERT = "<!--W-->";
    private static final List<String> PIECES = List.of("</body>", "</BODY >", "</body", "</bod", "</bo",
            "</b", "</", "<", ">", "y", "Y", "z", "Z", "dy>", "ody>", " ", "\n", "/", "\"", "'", "=",
            "<script", "<SCRIPT ", "<script ", "<scripts ", " id=\"", "ze-snippet", "ze-", "snippet", "zze-snippet",
            "</tbody>", "type", "lazy", "x", "X", "{", "[", "px;", "xyz", "\u00d8", "\u00ff", "\u0080", "caf\u00e9", "<p>", "</p>", "<body>", "a=\">\"", "body");

    @Provide
    Arbitrary<String> pages() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        // Within the length of most generated pages (about 70 units on average): a cut past the
        // end is an empty write, which tests nothing.
        return Arbitraries.integers().between(0, 120).list().ofMaxSize(8);
    }

    /** After each String chunk: marks to tempt a search that runs past the chunk's end. */
    private static final String TAIL = String.join("", Collections.nCopies(40, "</body>zy<"));

    @Property(tries = 3000)
    void theBlockGoesWhereAUnitByUnitReadingPutsIt(@ForAll("pages") String page, @ForAll("cuts") List<Integer> cuts,
            @ForAll boolean unitByUnit) throws IOException {
        String expected = Reference.splice(page, INSERT);
        int[] bounds = unitByUnit ? IntStream.rangeClosed(0, page.length()).toArray()
                : bounds(cuts, page.length());

        StringWriter asStrings = new StringWriter();
        CharSplice strings = new CharSplice(asStrings);
        StringWriter asChars = new StringWriter();
        CharSplice chars = new CharSplice(asChars);
        byte[] bytes = page.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream asBytes = new ByteArrayOutputStream();
        ByteSplice byteSplice = new ByteSplice(asBytes);
        // Each chunk is written from its own array, with other units around it, as pages do.
        for (int c = 0; c + 1 < bounds.length; c++) {
            int from = bounds[c];
            int to = bounds[c + 1];
            String padded = "y<z" + page.substring(from, to) + "</body>z";
            // Shorter chunks of a longer String are searched char by char, longer ones with indexOf.
            strings.write(padded + TAIL, 3, to - from);
            chars.write(padded.toCharArray(), 3, to - from);
            byteSplice.write(padded.getBytes(StandardCharsets.ISO_8859_1), 3, to - from);
        }
        // Small byte writes are gathered until something shows or ends the buffered page.
        byteSplice.sendGathered();
        boolean snippet = Reference.hasSnippet(page);
        assertEquals(snippet, strings.pageHasSnippet(), "snippet seen (String writes)");
        assertEquals(snippet, chars.pageHasSnippet(), "snippet seen (char[] writes)");
        assertEquals(snippet, byteSplice.pageHasSnippet(), "snippet seen (byte[] writes)");
        strings.finish(TestBlocks.of(INSERT));
        chars.finish(TestBlocks.of(INSERT));
        byteSplice.finish(TestBlocks.of(INSERT));
        assertEquals(expected, asStrings.toString(), "String writes");
        assertEquals(expected, asChars.toString(), "char[] writes");
        assertEquals(expected, new String(asBytes.toByteArray(), StandardCharsets.ISO_8859_1), "byte[] writes");
    }

    /**
     * Chars outside Latin-1, among them ones whose low byte is a unit the scan looks for (\u0179,
     * \u017a and \u013c end in the bytes of y, z and {@code <}), a surrogate pair and lone halves,
     * and runs long enough to fill the char splice's narrowed blocks and cross their edges.
     */
    private static final List<String> WIDE_PIECES = List.of("\u2019", "\u201c", "\u2014", "\u0179", "\u017a",
            "\u013c", "\u0179\u017a", "\u013c/body>", "<\u2019body>", "\ud83d\ude00", "\ud83d", "\ude00",
            "\u65e5\u672c\u8a9e");

    @Provide
    Arbitrary<String> longPages() {
        Arbitrary<String> runs = Arbitraries.integers().between(1, 1500).map(n -> "a".repeat(n));
        Arbitrary<String> wideRuns = Arbitraries.integers().between(1, 300).map(n -> "\u65e5".repeat(n));
        Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(PIECES)),
                Tuple.of(3, Arbitraries.of(WIDE_PIECES)), Tuple.of(2, runs),
                Tuple.of(1, wideRuns));
        return piece.list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<Integer>> longCuts() {
        return Arbitraries.integers().between(0, 12_000).list().ofMaxSize(6);
    }

    @Property(tries = 1000)
    void longCharArrayPagesInAnyScriptAreSearchedAsUnitByUnit(@ForAll("longPages") String page,
            @ForAll("longCuts") List<Integer> cuts) throws IOException {
        int[] bounds = bounds(cuts, page.length());
        StringWriter ownArrays = new StringWriter();
        CharSplice fresh = new CharSplice(ownArrays);
        StringWriter oneArray = new StringWriter();
        CharSplice reused = new CharSplice(oneArray);
        // As a JSP's writer does: every chunk from the same array, overwritten in between.
        char[] buffer = new char[page.length() + 8];
        for (int c = 0; c + 1 < bounds.length; c++) {
            String chunk = page.substring(bounds[c], bounds[c + 1]);
            fresh.write(("y<z" + chunk + "</body>z").toCharArray(), 3, chunk.length());
            Arrays.fill(buffer, 'y');
            chunk.getChars(0, chunk.length(), buffer, 3);
            reused.write(buffer, 3, chunk.length());
        }
        boolean snippet = Reference.hasSnippet(page);
        assertEquals(snippet, fresh.pageHasSnippet(), "snippet seen (own arrays)");
        assertEquals(snippet, reused.pageHasSnippet(), "snippet seen (one array)");
        fresh.finish(TestBlocks.of(INSERT));
        reused.finish(TestBlocks.of(INSERT));
        String expected = Reference.splice(page, INSERT);
        assertEquals(expected, ownArrays.toString(), "own arrays");
        assertEquals(expected, oneArray.toString(), "one array");
    }

    private static int[] bounds(List<Integer> cuts, int length) {
        int[] bounds = cuts.stream().mapToInt(c -> Math.min(c, length)).sorted().toArray();
        int[] all = new int[bounds.length + 2];
        System.arraycopy(bounds, 0, all, 1, bounds.length);
        all[all.length - 1] = length;
        return all;
    }

    /** The page read one unit at a time: the algorithm the splice had before it learnt to skip. */
    static final class Reference {

        static String splice(String page, String insert) {
            EndTagMatcher matcher = new EndTagMatcher();
            int start = -1;
            int lastMatch = -1;
            for (int i = 0; i < page.length(); i++) {
                switch (matcher.feed(page.charAt(i))) {
                    case EndTagMatcher.START:
                    case EndTagMatcher.RESTART:
                        start = i;
                        break;
                    case EndTagMatcher.MATCH:
                        lastMatch = start;
                        break;
                    default:
                        break;
                }
            }
            return lastMatch < 0 ? page : page.substring(0, lastMatch) + insert + page.substring(lastMatch);
        }

        /** Forward: {@code <script} and white space opens a start tag, {@code >} closes it. */
        static boolean hasSnippet(String page) {
            boolean inScriptTag = false;
            for (int i = 0; i < page.length(); i++) {
                char c = page.charAt(i);
                if (c == '>') {
                    inScriptTag = false;
                } else if (c == '<' && page.regionMatches(true, i, "<script", 0, 7) && i + 7 < page.length()
                        && " \t\n\r\f".indexOf(page.charAt(i + 7)) >= 0) {
                    inScriptTag = true;
                } else if (inScriptTag && page.startsWith("ze-snippet", i)) {
                    return true;
                }
            }
            return false;
        }
    }
}
