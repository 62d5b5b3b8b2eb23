package dev.zwidget.internal.html;

import java.io.IOException;

/**
 * Renders the blocks the filter inserts. Everything here is pure ASCII and built only from
 * values that were validated at start-up ({@code widgetKey}), have a fixed alphabet (the JWT, a
 * checked nonce) or are escaped for a JavaScript string inside a script element (the token URL).
 *
 * <p>The identification script runs {@code zE} only once it exists: right away after our own
 * snippet tag (a parser-blocking script, so {@code zE} is defined when the next script runs), or
 * after the load event of a snippet the page carries itself, wherever that stands.
 */
public final class WidgetMarkup implements WidgetScripts {

    public static final String ZENDESK_SNIPPET_URL = "https://static.zdassets.com/ekr/snippet.js";

    // Waits for zE: now, after the page's own #ze-snippet has loaded, or after the DOM is parsed
    // when that tag comes later in the document.
    static final String READY = "function ready(f){if(window.zE){f();return;}"
            + "var s=document.getElementById('ze-snippet');"
            + "if(s){s.addEventListener('load',f);return;}"
            + "document.addEventListener('DOMContentLoaded',function(){"
            + "var t=document.getElementById('ze-snippet');"
            + "if(window.zE){f();}else if(t){t.addEventListener('load',f);}});}";

    private final String widgetKey;
    private final String tokenUrl;
    private final String snippetUrl;
    /** Added to the sign-out after a 401: empty, or the call that tells the other tabs (syncTabs). */
    private final String signOutHook;
    // The sign-in block's constant pieces, made once: the snippet tag without a nonce, and what
    // follows the token, without and with a sign-out first.
    private static final AsciiText BEFORE_TOKEN = AsciiText.of(">(function(){var jwt='");
    private final AsciiText snippetTag;
    private final AsciiText loginRest;
    private final AsciiText loginRestAfterLogout;
    private final String logoutCode;

    /**
     * @param widgetKey the validated widget key
     * @param tokenUrl context path plus token path, as the browser should request it
     */
    public WidgetMarkup(String widgetKey, String tokenUrl) {
        this(widgetKey, tokenUrl, ZENDESK_SNIPPET_URL);
    }

    /**
     * @param snippetUrl the snippet script's URL without its query ({@code ?key=} is appended),
     *     already safe inside a double-quoted attribute: Zendesk's, or the offline emulator's
     */
    public WidgetMarkup(String widgetKey, String tokenUrl, String snippetUrl) {
        this(widgetKey, tokenUrl, snippetUrl, false);
    }

    /** @param tellOtherTabs whether a sign-out after a 401 is passed on by {@link TabSyncScript} */
    public WidgetMarkup(String widgetKey, String tokenUrl, String snippetUrl, boolean tellOtherTabs) {
        this.widgetKey = widgetKey;
        this.tokenUrl = tokenUrl;
        this.snippetUrl = snippetUrl;
        this.signOutHook = tellOtherTabs ? TabSyncScript.SIGNED_OUT_HOOK : "";
        this.snippetTag = AsciiText.of(snippetTag(null));
        this.loginRest = AsciiText.of(loginRest(false) + "</script>");
        this.loginRestAfterLogout = AsciiText.of(loginRest(true) + "</script>");
        this.logoutCode = "(function(){" + READY + "ready(function(){zE('messenger','logoutUser');"
                + signedOutPing(tokenUrl) + "});})();";
    }

    /** The snippet tag alone, for an anonymous visitor. */
    @Override
    public String anonymous(String nonce, boolean pageHasSnippet) {
        return pageHasSnippet ? "" : snippetTag(nonce);
    }

    /**
     * The snippet and a call to {@code logoutUser}, for a browser whose visitor signed out. Then
     * the token endpoint is asked once: its 401 clears the filter's marker cookie, so the
     * sign-out is repeated on later pages until one of them has really run it.
     */
    @Override
    public String logout(String nonce, boolean pageHasSnippet) {
        return (pageHasSnippet ? "" : snippetTag(nonce)) + scriptTag(nonce, logoutCode);
    }

    /** Asks the token endpoint once, so that its 401 clears the marker cookie. */
    static String signedOutPing(String tokenUrl) {
        return "var x=new XMLHttpRequest();x.open('POST','" + jsString(tokenUrl) + "');"
                + "x.setRequestHeader('X-Requested-With','XMLHttpRequest');x.send();";
    }

    /** The body of the function that hands the widget a token: the page's own first, then fresh ones. */
    static final String HAND_TOKEN = "if(!used){used=true;callback(jwt);}else{fresh(callback);}";

    /**
     * Functions for {@link #HAND_TOKEN}, which needs {@code var jwt='…',used=false;} before them:
     * after a back-forward cache restore the page's token is old, so it counts as used, and
     * {@code fresh(callback)} asks the token endpoint, whose 401 means the session has ended and
     * runs {@code signOut}. Failures go to the console rather than being swallowed.
     */
    static String refreshFunctions(String tokenUrl, String signOut) {
        return "window.addEventListener('pageshow',function(e){if(e.persisted){used=true;}});"
                + "function fresh(callback){var x=new XMLHttpRequest();"
                + "x.open('POST','" + jsString(tokenUrl) + "');"
                + "x.setRequestHeader('X-Requested-With','XMLHttpRequest');"
                + "x.onload=function(){if(x.status===200){callback(JSON.parse(x.responseText).jwt);}"
                + "else if(x.status===401){" + signOut + "}"
                + "else{console.warn('Zendesk widget: token refresh failed with HTTP '+x.status);}};"
                + "x.send();}";
    }

    /**
     * The snippet and a call to {@code loginUser} with this page's token; {@code logoutFirst}
     * signs the previous visitor of this browser out first.
     *
     * <p>The widget asks for a token again when the one it has expired, and a page restored from
     * the back-forward cache still holds an old one: from the second request on, and after such
     * a restore, {@code jwtCallback} fetches a fresh token from the token endpoint instead. A 401
     * there means the session has ended, so the widget is signed out. Failures are logged to the
     * console rather than swallowed: {@code loginCallback} is the only place they show.
     */
    @Override
    public void writeLogin(String jwt, boolean logoutFirst, String nonce, boolean pageHasSnippet, BlockSink sink)
            throws IOException {
        if (!pageHasSnippet) {
            if (nonce == null) {
                sink.write(snippetTag);
            } else {
                sink.write(snippetTag(nonce));
            }
        }
        sink.write(nonce == null ? "<script" : "<script" + nonceAttribute(nonce));
        sink.write(BEFORE_TOKEN);
        sink.write(jwt);
        sink.write(logoutFirst ? loginRestAfterLogout : loginRest);
    }

    private String loginRest(boolean logoutFirst) {
        return "',used=false;" + READY
                + refreshFunctions(tokenUrl, "zE('messenger','logoutUser');" + signOutHook)
                + "ready(function(){"
                + (logoutFirst ? "zE('messenger','logoutUser');" : "")
                + "zE('messenger','loginUser',function(callback){" + HAND_TOKEN
                + "},function(error){if(error){console.error('Zendesk widget sign-in failed: '"
                + "+[error.type,error.reason,error.message].join(' '));}});});})();";
    }

    /**
     * A script that runs {@code calls} (statements built only from fixed text and escaped
     * values) once {@code zE} exists; it follows the block's own script, so a {@code logoutUser}
     * there, which clears conversation fields and tags, cannot undo them.
     */
    public static String whenReady(String nonce, String calls) {
        return scriptTag(nonce, "(function(){" + READY + "ready(function(){" + calls + "});})();");
    }

    String snippetTag(String nonce) {
        return "<script id=\"ze-snippet\"" + nonceAttribute(nonce) + " src=\"" + snippetUrl
                + "?key=" + widgetKey + "\"></script>";
    }

    static String scriptTag(String nonce, String code) {
        return "<script" + nonceAttribute(nonce) + ">" + code + "</script>";
    }

    private static String nonceAttribute(String nonce) {
        return nonce == null ? "" : " nonce=\"" + nonce + "\"";
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Escapes for a single-quoted JavaScript string inside a script element: everything but
     * plain URL characters becomes a {@code \\uXXXX} escape, so no quote, backslash, {@code <}
     * or non-ASCII char can end the string or the element.
     */
    public static String jsString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '/' || c == '-' || c == '_' || c == '.' || c == '~' || c == '%') {
                out.append(c);
            } else {
                out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                        .append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
