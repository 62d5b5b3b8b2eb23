package dev.zwidget.internal.html;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The char splice's search of a {@code char[]} chunk for {@link BodyEndSplice#nextMark marks}.
 * Java 8 reads a {@code char[]} one char at a time, and a loop over chars cost ~0.5 ns a char,
 * three times the byte splice's word search: 25 µs of a JSP's 50 KB page. So a block of chars at a
 * time is narrowed to bytes by the JDK's Latin-1 encoder, whose loop the JVM compiles to vector
 * instructions, and the bytes are searched eight at a time ({@link MarkWords}). A char outside
 * Latin-1 stops the encoder: the block goes on from the char after it when what was narrowed made
 * the encoder worth calling, and is otherwise searched one char at a time to its end, so that a
 * page in Greek or Japanese costs the char loop and one short encoder call per block.
 *
 * <p>What is narrowed belongs to one chunk, whose chars the page may reuse for the next one:
 * {@link #chunkStarts} forgets it.
 */
final class NarrowedChars {

    /** Chars narrowed at a time. */
    static final int BLOCK = 1024;
    /** Chars the encoder has to get through for the block to go on after a char it stopped at. */
    private static final int WORTH_AN_ENCODER_CALL = 64;

    private final CharsetEncoder latin1 = StandardCharsets.ISO_8859_1.newEncoder();
    private final byte[] bytes = new byte[BLOCK];
    private final ByteBuffer target = ByteBuffer.wrap(bytes);
    private final ByteBuffer words = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    /** A view of the page's chars; kept while the page reuses its array. */
    private CharBuffer source;
    // The block: chars [start, end) of the chunk, of which [start, narrowedEnd) are in bytes.
    private int start;
    private int narrowedEnd;
    private int end;

    void chunkStarts() {
        start = 0;
        narrowedEnd = 0;
        end = 0;
    }

    /** As {@link BodyEndSplice#nextMark}, over chars {@code [from, to)} of {@code page}. */
    int nextMark(char[] page, int from, int to) {
        int i = from;
        while (i < to) {
            if (i < start || i >= end) {
                narrow(page, i, to);
            }
            int narrowed = Math.min(narrowedEnd, to);
            if (i < narrowed) {
                int at = start + MarkWords.next(bytes, words, i - start, narrowed - start);
                if (at < narrowed) {
                    return at;
                }
                i = narrowed;
            }
            int stop = Math.min(end, to);
            if (i < stop) {
                int at = oneByOne(page, i, stop, from);
                if (at < stop) {
                    return at;
                }
                i = stop;
            }
        }
        return to;
    }

    private void narrow(char[] page, int from, int to) {
        int length = Math.min(BLOCK, to - from);
        start = from;
        end = from + length;
        if (length < WORTH_AN_ENCODER_CALL) {
            // A few chars (a tag, a char written on its own) cost less one by one.
            narrowedEnd = from;
            return;
        }
        CharBuffer in = source;
        if (in == null || in.array() != page) {
            in = CharBuffer.wrap(page);
            source = in;
        }
        in.limit(from + length).position(from);
        target.clear();
        latin1.reset();
        // Not the end of input: a high surrogate that ends the block is left to the char loop.
        latin1.encode(in, target, false);
        narrowedEnd = in.position();
        if (narrowedEnd < end && narrowedEnd - from >= WORTH_AN_ENCODER_CALL) {
            end = narrowedEnd + 1;
        }
    }

    /**
     * The first {@code z} or {@code y}/{@code Y} after a {@code <} in {@code [from, to)}, a char at a
     * time. The inner loop tests for y, z and their capitals only, and the rest is checked outside
     * it: with the whole check inside, the splice of a 50 KB page took 10-15 % longer, and up to 1.5
     * times as long on English text (many y's).
     */
    private static int oneByOne(char[] page, int from, int to, int floor) {
        for (int i = from; ; i++) {
            while (i < to && (((page[i] | 0x20) - 'y') >>> 1) != 0) {
                i++;
            }
            if (i >= to) {
                return to;
            }
            int unit = page[i];
            if (unit == 'z' || (unit != 'Z' && i - BodyEndSplice.BEFORE_Y >= floor
                    && page[i - BodyEndSplice.BEFORE_Y] == '<')) {
                return i;
            }
        }
    }
}
