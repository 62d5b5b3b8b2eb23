package dev.zwidget.internal.html;

import java.io.IOException;

/**
 * Where the inserted block is written, piece by piece, straight into the page: the block is
 * never assembled into one String first (on a byte page that String would then be copied
 * again into bytes: three copies of a 2 KB block per page view). Every piece is pure ASCII.
 */
public interface BlockSink {

    /** A piece made for this page (token, nonce…). */
    void write(String ascii) throws IOException;

    /** A piece that is the same on every page, encoded once. */
    void write(AsciiText constant) throws IOException;
}
