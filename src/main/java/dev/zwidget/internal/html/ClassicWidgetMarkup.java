package dev.zwidget.internal.html;

import java.io.IOException;

/**
 * The blocks for the Classic Web Widget (Chat). The Classic widget reads
 * {@code window.zESettings} once, when its snippet boots, so the sign-in is a
 * {@code webWidget.authenticate.chat.jwtFn} set by a script placed <em>before</em> the snippet
 * tag; sign-out is {@code zE('webWidget','logout')}. Same escaping rules as {@link WidgetMarkup}:
 * only validated or fixed-alphabet values, and the token URL as an escaped JavaScript string.
 *
 * <p>A page that loads the snippet itself has booted the widget before the filter's block (which
 * goes before {@code </body>}): there the settings are handed over with
 * {@code updateSettings} and Chat is told to authenticate again with {@code chat:reauthenticate}.
 */
public final class ClassicWidgetMarkup implements WidgetScripts {

    private static final String LOGOUT = "zE('webWidget','logout');";

    private final WidgetMarkup snippet;
    // Made once: what follows the token in the settings script, and the sign-out script's code.
    private final String settingsRest;
    private final String logoutCode;

    /**
     * @param snippet renders the snippet tag (Zendesk's or the emulator's; the same for both widgets)
     * @param tokenUrl context path plus token path, as the browser should request it
     */
    public ClassicWidgetMarkup(WidgetMarkup snippet, String tokenUrl) {
        this.snippet = snippet;
        this.settingsRest = "',used=false;" + WidgetMarkup.refreshFunctions(tokenUrl, LOGOUT)
                + "var s=window.zESettings=window.zESettings||{};var w=s.webWidget=s.webWidget||{};"
                + "var a=w.authenticate=w.authenticate||{};a.chat={jwtFn:function(callback){"
                + WidgetMarkup.HAND_TOKEN + "}};"
                + "window.zwClassicAuth=a;})();";
        this.logoutCode = "(function(){" + WidgetMarkup.READY + "ready(function(){" + LOGOUT
                + WidgetMarkup.signedOutPing(tokenUrl) + "});})();";
    }

    @Override
    public String anonymous(String nonce, boolean pageHasSnippet) {
        return snippet.anonymous(nonce, pageHasSnippet);
    }

    /** The snippet and {@code logout}, then one call to the token endpoint, whose 401 clears the marker. */
    @Override
    public String logout(String nonce, boolean pageHasSnippet) {
        return (pageHasSnippet ? "" : snippet.snippetTag(nonce)) + WidgetMarkup.scriptTag(nonce, logoutCode);
    }

    /**
     * {@code zESettings} with the {@code jwtFn} (merged into settings the page may have set), then
     * the snippet; the Classic widget calls {@code jwtFn} when it boots and again whenever it needs
     * a token, and gets the page's token first and fresh ones after that.
     */
    @Override
    public void writeLogin(String jwt, boolean logoutFirst, String nonce, boolean pageHasSnippet, BlockSink sink)
            throws IOException {
        sink.write(WidgetMarkup.scriptTag(nonce, "(function(){var jwt='" + jwt + settingsRest));
        if (!pageHasSnippet) {
            sink.write(snippet.snippetTag(nonce));
        }
        if (logoutFirst || pageHasSnippet) {
            // The previous visitor's chat is ended first; then Chat asks jwtFn for this visitor.
            sink.write(WidgetMarkup.scriptTag(nonce, "(function(){" + WidgetMarkup.READY + "ready(function(){"
                    + (logoutFirst ? LOGOUT : "")
                    + (pageHasSnippet ? "zE('webWidget','updateSettings',{webWidget:{authenticate:"
                            + "window.zwClassicAuth}});" : "")
                    + "zE('webWidget','chat:reauthenticate');});})();"));
        }
    }
}
