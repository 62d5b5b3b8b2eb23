package dev.zwidget.internal.html;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/**
 * The output stream a page writes to. Until the first byte it does not know whether the page
 * is eligible; from then on it either passes bytes straight through or through a
 * {@link ByteSplice}. Closing it ends the document, which is how a forward's close reaches us.
 */
final class SplicingOutputStream extends ServletOutputStream {

    private final WidgetResponse owner;
    private final ServletOutputStream out;
    /** For single-byte writes; made on the first, as most pages never make one. */
    private byte[] single;
    private ByteSplice splice;

    SplicingOutputStream(WidgetResponse owner, ServletOutputStream out) {
        this.owner = owner;
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        if (single == null) {
            single = new byte[1];
        }
        single[0] = (byte) b;
        write(single, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length <= 0) {
            return;
        }
        if (!owner.isDecided()) {
            owner.decide(true, startsWithWideBom(bytes, offset, length));
        }
        if (owner.isSplicing()) {
            splice().write(bytes, offset, length);
        } else {
            out.write(bytes, offset, length);
        }
    }

    /**
     * Containers encode {@code print(String)} with the response charset where they override it
     * (Jetty does; the Servlet API's own version knows only ISO-8859-1 and refuses the rest):
     * a page passing through gets the container's own method, a spliced one the same bytes.
     */
    @Override
    public void print(String s) throws IOException {
        if (passingThrough()) {
            out.print(s);
        } else if (ContainerPrint.encodesWithCharset(out)) {
            write(String.valueOf(s).getBytes(owner.getCharacterEncoding()));
        } else {
            super.print(s);
        }
    }

    @Override
    public void println(String s) throws IOException {
        if (passingThrough()) {
            out.println(s);
        } else {
            print(s);
            print("\r\n");
        }
    }

    private boolean passingThrough() {
        return owner.isDecided() && !owner.isSplicing();
    }

    @Override
    public void flush() throws IOException {
        owner.decideIfUndecided(true);
        if (splice != null) {
            splice.sendGathered();
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        owner.finish();
        out.close();
    }

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    /** Non-blocking output bypasses the splice: held bytes could not be written later. */
    @Override
    public void setWriteListener(WriteListener listener) {
        owner.abandonSplicing();
        out.setWriteListener(listener);
    }

    private ByteSplice splice() throws IOException {
        if (splice == null) {
            splice = new ByteSplice(out);
        }
        owner.activate(splice);
        return splice;
    }


    /**
     * A UTF-16 or UTF-32 byte order mark: such a page is not ASCII-compatible. A first write of
     * one byte that may begin one ({@code write(0xFF)} then the rest) counts as one: no HTML page
     * in an ASCII-compatible charset starts with 0xFF, 0xFE or 0x00.
     */
    private static boolean startsWithWideBom(byte[] b, int offset, int length) {
        int b0 = b[offset] & 0xFF;
        if (length == 1) {
            return b0 == 0xFF || b0 == 0xFE || b0 == 0;
        }
        int b1 = b[offset + 1] & 0xFF;
        return (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)
                || (b0 == 0 && b1 == 0);
    }
}
