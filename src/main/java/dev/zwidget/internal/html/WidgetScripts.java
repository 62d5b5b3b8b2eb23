package dev.zwidget.internal.html;

import java.io.IOException;

/**
 * The three blocks a page can get, in the dialect of one Zendesk widget: {@link WidgetMarkup}
 * for the messaging Web Widget, {@link ClassicWidgetMarkup} for the Classic one. Each is pure
 * ASCII and safe inside an HTML body; {@code nonce} is a checked CSP nonce or {@code null}, and
 * {@code pageHasSnippet} says that the page loads Zendesk's snippet itself.
 */
public interface WidgetScripts {

    /** The snippet alone, for an anonymous visitor. */
    String anonymous(String nonce, boolean pageHasSnippet);

    /** The snippet and the widget's sign-out, for a browser whose visitor signed out. */
    String logout(String nonce, boolean pageHasSnippet);

    /**
     * Writes the snippet and the sign-in with this page's token into the page, signing the
     * previous visitor out first if asked.
     */
    void writeLogin(String jwt, boolean logoutFirst, String nonce, boolean pageHasSnippet, BlockSink sink)
            throws IOException;

    /** What {@link #writeLogin} writes, as one String. */
    default String login(String jwt, boolean logoutFirst, String nonce, boolean pageHasSnippet) {
        return BlockSink.collect(sink -> writeLogin(jwt, logoutFirst, nonce, pageHasSnippet, sink));
    }
}
