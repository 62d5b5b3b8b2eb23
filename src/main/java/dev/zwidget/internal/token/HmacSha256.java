package dev.zwidget.internal.token;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import javax.crypto.Mac;

/**
 * HS256 for java-jwt with the key set up once ({@link KeyedMac}): java-jwt's own HMAC algorithm
 * looks up a {@code Mac} and initialises it with the key for every token. Verification is
 * java-jwt's own.
 */
public final class HmacSha256 extends Algorithm {

    private final KeyedMac mac;
    private final Algorithm verifier;

    public HmacSha256(byte[] key) {
        super("HS256", KeyedMac.ALGORITHM);
        this.mac = new KeyedMac(key);
        this.verifier = Algorithm.HMAC256(key);
    }

    @Override
    public byte[] sign(byte[] headerBytes, byte[] payloadBytes) {
        Mac copy = mac.copy();
        copy.update(headerBytes);
        copy.update((byte) '.');
        return copy.doFinal(payloadBytes);
    }

    @Override
    public byte[] sign(byte[] contentBytes) {
        return mac.mac(contentBytes);
    }

    @Override
    public void verify(DecodedJWT jwt) throws SignatureVerificationException {
        verifier.verify(jwt);
    }
}
