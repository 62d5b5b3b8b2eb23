package dev.zwidget.internal.html;

import java.nio.ByteBuffer;

/**
 * The search for {@link BodyEndSplice#nextMark marks} in bytes of an ASCII-compatible charset,
 * eight bytes at a time: the byte splice's search of a page's bytes and the char splice's search
 * of chars it narrowed to bytes.
 *
 * <p>With the case bit set and XOR {@code x}, the letters x, y and z become 0, 1 and 2 (an
 * opening brace 3); clearing the two low bits leaves a zero byte exactly there, found by the
 * classic "has a zero byte" test, read little-endian so that the lowest flag is the first such
 * byte (false flags only sit above a real one). One test for both letters the splice looks for is
 * faster than two, and the few x and braces it stops at as well are rejected by the check of the
 * unit. The inner loop does nothing but test words and leaves at the first flagged one: kept that
 * small, the JIT unrolls it. With the flags walked inside the same loop the splice of a 50 KB page
 * took 1.7x (a listing) to 2x (an article) as long.
 */
final class MarkWords {

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CASE = 0x2020202020202020L;
    private static final long LOWER_X = 0x7878787878787878L;
    private static final long NOT_LOW_BITS = 0xFCFCFCFCFCFCFCFCL;

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
        // Without this guard C2 shaped the loop worse: a listing's 50 KB of bytes took 11-16 µs
        // instead of 6-7 (JMH, SpliceBenchmark.bytes).
        if (to - from >= 16) {
            int last = to - 8;
            while (i <= last) {
                long found = 0;
                for (; i <= last; i += 8) {
                    found = flags(words.getLong(i));
                    if (found != 0) {
                        break;
                    }
                }
                if (found == 0) {
                    break;
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

    /** The high bit of each byte of {@code word} that is an x, y, z or opening brace in either case. */
    private static long flags(long word) {
        long near = ((word | CASE) ^ LOWER_X) & NOT_LOW_BITS;
        return (near - ONES) & ~near & HIGHS;
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
