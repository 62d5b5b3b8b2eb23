package dev.zwidget.internal.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** {@link BodyEndSplice} over the bytes of an ASCII-compatible charset. */
final class ByteSplice extends BodyEndSplice {

    private final OutputStream out;
    private byte[] chunk;
    private byte[] scratch = new byte[0];

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
    protected int indexOfTagOpen(int from, int to) {
        byte[] bytes = chunk;
        int i = from;
        while (i < to && bytes[i] != '<') {
            i++;
        }
        return i;
    }

    @Override
    protected void passChunk(int from, int to) throws IOException {
        out.write(chunk, from, to - from);
    }

    @Override
    protected void passHeld(char[] units, int offset, int length) throws IOException {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 64)];
        }
        for (int i = 0; i < length; i++) {
            scratch[i] = (byte) units[offset + i];
        }
        out.write(scratch, 0, length);
    }

    @Override
    protected void passInsert(String markup) throws IOException {
        out.write(markup.getBytes(StandardCharsets.US_ASCII));
    }
}
