package dev.zwidget.internal.html;

import java.io.IOException;

/**
 * What a page gets, decided once per response when its first byte is written (status and
 * headers are known by then, and there is still time to set headers).
 */
public interface Injection {

    /**
     * Writes the block to insert before {@code </body>} into the page, piece by piece: pure
     * ASCII, so that it is the same in every ASCII-compatible charset; nothing for no block.
     * {@code pageHasSnippet} says that the page already loads Zendesk's snippet itself, so only
     * the identification script is wanted.
     */
    void writeMarkup(boolean pageHasSnippet, BlockSink sink) throws IOException;

    /** The block {@link #writeMarkup} writes, as one String. */
    default String markup(boolean pageHasSnippet) {
        return BlockSink.collect(sink -> writeMarkup(pageHasSnippet, sink));
    }

    /** Whether the block carries a visitor's token, which makes the page uncacheable. */
    boolean carriesToken();

    /** A short phrase for the debug header: {@code login}, {@code logout}, {@code anonymous}… */
    String label();

    /** Whether nothing at all is inserted (the page then passes through untouched). */
    default boolean isNothing() {
        return false;
    }

    /** Nothing to insert, for the given reason. */
    static Injection nothing(String reason) {
        String label = "none; " + reason;
        return new Injection() {
            @Override
            public void writeMarkup(boolean pageHasSnippet, BlockSink sink) {
                // Nothing is inserted.
            }

            @Override
            public boolean carriesToken() {
                return false;
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public boolean isNothing() {
                return true;
            }
        };
    }
}
