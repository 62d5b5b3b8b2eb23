package dev.zwidget.internal.html;

import java.io.IOException;
import java.io.Writer;

/**
 * {@link BodyEndSplice} over the chars a page writes through {@code getWriter()}: a
 * {@code char[]} or a {@code String}. A String goes on to the container as a String, which
 * containers encode much faster than chars (Jetty 12's writer takes a String's fast path and
 * walks a char array one char at a time), and is searched with {@code String.indexOf}, which
 * the JVM compiles to vector instructions.
 */
final class CharSplice extends BodyEndSplice {

    private final Writer out;
    private char[] chars;
    /** The search of char arrays; made for the first one. */
    private NarrowedChars narrowed;
    private String text;
    // Where the String's next y, Y and z are, as far as the chunk goes (to: none).
    private int nextY;
    private int nextUpperY;
    private int nextZ;

    CharSplice(Writer out) {
        this.out = out;
    }

    void write(char[] page, int offset, int length) throws IOException {
        if (narrowed == null) {
            narrowed = new NarrowedChars();
        }
        narrowed.chunkStarts();
        chars = page;
        try {
            process(offset, offset + length);
        } finally {
            chars = null;
        }
    }

    void write(String page, int offset, int length) throws IOException {
        text = page;
        nextY = -1;
        nextUpperY = -1;
        nextZ = -1;
        try {
            process(offset, offset + length);
        } finally {
            text = null;
        }
    }

    @Override
    public int unitAt(int index) {
        return chars != null ? chars[index] : text.charAt(index);
    }

    @Override
    public int indexOf(int unit, int from, int to) {
        if (chars == null) {
            return find(unit, from, to);
        }
        char[] page = chars;
        char wanted = (char) unit;
        int i = from;
        while (i < to && page[i] != wanted) {
            i++;
        }
        return i;
    }

    @Override
    protected int nextMark(int from, int to) {
        if (chars == null) {
            if (nextY < from) {
                nextY = findEnd('y', from, to);
            }
            if (nextUpperY < from) {
                nextUpperY = findEnd('Y', from, to);
            }
            if (nextZ < from) {
                nextZ = find('z', from, to);
            }
            return Math.min(nextY, Math.min(nextUpperY, nextZ));
        }
        return narrowed.nextMark(chars, from, to);
    }

    /** The next {@code y} (or {@code Y}) five chars after a {@code <}, within the range. */
    private int findEnd(int letter, int from, int to) {
        int at = find(letter, from, to);
        while (at < to && (at - BEFORE_Y < from || text.charAt(at - BEFORE_Y) != '<')) {
            at = find(letter, at + 1, to);
        }
        return at;
    }

    /**
     * {@code String.indexOf} within {@code [from, to)}. It searches to the end of the String,
     * so a short range of a much longer String is searched char by char instead.
     */
    private int find(int unit, int from, int to) {
        if (text.length() - to > 4 * (to - from) + 64) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == unit) {
                    return i;
                }
            }
            return to;
        }
        int at = text.indexOf(unit, from);
        return at < 0 || at > to ? to : at;
    }

    @Override
    protected void copy(int from, int to, char[] target, int at) {
        if (chars != null) {
            System.arraycopy(chars, from, target, at, to - from);
        } else {
            text.getChars(from, to, target, at);
        }
    }

    @Override
    protected void passChunk(int from, int to) throws IOException {
        if (chars != null) {
            out.write(chars, from, to - from);
        } else {
            out.write(text, from, to - from);
        }
    }

    @Override
    protected void passHeld(char[] units, int offset, int length) throws IOException {
        out.write(units, offset, length);
    }

    @Override
    protected void passInsert(String markup) throws IOException {
        out.write(markup);
    }

    @Override
    protected void passInsert(AsciiText markup) throws IOException {
        out.write(markup.text());
    }
}
