package dev.zwidget.internal.token;

import java.util.List;
import java.util.Map;

/**
 * The JSON object of a JWT's header or claims, written directly: strings (escaped as RFC 8259
 * requires), integers, booleans, and for the SSO token's optional claims lists and objects of
 * those. A page view mints a token, and java-jwt's Jackson serialisation of half a dozen claims
 * cost more time and allocation than the signature itself; it also tied minting to the Jackson
 * version an application happens to have. Not thread-safe: one per token.
 */
public final class JsonClaims {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder json = new StringBuilder(192).append('{');

    public JsonClaims string(String name, String value) {
        name(name);
        text(value);
        return this;
    }

    public JsonClaims number(String name, long value) {
        name(name);
        json.append(value);
        return this;
    }

    public JsonClaims bool(String name, boolean value) {
        name(name);
        json.append(value);
        return this;
    }

    /**
     * A claim of any JSON type: {@code null}, a {@code String}, a {@code Boolean}, a
     * {@code Long}, {@code Integer} or {@code Short}, a finite {@code Double}, a {@code List} or
     * a {@code Map} (keys as their text) of those. Anything else (a {@code BigDecimal}, a
     * {@code Float}, NaN or an infinity, which JSON cannot hold) is sent as its text.
     */
    public JsonClaims value(String name, Object value) {
        name(name);
        any(value);
        return this;
    }

    /** The object, closed. */
    public String close() {
        return json.append('}').toString();
    }

    private void name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        text(name);
        json.append(':');
    }

    private void any(Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short) {
            json.append(value);
        } else if (value instanceof Double && Double.isFinite((Double) value)) {
            json.append(value);
        } else if (value instanceof List) {
            json.append('[');
            boolean first = true;
            for (Object item : (List<?>) value) {
                json.append(first ? "" : ",");
                any(item);
                first = false;
            }
            json.append(']');
        } else if (value instanceof Map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                json.append(first ? "" : ",");
                text(String.valueOf(entry.getKey()));
                json.append(':');
                any(entry.getValue());
                first = false;
            }
            json.append('}');
        } else {
            text(value.toString());
        }
    }

    private void text(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
