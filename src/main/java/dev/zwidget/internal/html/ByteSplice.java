package dev.zwidget.internal.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** {@link BodyEndSplice} over the bytes of an ASCII-compatible charset. */
final class ByteSplice extends BodyEndSplice {

    /** Runs at least this long are written straight from the page's array. */
    private static final int DIRECT = 2048;

    private final OutputStream out;
    private final byte[] pending = new byte[8192];
    private int pendingLength;
    private byte[] chunk;

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

    @Override
    protected void passChunk(int from, int to) throws IOException {
        int length = to - from;
        if (length >= DIRECT) {
            drain();
            out.write(chunk, from, length);
            return;
        }
        if (length > pending.length - pendingLength) {
            drain();
        }
        System.arraycopy(chunk, from, pending, pendingLength, length);
        pendingLength += length;
    }

    @Override
    protected void passHeld(char[] units, int offset, int length) throws IOException {
        for (int i = 0; i < length; i++) {
            if (pendingLength == pending.length) {
                drain();
            }
            pending[pendingLength++] = (byte) units[offset + i];
        }
    }

    @Override
    protected void passInsert(String markup) throws IOException {
        drain();
        out.write(markup.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    protected void drain() throws IOException {
        if (pendingLength > 0) {
            out.write(pending, 0, pendingLength);
            pendingLength = 0;
        }
    }
}
