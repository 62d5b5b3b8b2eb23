package dev.zwidget.internal.web;

import dev.zwidget.internal.html.BlockSink;
import dev.zwidget.internal.html.Injection;
import dev.zwidget.internal.html.WidgetScripts;
import java.io.IOException;

/** The three things a page can get, as {@link Injection}s rendered by the mode's {@link WidgetScripts}. */
abstract class Planned implements Injection {

    private final String label;

    private Planned(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean carriesToken() {
        return false;
    }

    static Injection login(WidgetScripts markup, String token, boolean logoutFirst, String nonce) {
        return new Planned(logoutFirst ? "logout, login" : "login") {
            @Override
            public String markup(boolean pageHasSnippet) {
                return markup.login(token, logoutFirst, nonce, pageHasSnippet);
            }

            @Override
            public void writeMarkup(boolean pageHasSnippet, BlockSink sink) throws IOException {
                markup.writeLogin(token, logoutFirst, nonce, pageHasSnippet, sink);
            }

            @Override
            public boolean carriesToken() {
                return true;
            }
        };
    }

    static Injection logout(WidgetScripts markup, String nonce) {
        return new Planned("logout") {
            @Override
            public String markup(boolean pageHasSnippet) {
                return markup.logout(nonce, pageHasSnippet);
            }
        };
    }

    static Injection anonymous(WidgetScripts markup, String nonce) {
        return new Planned("anonymous") {
            @Override
            public String markup(boolean pageHasSnippet) {
                return markup.anonymous(nonce, pageHasSnippet);
            }
        };
    }
}
