package dev.zwidget.internal.emulator;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.zwidget.internal.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The part every Zendesk token check shares, written independently of java-jwt on purpose: the
 * compact form, {@code alg} HS256 (decided before anything else is looked at, so a token cannot
 * choose "none"), the HMAC-SHA256 signature over the secret's UTF-8 bytes, and the header and
 * payload as raw JSON objects, so that a numeric {@code external_id} or an {@code exp} in
 * milliseconds is seen for what it is instead of being coerced. Thread-safe.
 */
final class SignedToken {

    /** Checks the header beyond {@code alg} (the {@code kid} rules differ between token kinds). */
    interface HeaderRule {
        void check(JsonNode header) throws TokenRejected;
    }

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    /** By the header's kid; under the key {@code null} alone, the one key whatever the kid. */
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    // Duplicate members are refused: two "alg" or two "external_id" would let two readers of one
    // token disagree. Trailing bytes after the object are refused for the same reason.
    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    SignedToken(Secret secret) {
        this(Collections.singletonMap((String) null, secret));
    }

    /**
     * Checks each token with the secret of the key its header's {@code kid} names, as Zendesk
     * does for an account with several keys; the header rule must have refused any other kid.
     */
    SignedToken(Map<String, Secret> secretsByKid) {
        for (Map.Entry<String, Secret> entry : secretsByKid.entrySet()) {
            byte[] bytes = entry.getValue().bytes();
            keys.put(entry.getKey(), new SecretKeySpec(bytes, "HmacSHA256"));
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The verified payload of {@code token}, or the reason it is refused. */
    JsonNode payload(String token, HeaderRule headerRule) throws TokenRejected {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()
                || !BASE64URL.matcher(token.replace(".", "")).matches()) {
            throw new TokenRejected("not a JWT: it must be three base64url parts separated by dots");
        }
        JsonNode header = object(parts[0], "header");
        JsonNode alg = header.get("alg");
        if (alg == null || !"HS256".equals(alg.textValue())) {
            throw new TokenRejected("alg must be HS256, got " + Claims.describe(alg));
        }
        headerRule.check(header);
        SecretKeySpec key = keys.containsKey(null) ? keys.get(null) : keyOf(header.get("kid"));
        byte[] expected = hmac(key, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(expected, decode(parts[2], "signature"))) {
            throw new TokenRejected("bad signature");
        }
        return object(parts[1], "payload");
    }

    /** The key a {@code kid} names; refused here too, whatever the header rule checked before. */
    private SecretKeySpec keyOf(JsonNode kid) throws TokenRejected {
        SecretKeySpec key = kid == null || !kid.isTextual() ? null : keys.get(kid.textValue());
        if (key == null) {
            throw new TokenRejected("unknown kid " + Claims.describe(kid));
        }
        return key;
    }

    /** Whether a key is configured under {@code kid}. */
    boolean knows(String kid) {
        return kid != null && keys.containsKey(kid);
    }

    /** The configured key ids, for a description (never a secret). */
    String kids() {
        StringBuilder ids = new StringBuilder();
        for (String kid : keys.keySet()) {
            if (kid != null) {
                ids.append(ids.length() == 0 ? "" : ", ").append(kid);
            }
        }
        return ids.toString();
    }

    private JsonNode object(String part, String which) throws TokenRejected {
        JsonNode node;
        try {
            node = json.readTree(decode(part, which));
        } catch (IOException e) {
            // Jackson's message quotes the input; the reason stays short and generic instead.
            throw new TokenRejected(which + " is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new TokenRejected(which + " is not a JSON object");
        }
        return node;
    }

    private static byte[] decode(String part, String which) throws TokenRejected {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new TokenRejected(which + " is not valid base64url");
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signingInput);
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256; the key is never part of this message.
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getClass().getName());
        }
    }

    @Override
    public String toString() {
        return "SignedToken[HS256]";
    }
}
