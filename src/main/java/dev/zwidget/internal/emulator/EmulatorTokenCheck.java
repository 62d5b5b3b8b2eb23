package dev.zwidget.internal.emulator;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.zwidget.internal.compat.Java8;
import dev.zwidget.internal.config.Secret;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a messaging JWT by the rules Zendesk documents for messaging end-user authentication,
 * so that the emulator rejects what Zendesk would reject and says why, where Zendesk answers a
 * bare 401.
 *
 * <p>It is written independently of java-jwt on purpose: it reads the raw JSON with Jackson, so a
 * numeric {@code external_id}, an {@code exp} in milliseconds or a string {@code email_verified}
 * is seen for what it is instead of being coerced. Strict where the summary is unsure (an
 * {@code external_id} over 255 UTF-16 chars, a blank one, a repeated JSON member): the emulator
 * should rather warn about a token Zendesk might take than pass one it might refuse.
 * Thread-safe.
 */
public final class EmulatorTokenCheck {

    /** An {@code exp} above this (the year 5138 in seconds; 1973 in milliseconds) is taken for milliseconds. */
    static final long MILLISECONDS_THRESHOLD = 100_000_000_000L;

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");
    private static final int MAX_QUOTED = 40;

    private final String keyId;
    private final SecretKeySpec key;
    private final Clock clock;
    // Duplicate members are refused: two "alg" or two "external_id" would let two readers of one
    // token disagree. Trailing bytes after the object are refused for the same reason.
    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * @param keyId the configured key ID, the only {@code kid} accepted
     * @param secret the key's shared secret; its UTF-8 bytes are the HMAC key, as at Zendesk
     * @param clock the time {@code exp} is compared with
     */
    public EmulatorTokenCheck(String keyId, Secret secret, Clock clock) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        byte[] bytes = Objects.requireNonNull(secret, "secret").bytes();
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        Arrays.fill(bytes, (byte) 0);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Accepts or rejects {@code token} (compact form); never throws for a bad token. */
    public EmulatorVerdict check(String token) {
        try {
            return verify(token);
        } catch (Rejected rejected) {
            return EmulatorVerdict.rejected(rejected.getMessage());
        }
    }

    private EmulatorVerdict verify(String token) throws Rejected {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()
                || !BASE64URL.matcher(token.replace(".", "")).matches()) {
            throw new Rejected("not a JWT: it must be three base64url parts separated by dots");
        }
        JsonNode header = object(parts[0], "header");
        // The algorithm comes first and alone decides how to check the signature: a token may not
        // choose "none" or another algorithm, so nothing else is looked at before this.
        JsonNode alg = header.get("alg");
        if (alg == null || !"HS256".equals(alg.textValue())) {
            throw new Rejected("alg must be HS256, got " + describe(alg));
        }
        JsonNode kid = header.get("kid");
        if (kid == null) {
            throw new Rejected("kid is missing: it must be the key ID from Admin Center (app_...)");
        }
        if (!keyId.equals(kid.textValue())) {
            throw new Rejected("unknown kid " + describe(kid));
        }
        byte[] expected = hmac((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(expected, decode(parts[2], "signature"))) {
            throw new Rejected("bad signature");
        }
        return claims(object(parts[1], "payload"));
    }

    private EmulatorVerdict claims(JsonNode claims) throws Rejected {
        JsonNode scope = claims.get("scope");
        if (scope == null) {
            throw new Rejected("scope is missing: it must be \"user\"");
        }
        if (!"user".equals(scope.textValue())) {
            throw new Rejected("scope must be \"user\", got " + describe(scope));
        }
        JsonNode id = claims.get("external_id");
        if (id == null) {
            throw new Rejected("external_id is missing");
        }
        if (!id.isTextual()) {
            throw new Rejected("external_id must be a string, got " + kind(id));
        }
        String externalId = id.textValue();
        if (Java8.isBlank(externalId)) {
            throw new Rejected("external_id is empty");
        }
        if (externalId.length() > 255) {
            throw new Rejected("external_id is longer than 255 characters (" + externalId.length() + ")");
        }
        Long exp = seconds(claims, "exp");
        if (exp != null) {
            BigInteger limit = BigInteger.valueOf(MILLISECONDS_THRESHOLD);
            if (claims.get("exp").bigIntegerValue().compareTo(limit) > 0) {
                throw new Rejected("exp looks like milliseconds (" + claims.get("exp").asText()
                        + "): Zendesk wants seconds since the epoch");
            }
            // No leeway: Zendesk refuses a token from the second its exp is reached.
            if (clock.instant().getEpochSecond() >= exp) {
                throw new Rejected("expired at " + (exp >= 0 ? Instant.ofEpochSecond(exp).toString() : exp));
            }
        }
        seconds(claims, "iat");
        JsonNode verified = claims.get("email_verified");
        if (verified != null && !verified.isBoolean()) {
            throw new Rejected("email_verified must be a boolean, got " + kind(verified));
        }
        return EmulatorVerdict.accepted(externalId, text(claims.get("name")), text(claims.get("email")), exp);
    }

    /** The claim as whole seconds, {@code null} when absent; a huge value is clamped, as it is refused anyway. */
    private static Long seconds(JsonNode claims, String name) throws Rejected {
        JsonNode value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new Rejected(name + " must be an integer number of seconds, got " + kind(value));
        }
        return value.canConvertToLong() ? value.longValue()
                : value.bigIntegerValue().signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    private JsonNode object(String part, String which) throws Rejected {
        JsonNode node;
        try {
            node = json.readTree(decode(part, which));
        } catch (IOException e) {
            // Jackson's message quotes the input; the reason stays short and generic instead.
            throw new Rejected(which + " is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Rejected(which + " is not a JSON object");
        }
        return node;
    }

    private static byte[] decode(String part, String which) throws Rejected {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new Rejected(which + " is not valid base64url");
        }
    }

    private byte[] hmac(byte[] signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signingInput);
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256; the key is never part of this message.
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getClass().getName());
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** A value for a reason: a string is quoted (and shortened), anything else named by its type. */
    private static String describe(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        if (!node.isTextual()) {
            return kind(node);
        }
        String value = node.textValue();
        return "'" + (value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value) + "'";
    }

    private static String kind(JsonNode node) {
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

    @Override
    public String toString() {
        return "EmulatorTokenCheck[kid=" + keyId + "]";
    }

    /** Carries a reason out of the nested checks; no stack trace, it is not an error. */
    private static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
