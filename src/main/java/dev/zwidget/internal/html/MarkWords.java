package dev.zwidget.internal.html;

import java.nio.ByteBuffer;

/**
 * The search for {@link BodyEndSplice#nextMark marks} in bytes of an ASCII-compatible charset,
 * sixteen bytes at a time: the byte splice's search of a page's bytes and the char splice's search
 * of chars it narrowed to bytes.
 *
 * <p>Under the mask 0x5C (case, the two low bits and the high bit cleared) X, Y, Z, [ and x, y,
 * z, { are 0x58, so XOR 0x58 makes exactly those bytes zero and every other byte a multiple of
 * four. Subtracting one from each byte then sets the high bit of exactly the zero bytes: the
 * borrow a zero byte passes up cannot wrap a neighbour that is four or more. {@code & ~word}
 * drops the non-ASCII bytes that look the same under the mask (the UTF-8 lead bytes of Arabic
 * among them). Read little-endian, the lowest flag is the first such byte. One test for both
 * letters the splice looks for is faster than two, and the few x and braces it stops at as well
 * are rejected by the check of the unit. The inner loop does nothing but test two words and leave
 * at the first flagged pair: kept that small, the JIT unrolls it. With the flags walked inside the
 * same loop the splice of a 50 KB page took 1.7x (a listing) to 2x (an article) as long; with one
 * word per step, 1.2-1.3x as long on the listing (JMH, SpliceBenchmark.bytes).
 */
final class MarkWords {

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long MARK_BITS = 0x5C5C5C5C5C5C5C5CL;
    private static final long LOWER_MARK = 0x5858585858585858L;

    private MarkWords() {
    }

    /**
     * The index of the first mark in {@code [from, to)} of {@code bytes}, or {@code to}.
     * {@code words} is a little-endian view of {@code bytes}. A {@code y} within five bytes of
     * {@code from} is returned unchecked: its {@code <} may lie before {@code from}, where the
     * caller's own check of the unit looks.
     */
    static int next(byte[] bytes, ByteBuffer words, int from, int to) {
        int i = from;
        // A range shorter than two words (a tag between two marks) is read unit by unit.
        if (to - from >= 16) {
            int last = to - 8;
            while (i <= last) {
                long found = 0;
                for (; i <= last - 8; i += 16) {
                    long first = flags(words.getLong(i));
                    long second = flags(words.getLong(i + 8));
                    if (((first | second) & HIGHS) != 0) {
                        found = first & HIGHS;
                        if (found == 0) {
                            i += 8;
                            found = second & HIGHS;
                        }
                        break;
                    }
                }
                if (found == 0) {
                    // Fewer than two words left: one more, then the bytes after it.
                    if (i > last) {
                        break;
                    }
                    found = flags(words.getLong(i)) & HIGHS;
                    if (found == 0) {
                        i += 8;
                        continue;
                    }
                }
                for (; found != 0; found &= found - 1) {
                    int at = i + (Long.numberOfTrailingZeros(found) >>> 3);
                    if (isMark(bytes, at, from)) {
                        return at;
                    }
                }
                i += 8;
            }
        }
        for (; i < to; i++) {
            if (isMark(bytes, i, from)) {
                return i;
            }
        }
        return to;
    }

    /**
     * The high bit of each byte of {@code word} that is an x, y, z or opening brace in either
     * case; the other bits are left for {@code & HIGHS} to clear, once for two words.
     */
    private static long flags(long word) {
        long near = (word & MARK_BITS) ^ LOWER_MARK;
        return (near - ONES) & ~word;
    }

    /**
     * A {@code z}, or a {@code y} five units after a {@code <}: most letters the word test stops
     * at are rejected here, without a return to the caller, which checks the rest.
     */
    private static boolean isMark(byte[] bytes, int at, int from) {
        int unit = bytes[at];
        return unit == 'z' || ((unit | 0x20) == 'y' && (at - BodyEndSplice.BEFORE_Y < from
                || bytes[at - BodyEndSplice.BEFORE_Y] == '<'));
    }
}
