package dev.zwidget.internal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zwidget.internal.compat.Java8;
import java.math.BigInteger;
import java.time.Instant;

/** Claim rules the emulator's token checks share, each with a reason a developer can act on. */
final class Claims {

    /** An {@code exp} above this (the year 5138 in seconds; 1973 in milliseconds) is taken for milliseconds. */
    static final long MILLISECONDS_THRESHOLD = 100_000_000_000L;
    private static final int MAX_QUOTED = 40;

    private Claims() {
    }

    /** {@code external_id}: a non-blank JSON string of at most 255 characters. */
    static String externalId(JsonNode claims) throws TokenRejected {
        JsonNode id = claims.get("external_id");
        if (id == null) {
            throw new TokenRejected("external_id is missing");
        }
        if (!id.isTextual()) {
            throw new TokenRejected("external_id must be a string, got " + kind(id));
        }
        String externalId = id.textValue();
        if (Java8.isBlank(externalId)) {
            throw new TokenRejected("external_id is empty");
        }
        if (externalId.length() > 255) {
            throw new TokenRejected("external_id is longer than 255 characters (" + externalId.length() + ")");
        }
        return externalId;
    }

    /** A required non-blank string claim. */
    static String requiredText(JsonNode claims, String name) throws TokenRejected {
        JsonNode value = claims.get(name);
        if (value == null) {
            throw new TokenRejected(name + " is missing");
        }
        if (!value.isTextual() || Java8.isBlank(value.textValue())) {
            throw new TokenRejected(name + " must be a non-empty string, got " + describe(value));
        }
        return value.textValue();
    }

    /** {@code exp} checked against {@code now} with no leeway; {@code null} when absent. */
    static Long exp(JsonNode claims, long now) throws TokenRejected {
        Long exp = seconds(claims, "exp");
        if (exp != null) {
            if (claims.get("exp").bigIntegerValue().compareTo(BigInteger.valueOf(MILLISECONDS_THRESHOLD)) > 0) {
                throw new TokenRejected("exp looks like milliseconds (" + claims.get("exp").asText()
                        + "): Zendesk wants seconds since the epoch");
            }
            if (now >= exp) {
                throw new TokenRejected("expired at " + (exp >= 0 ? Instant.ofEpochSecond(exp).toString() : exp));
            }
        }
        return exp;
    }

    /** The claim as whole seconds, {@code null} when absent; a huge value is clamped, as it is refused anyway. */
    static Long seconds(JsonNode claims, String name) throws TokenRejected {
        JsonNode value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new TokenRejected(name + " must be an integer number of seconds, got " + kind(value));
        }
        return value.canConvertToLong() ? value.longValue()
                : value.bigIntegerValue().signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** A value for a reason: a string is quoted (and shortened), anything else named by its type. */
    static String describe(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        if (!node.isTextual()) {
            return kind(node);
        }
        String value = node.textValue();
        return "'" + (value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value) + "'";
    }

    static String kind(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
                return "a string";
            case NUMBER:
                return node.isIntegralNumber() ? "a number" : "a decimal number";
            case BOOLEAN:
                return "a boolean";
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            default:
                return "null";
        }
    }
}
