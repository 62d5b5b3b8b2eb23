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
 * instructions, and the bytes are searched sixteen at a time ({@link MarkWords}). A char outside
 * Latin-1 stops the encoder; it can never be a mark, so it becomes a zero byte, which keeps every
 * char at its index, and the encoder goes on after the next few Latin-1 chars. (Its replacement
 * action cannot do that: it puts one byte for a surrogate pair.)
 *
 * <p>What is narrowed belongs to one chunk, whose chars the page may reuse for the next one:
 * {@link #chunkStarts} forgets it. Within a chunk {@code to} is the chunk's end.
 */
final class NarrowedChars {

    /** Chars narrowed at a time. */
    static final int BLOCK = 1024;
    /** Shorter ranges (a tag, a char written on its own) cost less one char at a time than an encoder call. */
    private static final int WORTH_AN_ENCODER_CALL = 64;
    /** Latin-1 chars after one outside it that are narrowed before the encoder is called again. */
    private static final int WORTH_RESUMING = 4;

    private final CharsetEncoder latin1 = StandardCharsets.ISO_8859_1.newEncoder();
    private final byte[] bytes = new byte[BLOCK];
    /** The encoder's target, and a little-endian view for the word search. */
    private final ByteBuffer words = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    /** A view of the page's chars; kept while the page reuses its array. */
    private CharBuffer source;
    /** The block: chars {@code [start, end)} of the chunk, narrowed into {@code bytes}. */
    private int start;
    private int end;

    void chunkStarts() {
        start = 0;
        end = 0;
    }

    /** As {@link BodyEndSplice#nextMark}, over chars {@code [from, to)} of {@code page}. */
    int nextMark(char[] page, int from, int to) {
        int i = from;
        while (i < to) {
            // The splice only moves forward, but the block is trusted only where it lies: a stale
            // index into it would throw in the middle of an application's page.
            if (i < start || i >= end) {
                if (to - i < WORTH_AN_ENCODER_CALL) {
                    return oneByOne(page, i, to, from);
                }
                narrow(page, i, Math.min(to, i + BLOCK));
            }
            int at = start + MarkWords.next(bytes, words, i - start, end - start);
            if (at < end) {
                return at;
            }
            i = end;
        }
        return to;
    }

    private void narrow(char[] page, int from, int to) {
        CharBuffer in = source;
        if (in == null || in.array() != page) {
            in = CharBuffer.wrap(page);
            source = in;
        }
        in.limit(to).position(from);
        words.clear();
        latin1.reset();
        while (true) {
            latin1.encode(in, words, false);
            int stop = in.position();
            if (stop >= to) {
                break;
            }
            // Narrowed here one at a time up to the next run of Latin-1 worth an encoder call.
            // Restarted after every run of chars outside it, the encoder was called once per word
            // of a text in Arabic or Cyrillic: SpliceBenchmark.chars's Arabic page took 1.7x as long.
            int next = stop;
            for (int latin = 0; next < to && latin < WORTH_RESUMING; next++) {
                char unit = page[next];
                if (unit > 0xFF) {
                    bytes[next - from] = 0;
                    latin = 0;
                } else {
                    bytes[next - from] = (byte) unit;
                    latin++;
                }
            }
            in.position(next);
            words.position(next - from);
        }
        start = from;
        end = to;
    }

    /**
     * The first {@code z}, or {@code y}/{@code Y} five chars after a {@code <} at or after
     * {@code floor}, in {@code [from, to)}, a char at a time. The inner loop tests for y, z and their
     * capitals only, and the rest is checked outside it: with the whole check inside, the splice
     * of a 50 KB page took 10-15 % longer, and up to 1.5 times as long on English text (many y's).
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
