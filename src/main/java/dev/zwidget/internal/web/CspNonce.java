package dev.zwidget.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the nonce a page's Content-Security-Policy allows scripts with: from the request
 * attribute the application names in {@code cspNonceAttribute}, or else from the
 * {@code 'nonce-…'} source of the response's own CSP header. Without it a strict policy blocks
 * the widget, which then shows as "Offline". Only base64 characters are accepted, because the
 * value is printed into an attribute.
 */
public final class CspNonce {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9+/_=-]{1,256}");
    private static final Pattern IN_POLICY = Pattern.compile("'nonce-([^']{1,256})'");

    private CspNonce() {
    }

    /** The nonce, or {@code null} when the page has none (or an unusable one). */
    public static String find(HttpServletRequest request, HttpServletResponse response, String attribute) {
        if (attribute != null) {
            Object value = request.getAttribute(attribute);
            if (value != null) {
                return valid(value.toString());
            }
        }
        String policy = response.getHeader("Content-Security-Policy");
        if (policy == null) {
            return null;
        }
        Matcher m = IN_POLICY.matcher(policy);
        return m.find() ? valid(m.group(1)) : null;
    }

    private static String valid(String nonce) {
        return VALID.matcher(nonce).matches() ? nonce : null;
    }
}
