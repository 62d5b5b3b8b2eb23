package dev.zwidget.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small byte writes reach the container gathered, in order, and only as the buffered page would. */
class GatheredWritesTest {

    private static final String INSERT = "<script>zE()</script>";

    /** A container stream that records each write it gets. */
    private static final class Writes extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> lengths = new ArrayList<>();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            lengths.add(len);
        }

        String text() {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** A new pair for each test (JUnit makes an instance per test). */
    private final Writes container = new Writes();
    private final ByteSplice splice = new ByteSplice(container);

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void rowsWrittenOneByOneReachTheContainerInBlocksOfTheGatheredSize() throws IOException {
        byte[] row = ascii("<div class=\"row\"><span>item</span><a href=\"/x?id=1\">link</a></div>\n");
        int rows = 1000;
        for (int i = 0; i < rows; i++) {
            splice.write(row, 0, row.length);
        }
        int perBlock = ByteSplice.GATHERED / row.length;
        assertEquals(rows / perBlock, container.lengths.size(), "one write per full block");
        assertTrue(container.lengths.stream().allMatch(n -> n == perBlock * row.length), container.lengths.toString());
        splice.finish(TestBlocks.of(INSERT));
        assertEquals(new String(row, StandardCharsets.ISO_8859_1).repeat(rows), container.text());
    }

    @Test
    void aLargeWriteSendsWhatWasGatheredFirst() throws IOException {
        splice.write(ascii("<p>a</p>"), 0, 8);
        byte[] large = ascii("b".repeat(ByteSplice.SMALL_WRITE));
        splice.write(large, 0, large.length);
        assertEquals("<p>a</p>" + "b".repeat(ByteSplice.SMALL_WRITE), container.text());
        assertEquals(List.of(8, ByteSplice.SMALL_WRITE), container.lengths);
    }

    @Test
    void theBlockGoesBeforeABodyEndSplitOverManySmallWrites() throws IOException {
        String page = "<html><body><p>hello</p></body></html>\n";
        for (int i = 0; i < page.length(); i++) {
            splice.write(ascii(page), i, 1);
        }
        assertEquals("", container.text(), "all gathered: nothing searched yet");
        assertTrue(splice.finish(TestBlocks.of(INSERT)));
        assertEquals("<html><body><p>hello</p>" + INSERT + "</body></html>\n", container.text());
    }

    @Test
    void sendingWhatWasGatheredPassesItOnAsFarAsTheSearchAllows() throws IOException {
        splice.write(ascii("<p>x</p></body>"), 0, 15);
        splice.sendGathered();
        assertEquals("<p>x</p>", container.text(), "a possible end of the body is held, the rest passes");
    }

    @Test
    void clearingDropsWhatWasGatheredAsTheContainerDropsItsBuffer() throws IOException {
        splice.write(ascii("<p>gone</p>"), 0, 11);
        splice.clear();
        splice.write(ascii("<body>kept</body>"), 0, 17);
        assertTrue(splice.finish(TestBlocks.of(INSERT)));
        assertEquals("<body>kept" + INSERT + "</body>", container.text());
        assertEquals(17, splice.written());
    }
}
