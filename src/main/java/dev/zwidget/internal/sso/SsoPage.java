package dev.zwidget.internal.sso;

/**
 * The small pages of the SSO endpoint. Everything that is not fixed text is HTML-escaped; the
 * token's alphabet (base64url and dots) and the checked nonce need no escaping but get it anyway.
 */
public final class SsoPage {

    private static final String SPECIAL = "&<>\"'";
    private static final String[] ENTITIES = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};

    private SsoPage() {
    }

    /**
     * The page that hands the token to Zendesk: a form POSTing one field {@code jwt} (never a
     * GET, which would put the token in a URL, a log and the history), submitted by a script
     * at once, with a visible button for a browser without scripts.
     */
    static String form(String action, String token, String nonce) {
        return document("Signing you in to the Help Center",
                "<form id=\"zw-sso\" method=\"post\" action=\"" + escape(action) + "\">"
                + "<input type=\"hidden\" name=\"jwt\" value=\"" + escape(token) + "\">"
                + "<p>Signing you in to the Help Center&hellip;</p>"
                + "<noscript><p>Scripts are off in this browser: press the button to continue.</p></noscript>"
                + "<button type=\"submit\">Continue to the Help Center</button></form>"
                // The prototype's submit: a form control named "submit" cannot shadow it.
                + "<script" + (nonce == null ? "" : " nonce=\"" + escape(nonce) + "\"") + ">"
                + "HTMLFormElement.prototype.submit.call(document.getElementById('zw-sso'));</script>");
    }

    /** A page that only explains, such as the 401 for a visitor who is not signed in. */
    static String message(String title, String text) {
        return document(title, "<p id=\"zw-sso-message\">" + escape(text) + "</p>");
    }

    /** A complete UTF-8 document; {@code title} is escaped, {@code body} is markup. */
    public static String document(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + escape(title) + "</title></head><body><h1>" + escape(title) + "</h1>"
                + body + "</body></html>";
    }

    /** Escapes text for an HTML element or a double-quoted attribute. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int special = SPECIAL.indexOf(c);
            out.append(special < 0 ? String.valueOf(c) : ENTITIES[special]);
        }
        return out.toString();
    }
}
