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

    @Override
    public final String markup(boolean pageHasSnippet) {
        return block(pageHasSnippet) + after;
    }

    abstract String block(boolean pageHasSnippet);

    /** The same as {@link #markup}, written into the page piece by piece. */
    @Override
    public final void writeMarkup(boolean pageHasSnippet, BlockSink sink) throws IOException {
        writeBlock(pageHasSnippet, sink);
        if (!after.isEmpty()) {
            sink.write(after);
        }
    }

    void writeBlock(boolean pageHasSnippet, BlockSink sink) throws IOException {
        String block = block(pageHasSnippet);
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
            String block(boolean pageHasSnippet) {
                return markup.login(token, logoutFirst, nonce, pageHasSnippet);
            }

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
            String block(boolean pageHasSnippet) {
                return markup.logout(nonce, pageHasSnippet);
            }
        };
    }

    static Injection anonymous(WidgetScripts markup, String nonce, String after) {
        return new Planned("anonymous", after) {
            @Override
            String block(boolean pageHasSnippet) {
                return markup.anonymous(nonce, pageHasSnippet);
            }
        };
    }
}
