package dev.zwidget.internal.config;

import java.util.Objects;

/**
 * One messaging signing key from Admin Center: its ID ({@code app_…}, sent as the JWT's
 * {@code kid}) and its shared secret. {@link #toString()} shows the ID only.
 */
public final class SigningKey {

    private final String id;
    private final Secret secret;

    public SigningKey(String id, Secret secret) {
        this.id = Objects.requireNonNull(id, "id");
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /** The key ID, safe to print into a JWT header or a log line. */
    public String id() {
        return id;
    }

    /** The shared secret; never log or print it. */
    public Secret secret() {
        return secret;
    }

    @Override
    public String toString() {
        return id;
    }
}
