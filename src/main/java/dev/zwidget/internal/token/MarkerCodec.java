package dev.zwidget.internal.token;

import dev.zwidget.internal.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Computes the value of the marker cookie that remembers "this browser was signed in as this
 * user", so that the filter can log the widget out after a sign-out. The value is a keyed hash
 * of the external id: it reveals neither the id nor anything signed with the JWT secret.
 * Immutable and thread-safe.
 */
public final class MarkerCodec {

    private static final byte[] DERIVATION_LABEL =
            "zendesk-widget-filter marker cookie v1".getBytes(StandardCharsets.US_ASCII);
    // 16 bytes (128 bits) of the MAC are plenty to tell users apart and keep the cookie short.
    private static final int MARKER_BYTES = 16;
    private static final int MARKER_LENGTH = 22;

    private final KeyedMac markerMac;
    /** Derived from the other signing keys while a key is rotated: their markers still count. */
    private final List<KeyedMac> olderKeys = new ArrayList<>();

    /** Derives the marker key from the JWT signing secret, once. */
    public MarkerCodec(Secret secret) {
        this(Collections.singletonList(secret));
    }

    /**
     * Markers made with {@code secrets[0]}; markers made with any of the others are still
     * recognised, so that switching the active signing key does not look like a change of
     * visitor (which would sign every visitor out and in again once).
     */
    public MarkerCodec(List<Secret> secrets) {
        this.markerMac = derive(secrets.get(0));
        for (Secret older : secrets.subList(1, secrets.size())) {
            olderKeys.add(derive(older));
        }
    }

    private static KeyedMac derive(Secret secret) {
        Objects.requireNonNull(secret, "secret");
        // A separate key: a cookie must never carry a MAC made directly with the signing
        // secret, which would hand anyone who reads cookies material computed with it.
        byte[] secretBytes = secret.bytes();
        byte[] derived = null;
        try {
            derived = new KeyedMac(secretBytes).mac(DERIVATION_LABEL);
            return new KeyedMac(derived);
        } finally {
            Arrays.fill(secretBytes, (byte) 0);
            if (derived != null) {
                Arrays.fill(derived, (byte) 0);
            }
        }
    }

    /** The cookie value for {@code externalId}: 22 characters of base64url, no padding. */
    public String valueFor(String externalId) {
        return valueFor(markerMac, externalId);
    }

    private static String valueFor(KeyedMac key, String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        byte[] mac = key.mac(externalId.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(mac, MARKER_BYTES));
    }

    /**
     * Whether {@code cookieValue} is the marker of {@code externalId}. Compared in constant
     * time so that response timing does not let a client guess a valid marker byte by byte.
     * {@code false} when either is {@code null}.
     */
    public boolean matches(String cookieValue, String externalId) {
        if (isCurrent(cookieValue, externalId)) {
            return true;
        }
        for (KeyedMac older : olderKeys) {
            if (matches(older, cookieValue, externalId)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code cookieValue} is the marker of {@code externalId} made with the active key. */
    public boolean isCurrent(String cookieValue, String externalId) {
        return matches(markerMac, cookieValue, externalId);
    }

    private static boolean matches(KeyedMac key, String cookieValue, String externalId) {
        if (cookieValue == null || externalId == null) {
            return false;
        }
        byte[] expected = valueFor(key, externalId).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = cookieValue.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether {@code cookieValue} has the shape of a marker: 22 base64url characters. */
    public static boolean isWellFormed(String cookieValue) {
        if (cookieValue == null || cookieValue.length() != MARKER_LENGTH) {
            return false;
        }
        // A loop rather than a regular expression: this runs on every request of a browser.
        for (int i = 0; i < MARKER_LENGTH; i++) {
            char c = cookieValue.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "MarkerCodec[key redacted]";
    }
}
