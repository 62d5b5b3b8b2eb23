package dev.zwidget.internal.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Signs JWTs in compact form with HS256 for one key and one fixed header: the header is encoded
 * once, each token encodes its claims, signs {@code header.claims} with the keyed MAC and
 * appends the signature. No JSON library is involved, so an application's own
 * Jackson, whatever its version, cannot get in the way of minting. java-jwt still verifies every
 * token at start ({@link MintChecks#verifySelfTest}) and in the tests. Thread-safe.
 */
public final class CompactJwt {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** The encoded header and the dot after it. */
    private final byte[] headerDot;
    private final KeyedMac mac;

    /**
     * @param key the HMAC key (a shared secret's UTF-8 bytes)
     * @param keyId the header's {@code kid}, or {@code null} for a header without one
     */
    public CompactJwt(byte[] key, String keyId) {
        byte[] encoded = BASE64URL.encode(header(keyId).getBytes(StandardCharsets.UTF_8));
        this.headerDot = Arrays.copyOf(encoded, encoded.length + 1);
        headerDot[encoded.length] = '.';
        this.mac = new KeyedMac(key);
    }

    /** The header JSON of an HS256 token, with a key id when {@code keyId} is not null. */
    private static String header(String keyId) {
        JsonClaims header = new JsonClaims().string("alg", "HS256").string("typ", "JWT");
        return keyId == null ? header.close() : header.string("kid", keyId).close();
    }

    /** The token carrying {@code claims}, a closed JSON object. */
    public String sign(String claims) {
        byte[] payload = BASE64URL.encode(claims.getBytes(StandardCharsets.UTF_8));
        byte[] signature = BASE64URL.encode(mac.mac(headerDot, payload));
        byte[] token = new byte[headerDot.length + payload.length + 1 + signature.length];
        System.arraycopy(headerDot, 0, token, 0, headerDot.length);
        System.arraycopy(payload, 0, token, headerDot.length, payload.length);
        token[headerDot.length + payload.length] = '.';
        System.arraycopy(signature, 0, token, headerDot.length + payload.length + 1, signature.length);
        // Base64url and dots only: ISO-8859-1 decodes them as a plain copy.
        return new String(token, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "CompactJwt[HS256, key redacted]";
    }
}
