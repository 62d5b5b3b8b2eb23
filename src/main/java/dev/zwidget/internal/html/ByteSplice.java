package dev.zwidget.internal.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** {@link BodyEndSplice} over the bytes of an ASCII-compatible charset. */
final class ByteSplice extends BodyEndSplice {

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CASE = 0x2020202020202020L;
    private static final long LOWER_Y = 0x7979797979797979L;
    private static final long LOWER_Z = 0x7A7A7A7A7A7A7A7AL;

    private final OutputStream out;
    private byte[] chunk;
    /** A view of the chunk that reads eight bytes at a time; kept while the page reuses its array. */
    private ByteBuffer words;

    ByteSplice(OutputStream out) {
        this.out = out;
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        chunk = bytes;
        try {
            process(offset, offset + length);
        } finally {
            chunk = null;
        }
    }

    @Override
    public int unitAt(int index) {
        return chunk[index] & 0xFF;
    }

    @Override
    public int indexOf(int unit, int from, int to) {
        byte[] bytes = chunk;
        byte wanted = (byte) unit;
        int i = from;
        while (i < to && bytes[i] != wanted) {
            i++;
        }
        return i;
    }

    /**
     * Eight bytes a step: a word is skipped unless one of its bytes, with the case bit set, is
     * {@code y} or {@code z} (the classic "has a zero byte" test on the word XOR the letter,
     * read little-endian so that the lowest flag is the first byte).
     */
    @Override
    protected int nextMark(int from, int to) {
        byte[] bytes = chunk;
        int i = from;
        if (to - from >= 16) {
            ByteBuffer view = words;
            if (view == null || view.array() != bytes) {
                view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                words = view;
            }
            for (int last = to - 8; i <= last; i += 8) {
                long word = view.getLong(i) | CASE;
                long y = word ^ LOWER_Y;
                long z = word ^ LOWER_Z;
                long found = (((y - ONES) & ~y) | ((z - ONES) & ~z)) & HIGHS;
                if (found != 0) {
                    // The lowest flag is always a real match: false flags only sit above one.
                    return i + (Long.numberOfTrailingZeros(found) >>> 3);
                }
            }
        }
        for (; i < to; i++) {
            if ((((bytes[i] | 0x20) - 'y') >>> 1) == 0) {
                return i;
            }
        }
        return to;
    }

    @Override
    protected void copy(int from, int to, char[] target, int at) {
        byte[] bytes = chunk;
        for (int i = from; i < to; i++) {
            target[at++] = (char) (bytes[i] & 0xFF);
        }
    }

    @Override
    protected void passChunk(int from, int to) throws IOException {
        out.write(chunk, from, to - from);
    }

    @Override
    protected void passHeld(char[] units, int offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) units[offset + i];
        }
        out.write(bytes, 0, length);
    }

    @Override
    protected void passInsert(String markup) throws IOException {
        out.write(markup.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    protected void passInsert(AsciiText markup) throws IOException {
        out.write(markup.bytes());
    }
}
