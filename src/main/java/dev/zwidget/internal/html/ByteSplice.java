package dev.zwidget.internal.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * {@link BodyEndSplice} over the bytes of an ASCII-compatible charset.
 *
 * <p>Small writes (a row, a tag, one byte at a time) are gathered into one block before they
 * are searched and passed on: the scan and the container's own write both cost more per call
 * than per byte, and a 10 MB page written 68 bytes at a time took twice as long with the filter
 * as without it. What is gathered is part of the page's buffered output, as it would be in the
 * container's buffer: it goes on before anything that shows or ends that buffer (a flush, an
 * error page, the end of the page) and is dropped when the buffer is reset.
 */
final class ByteSplice extends BodyEndSplice {

    /** Writes shorter than this are gathered. */
    static final int SMALL_WRITE = 256;
    /** How much is gathered before it goes on. */
    static final int GATHERED = 2048;

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CASE = 0x2020202020202020L;
    private static final long LOWER_X = 0x7878787878787878L;
    private static final long NOT_LOW_BITS = 0xFCFCFCFCFCFCFCFCL;

    private final OutputStream out;
    private byte[] chunk;
    /** A view of the chunk that reads eight bytes at a time; kept while the page reuses its array. */
    private ByteBuffer words;
    /** Small writes not yet searched; allocated for the first one. */
    private byte[] gathered;
    private int gatheredLength;

    ByteSplice(OutputStream out) {
        this.out = out;
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        if (length < SMALL_WRITE && !finished()) {
            if (gathered == null) {
                gathered = new byte[GATHERED];
            } else if (gatheredLength + length > GATHERED) {
                sendGathered();
            }
            System.arraycopy(bytes, offset, gathered, gatheredLength, length);
            gatheredLength += length;
            return;
        }
        sendGathered();
        search(bytes, offset, length);
    }

    @Override
    protected void sendGathered() throws IOException {
        int length = gatheredLength;
        if (length > 0) {
            gatheredLength = 0;
            search(gathered, 0, length);
        }
    }

    @Override
    protected void dropGathered() {
        gatheredLength = 0;
    }

    private void search(byte[] bytes, int offset, int length) throws IOException {
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
     * Eight bytes a step. With the case bit set and XOR {@code x}, the letters x, y and z become
     * 0, 1 and 2 (an opening brace 3); clearing the two low bits leaves a zero byte exactly
     * there, found by the classic "has a zero byte" test, read little-endian so that the lowest
     * flag is the first such byte (false flags only sit above a real one). One test for both
     * letters the splice looks for is faster than two, and the few x and braces it stops at as
     * well are rejected by the caller's check of the unit. The inner loop does nothing but test
     * words and leaves at the first flagged one: kept that small, the JIT unrolls it. With the
     * flags walked inside the same loop the splice of a 50 KB page took 1.7x (a listing) to 2x
     * (an article) as long.
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
            int last = to - 8;
            while (i <= last) {
                long found = 0;
                for (; i <= last; i += 8) {
                    found = flags(view.getLong(i));
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
        return unit == 'z' || ((unit | 0x20) == 'y' && at - BEFORE_Y >= from && bytes[at - BEFORE_Y] == '<');
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
