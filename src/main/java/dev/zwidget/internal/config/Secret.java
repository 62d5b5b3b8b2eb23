package dev.zwidget.internal.config;

import java.nio.charset.StandardCharsets;

/**
 * The signing key's shared secret. Zendesk uses the secret's UTF-8 bytes as the HMAC key
 * (it is not base64-decoded). The bytes are copied in and out so that no caller can change
 * them, and {@link #toString()} never shows them: a secret must not reach a log line or an
 * exception message by accident.
 */
public final class Secret {

    private final byte[] bytes;

    private Secret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The secret as typed in Admin Center; an empty value is refused. */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the secret is empty");
        }
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh copy of the key bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
