package dev.zwidget.demo;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One response as received: status, headers, the exact body bytes. */
record Page(int status, HttpHeaders headers, byte[] bytes) {

    /** A JWT: three base64url parts, the first two JSON objects ({@code eyJ} is {@code {"}). */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+");
    static final String SNIPPET_ID = "id=\"ze-snippet\"";

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String location() {
        return header("Location");
    }

    /** What the filter says it did (the demo runs with {@code debugHeader=true}). */
    String widgetHeader() {
        return header("X-Zendesk-Widget");
    }

    int snippets() {
        return count(text(), SNIPPET_ID);
    }

    /** Every token printed in the page; the markup around it is not part of the contract. */
    static int tokens(String text) {
        int n = 0;
        for (Matcher m = JWT.matcher(text); m.find(); ) {
            n++;
        }
        return n;
    }

    /** The one token in {@code text}; fails when there is none or more than one. */
    static String token(String text) {
        Matcher m = JWT.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no token in: " + text);
        }
        String token = m.group();
        if (m.find()) {
            throw new AssertionError("more than one token in: " + text);
        }
        return token;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
