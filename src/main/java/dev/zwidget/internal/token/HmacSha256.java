package dev.zwidget.internal.token;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureGenerationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 for java-jwt with the key set up once. java-jwt's own HMAC algorithm looks up a
 * {@code Mac} and initialises it with the key for every token; here one {@code Mac} is
 * initialised at start and each token signs with a copy of it, which carries the key already
 * folded into the hash state. Verification is java-jwt's own.
 */
final class HmacSha256 extends Algorithm {

    private static final String MAC = "HmacSHA256";

    /** Initialised once and never updated: only copied. */
    private final Mac prototype;
    private final Algorithm verifier;

    HmacSha256(byte[] key) {
        super("HS256", MAC);
        this.verifier = Algorithm.HMAC256(key);
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key, MAC));
            mac.clone();
            this.prototype = mac;
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            // Every JDK ships a cloneable HmacSHA256; without one, sign() would fail per token.
            throw new IllegalStateException("HmacSHA256 is not available in this JVM: " + e.getMessage());
        }
    }

    @Override
    public byte[] sign(byte[] headerBytes, byte[] payloadBytes) {
        Mac mac = copy();
        mac.update(headerBytes);
        mac.update((byte) '.');
        return mac.doFinal(payloadBytes);
    }

    @Override
    public byte[] sign(byte[] contentBytes) {
        return copy().doFinal(contentBytes);
    }

    @Override
    public void verify(DecodedJWT jwt) throws SignatureVerificationException {
        verifier.verify(jwt);
    }

    private Mac copy() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new SignatureGenerationException(this, e);
        }
    }
}
