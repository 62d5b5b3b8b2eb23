package dev.zwidget.internal.token;

import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with the key set up once. Looking a {@code Mac} up and initialising it with the key
 * for every message cost more than the MAC itself; here one {@code Mac} is initialised at start,
 * never updated, and every message is signed with a copy of it, which carries the key already
 * folded into the hash state. Copies are made from any thread. Where the JVM's preferred
 * provider cannot copy a {@code Mac} (a PKCS#11 token, as FIPS set-ups put first), each message
 * gets a {@code Mac} looked up and keyed as before.
 */
final class KeyedMac {

    static final String ALGORITHM = "HmacSHA256";

    /** Keyed once and never updated, only copied; {@code null} when the provider cannot copy. */
    private final Mac prototype;
    private final SecretKeySpec key;
    private final Provider provider;

    KeyedMac(byte[] key) {
        this(key, null);
    }

    /** @param provider the provider to use, or {@code null} for the JVM's preferred one */
    KeyedMac(byte[] key, Provider provider) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.provider = provider;
        Mac mac = fresh();
        Mac copyable;
        try {
            mac.clone();
            copyable = mac;
        } catch (CloneNotSupportedException e) {
            copyable = null;
        }
        this.prototype = copyable;
    }

    /** A {@code Mac} keyed like the prototype, for one message. */
    Mac copy() {
        if (prototype == null) {
            return fresh();
        }
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // It cloned at start: a provider that changes its mind still gets its messages signed.
            return fresh();
        }
    }

    byte[] mac(byte[] message) {
        return copy().doFinal(message);
    }

    private Mac fresh() {
        try {
            Mac mac = provider == null ? Mac.getInstance(ALGORITHM) : Mac.getInstance(ALGORITHM, provider);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "KeyedMac[" + ALGORITHM + ", key redacted]";
    }
}
