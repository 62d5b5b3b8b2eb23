package dev.zwidget.internal.html;

import java.io.IOException;
import java.io.Writer;

/** {@link BodyEndSplice} over the chars a page writes through {@code getWriter()}. */
final class CharSplice extends BodyEndSplice {

    private static final int STRING_CHUNK = 8192;
    /** Runs at least this long are written straight from the page's array. */
    private static final int DIRECT = 2048;

    private final Writer out;
    private final char[] pending = new char[8192];
    private int pendingLength;
    private char[] chunk;
    private char[] stringScratch;

    CharSplice(Writer out) {
        this.out = out;
    }

    void write(char[] chars, int offset, int length) throws IOException {
        chunk = chars;
        try {
            process(offset, offset + length);
        } finally {
            chunk = null;
        }
    }

    void write(String text, int offset, int length) throws IOException {
        if (stringScratch == null) {
            stringScratch = new char[STRING_CHUNK];
        }
        int end = offset + length;
        for (int start = offset; start < end; start += STRING_CHUNK) {
            int n = Math.min(STRING_CHUNK, end - start);
            text.getChars(start, start + n, stringScratch, 0);
            write(stringScratch, 0, n);
        }
    }

    @Override
    public int unitAt(int index) {
        return chunk[index];
    }

    @Override
    public int indexOf(int unit, int from, int to) {
        char[] chars = chunk;
        char wanted = (char) unit;
        int i = from;
        while (i < to && chars[i] != wanted) {
            i++;
        }
        return i;
    }

    @Override
    protected void passChunk(int from, int to) throws IOException {
        append(chunk, from, to - from);
    }

    @Override
    protected void passHeld(char[] units, int offset, int length) throws IOException {
        append(units, offset, length);
    }

    private void append(char[] source, int offset, int length) throws IOException {
        if (length >= DIRECT) {
            drain();
            out.write(source, offset, length);
            return;
        }
        if (length > pending.length - pendingLength) {
            drain();
        }
        System.arraycopy(source, offset, pending, pendingLength, length);
        pendingLength += length;
    }

    @Override
    protected void passInsert(String markup) throws IOException {
        drain();
        out.write(markup);
    }

    @Override
    protected void drain() throws IOException {
        if (pendingLength > 0) {
            out.write(pending, 0, pendingLength);
            pendingLength = 0;
        }
    }
}
