package dev.zwidget.internal.token;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with the key set up once. Looking a {@code Mac} up and initialising it with the key
 * for every message cost more than the MAC itself; here one {@code Mac} is initialised at start,
 * never updated, and every message is signed with a copy of it, which carries the key already
 * folded into the hash state. Copies are made from any thread.
 */
final class KeyedMac {

    static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;

    KeyedMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.clone();
            this.prototype = mac;
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            // Every JDK ships a cloneable HmacSHA256: without one, each message would fail.
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM: " + e.getMessage());
        }
    }

    /** A fresh {@code Mac} keyed like the prototype, for one message. */
    Mac copy() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the keyed " + ALGORITHM + " could not be copied", e);
        }
    }

    byte[] mac(byte[] message) {
        return copy().doFinal(message);
    }

    @Override
    public String toString() {
        return "KeyedMac[" + ALGORITHM + ", key redacted]";
    }
}
