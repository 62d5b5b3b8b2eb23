package dev.zwidget.internal.web;

import dev.zwidget.internal.html.BlockSink;
import dev.zwidget.internal.html.Injection;
import dev.zwidget.internal.html.WidgetScripts;
import java.io.IOException;

/** The three things a page can get, as {@link Injection}s rendered by the mode's {@link WidgetScripts}. */
abstract class Planned implements Injection {

    private final String label;
    /** Scripts after the block's own (widget settings, tab sync); empty by default, so the block is as ever. */
    private final String after;

    private Planned(String label, String after) {
        this.label = label;
        this.after = after;
    }

    /** The block, then the scripts that follow it. */
    @Override
    public final void writeMarkup(boolean pageHasSnippet, BlockSink sink) throws IOException {
        writeBlock(pageHasSnippet, sink);
        if (!after.isEmpty()) {
            sink.write(after);
        }
    }

    abstract void writeBlock(boolean pageHasSnippet, BlockSink sink) throws IOException;

    /** Writes a block that is one String, when it is not empty. */
    static void write(String block, BlockSink sink) throws IOException {
        if (!block.isEmpty()) {
            sink.write(block);
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean carriesToken() {
        return false;
    }

    static Injection login(WidgetScripts markup, String token, boolean logoutFirst, String nonce, String after) {
        return new Planned(logoutFirst ? "logout, login" : "login", after) {
            @Override
            void writeBlock(boolean pageHasSnippet, BlockSink sink) throws IOException {
                markup.writeLogin(token, logoutFirst, nonce, pageHasSnippet, sink);
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
            void writeBlock(boolean pageHasSnippet, BlockSink sink) throws IOException {
                write(markup.logout(nonce, pageHasSnippet), sink);
            }
        };
    }

    static Injection anonymous(WidgetScripts markup, String nonce, String after) {
        return new Planned("anonymous", after) {
            @Override
            void writeBlock(boolean pageHasSnippet, BlockSink sink) throws IOException {
                write(markup.anonymous(nonce, pageHasSnippet), sink);
            }
        };
    }
}
