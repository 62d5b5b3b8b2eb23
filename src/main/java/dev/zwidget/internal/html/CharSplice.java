package dev.zwidget.internal.html;

import java.io.IOException;
import java.io.Writer;

/** {@link BodyEndSplice} over the chars a page writes through {@code getWriter()}. */
final class CharSplice extends BodyEndSplice {

    private static final int STRING_CHUNK = 8192;

    private final Writer out;
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
    protected int indexOfTagOpen(int from, int to) {
        char[] chars = chunk;
        int i = from;
        while (i < to && chars[i] != '<') {
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
        out.write(units, offset, length);
    }

    @Override
    protected void passInsert(String markup) throws IOException {
        out.write(markup);
    }
}
