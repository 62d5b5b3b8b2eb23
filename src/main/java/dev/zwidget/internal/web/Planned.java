package dev.zwidget.internal.web;

import dev.zwidget.internal.html.Injection;
import dev.zwidget.internal.html.WidgetMarkup;

/** The three things a page can get, as {@link Injection}s rendered by {@link WidgetMarkup}. */
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

    static Injection login(WidgetMarkup markup, String token, boolean logoutFirst, String nonce) {
        return new Planned(logoutFirst ? "logout, login" : "login") {
            @Override
            public String markup(boolean pageHasSnippet) {
                return markup.login(token, logoutFirst, nonce, pageHasSnippet);
            }

            @Override
            public boolean carriesToken() {
                return true;
            }
        };
    }

    static Injection logout(WidgetMarkup markup, String nonce) {
        return new Planned("logout") {
            @Override
            public String markup(boolean pageHasSnippet) {
                return markup.logout(nonce, pageHasSnippet);
            }
        };
    }

    static Injection anonymous(WidgetMarkup markup, String nonce) {
        return new Planned("anonymous") {
            @Override
            public String markup(boolean pageHasSnippet) {
                return markup.anonymous(nonce, pageHasSnippet);
            }
        };
    }
}
