package dev.zwidget.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The word search against a reading of one byte at a time, on bytes that meet its word test half
 * way: the letters and brackets it flags, their neighbours under its mask, the non-ASCII bytes
 * that look like them under it (UTF-8 lead bytes of Arabic, Latin-1 letters), and the extremes.
 */
class MarkWordsProperties {

    private static final byte[] ALPHABET = {'x', 'y', 'z', '{', 'X', 'Y', 'Z', '[', '<', '/', 'b', 'w', '|', '\\',
        '_', '}', '~', 0x7f, 0x5c, 0x7c, 0x54, 0x74, ' ', 0, (byte) 0x80, (byte) 0xff, (byte) 0xd8, (byte) 0xd9,
        (byte) 0xda, (byte) 0xdb, (byte) 0xf8, (byte) 0xf9, (byte) 0xfa, (byte) 0xfb, (byte) 0xdc, (byte) 0xd7};

    @Provide
    Arbitrary<byte[]> pages() {
        return Arbitraries.integers().between(0, ALPHABET.length - 1).list().ofMaxSize(90).map(indices -> {
            byte[] page = new byte[indices.size()];
            for (int i = 0; i < page.length; i++) {
                page[i] = ALPHABET[indices.get(i)];
            }
            return page;
        });
    }

    @Property(tries = 5000)
    void findsTheFirstMarkAByteByByteReadingFinds(@ForAll("pages") byte[] page,
            @ForAll @IntRange(max = 90) int fromSeed, @ForAll @IntRange(max = 90) int toSeed) {
        int from = Math.min(fromSeed, page.length);
        int to = from + Math.min(toSeed, page.length - from);
        ByteBuffer words = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(firstMark(page, from, to), MarkWords.next(page, words, from, to));
    }

    private static int firstMark(byte[] page, int from, int to) {
        for (int i = from; i < to; i++) {
            boolean y = page[i] == 'y' || page[i] == 'Y';
            if (page[i] == 'z' || y && (i - BodyEndSplice.BEFORE_Y < from || page[i - BodyEndSplice.BEFORE_Y] == '<')) {
                return i;
            }
        }
        return to;
    }
}
