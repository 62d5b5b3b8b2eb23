package dev.zwidget.internal.html;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The character sink behind the {@code PrintWriter} a page gets from {@code getWriter()}: the
 * chars counterpart of {@link SplicingOutputStream}. The container's own writer still encodes
 * them, so the page's charset stays the application's.
 */
final class SplicingWriter extends Writer {

    private final WidgetResponse owner;
    private final PrintWriter out;
    private CharSplice splice;
    /** For single-char writes; made on the first, as most pages never make one. */
    private char[] single;

    SplicingWriter(WidgetResponse owner, PrintWriter out) {
        this.owner = owner;
        this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (length <= 0) {
            return;
        }
        if (route()) {
            splice().write(chars, offset, length);
        } else {
            out.write(chars, offset, length);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (length <= 0) {
            return;
        }
        if (route()) {
            splice().write(text, offset, length);
        } else {
            out.write(text, offset, length);
        }
    }

    @Override
    public void write(int c) throws IOException {
        // print(char) and write(int) come one char at a time: no array per char.
        if (single == null) {
            single = new char[1];
        }
        single[0] = (char) c;
        write(single, 0, 1);
    }

    @Override
    public void flush() throws IOException {
        owner.decideIfUndecided(false);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        owner.finish();
        out.close();
    }

    private boolean route() {
        if (!owner.isDecided()) {
            owner.decide(false, false);
        }
        return owner.isSplicing();
    }

    private CharSplice splice() throws IOException {
        if (splice == null) {
            splice = new CharSplice(out);
        }
        owner.activate(splice);
        return splice;
    }

}
