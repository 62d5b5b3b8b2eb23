package dev.zwidget.internal.web;

import dev.zwidget.internal.html.BlockSink;
import dev.zwidget.internal.html.Injection;
import dev.zwidget.internal.html.WidgetScripts;
import java.io.IOException;
import java.util.function.Supplier;

/** The three things a page can get, as {@link Injection}s rendered by the mode's {@link WidgetScripts}. */
abstract class Planned implements Injection {

    private final String label;
    /** Scripts after the block's own (widget settings, tab sync); empty by default, so the block is as ever. */
    private final String after;

    private Planned(String label, String after) {
        this.label = label;
        this.after = after;
    }

    /** The block, then the scripts that follow it; nothing when the block cannot be written. */
    @Override
    public final void writeMarkup(boolean pageHasSnippet, BlockSink sink) throws IOException {
        if (writeBlock(pageHasSnippet, sink) && !after.isEmpty()) {
            sink.write(after);
        }
    }

    /** Writes the block; {@code false} when there is none to write (its token could not be minted). */
    abstract boolean writeBlock(boolean pageHasSnippet, BlockSink sink) throws IOException;

    /** Writes a block that is one String, when it is not empty. */
    static boolean write(String block, BlockSink sink) throws IOException {
        if (!block.isEmpty()) {
            sink.write(block);
        }
        return true;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean carriesToken() {
        return false;
    }

    /**
     * @param token the page's token, asked when the block is written (the page's end, or where a
     *     view places it); {@code null} when it could not be minted, and the page then gets nothing
     */
    static Injection login(WidgetScripts markup, Supplier<String> token, boolean logoutFirst, String nonce,
            String after) {
        return new Planned(logoutFirst ? "logout, login" : "login", after) {
            @Override
            boolean writeBlock(boolean pageHasSnippet, BlockSink sink) throws IOException {
                String jwt = token.get();
                if (jwt == null) {
                    return false;
                }
                markup.writeLogin(jwt, logoutFirst, nonce, pageHasSnippet, sink);
                return true;
            }

            @Override
            public boolean carriesToken() {
                return true;
            }
        };
    }

    static Injection logout(WidgetScripts markup, String nonce, String after) {
        return new Planned("logout", after) {
            @Override
            boolean writeBlock(boolean pageHasSnippet, BlockSink sink) throws IOException {
                return write(markup.logout(nonce, pageHasSnippet), sink);
            }
        };
    }

    static Injection anonymous(WidgetScripts markup, String nonce, String after) {
        return new Planned("anonymous", after) {
            @Override
            boolean writeBlock(boolean pageHasSnippet, BlockSink sink) throws IOException {
                return write(markup.anonymous(nonce, pageHasSnippet), sink);
            }
        };
    }
}
