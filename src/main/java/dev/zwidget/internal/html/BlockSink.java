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

    /** Something that writes a block into a sink. */
    interface Block {
        void writeTo(BlockSink sink) throws IOException;
    }

    /** The pieces {@code block} writes, as one String (for a view that prints the block itself). */
    static String collect(Block block) {
        StringBuilder text = new StringBuilder(2048);
        try {
            block.writeTo(new BlockSink() {
                @Override
                public void write(String ascii) {
                    text.append(ascii);
                }

                @Override
                public void write(AsciiText constant) {
                    text.append(constant.text());
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("a StringBuilder does not fail", e);
        }
        return text.toString();
    }
}
