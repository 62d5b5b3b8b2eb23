package dev.zwidget.internal.token;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with the key set up once. Looking a {@code Mac} up and initialising it with the key
 * for every message cost more than the MAC itself; here one {@code Mac} is initialised at start,
 * never updated, and copied, since a copy carries the key already folded into the hash state.
 * Copies that finished a message wait in a few slots for the next one: a copy is 456 bytes, and
 * a page of a signed-in visitor signs two messages (its token and its marker cookie), which was
 * a fifth of what the filter allocates for the page. A slot hands its copy to one thread at a
 * time, and only a copy whose message was finished goes back, so every message starts from the
 * bare key. Where the JVM's preferred provider cannot copy a {@code Mac} (a PKCS#11 token, as
 * FIPS set-ups put first), a message that finds no {@code Mac} waiting gets one looked up and
 * keyed afresh.
 */
final class KeyedMac {

    static final String ALGORITHM = "HmacSHA256";
    private static final byte[] EMPTY = new byte[0];
    private static final int SLOTS = 16;

    /** Keyed once and never updated, only copied; {@code null} when the provider cannot copy. */
    private final Mac prototype;
    private final SecretKeySpec key;
    private final Provider provider;
    /** Finished copies, by the low bits of the thread id: a thread usually finds its own. */
    private final AtomicReferenceArray<Mac> idle = new AtomicReferenceArray<>(SLOTS);

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

    /** A {@code Mac} keyed like the prototype. */
    private Mac copy() {
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
        return mac(EMPTY, message);
    }

    /** The MAC of {@code first} followed by {@code second}. */
    byte[] mac(byte[] first, byte[] second) {
        int slot = (int) Thread.currentThread().getId() & (SLOTS - 1);
        Mac mac = idle.getAndSet(slot, null);
        if (mac == null) {
            mac = copy();
        }
        // getAndSet made it this thread's alone. Deliberately no finally: a Mac whose update or
        // doFinal threw may hold part of a message, so only one that finished goes back.
        mac.update(first);
        byte[] result = mac.doFinal(second);
        idle.compareAndSet(slot, null, mac);
        return result;
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
