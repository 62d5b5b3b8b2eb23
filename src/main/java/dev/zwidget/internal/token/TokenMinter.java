package dev.zwidget.internal.token;

import com.auth0.jwt.algorithms.Algorithm;
import dev.zwidget.WidgetUser;
import dev.zwidget.internal.compat.Java8;
import dev.zwidget.internal.config.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Signs the messaging Web Widget's JWT for a signed-in visitor: HS256 with the key's shared
 * secret, the key id in the header, and only the claims Zendesk reads. Immutable and
 * thread-safe: built once, then called from every request thread.
 */
public final class TokenMinter implements Minter {

    private final String keyId;
    private final long ttlSeconds;
    private final Clock clock;
    private final Secret secret;
    private final CompactJwt jwt;

    /**
     * @param keyId the key id Admin Center shows ({@code app_...}), sent as the header's kid
     * @param secret that key's shared secret
     * @param ttl how long a token is valid; whole seconds, at least one
     * @param clock the source of {@code iat}
     */
    public TokenMinter(String keyId, Secret secret, Duration ttl, Clock clock) {
        if (keyId == null || Java8.isBlank(keyId)) {
            throw new IllegalArgumentException("the key id is empty");
        }
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.getSeconds() < 1) {
            throw new IllegalArgumentException("the token lifetime must be at least one second, was "
                    + ttl);
        }
        this.keyId = keyId;
        this.ttlSeconds = ttl.getSeconds();
        this.clock = Objects.requireNonNull(clock, "clock");
        // The secret's UTF-8 bytes are the HMAC key, as Zendesk uses them (no base64 decoding).
        // Set up once: each token signs with a copy of the keyed Mac (safe between threads).
        this.secret = secret;
        this.jwt = new CompactJwt(secret.bytes(), keyId);
    }

    /**
     * A compact JWT for {@code user}, valid from now for the configured lifetime.
     *
     * @throws IllegalArgumentException if the external id is blank or longer than 255
     *     characters; the caller should then treat the visitor as anonymous
     */
    @Override
    public String mint(WidgetUser user) {
        Objects.requireNonNull(user, "user");
        String externalId = MintChecks.checkedExternalId(user.externalId());
        // Whole seconds: Zendesk rejects exp in milliseconds.
        long issuedAt = clock.instant().getEpochSecond();
        JsonClaims claims = new JsonClaims()
                .string("scope", "user")
                // Always a JSON string: Zendesk rejects a numeric external_id.
                .string("external_id", externalId)
                .number("iat", issuedAt)
                .number("exp", issuedAt + ttlSeconds);
        if (MintChecks.present(user.name())) {
            claims.string("name", user.name());
        }
        if (MintChecks.present(user.email())) {
            claims.string("email", user.email());
            claims.bool("email_verified", user.emailVerified());
        }
        return jwt.sign(claims.close());
    }

    @Override
    public void selfTest() {
        MintChecks.verifySelfTest(Algorithm.HMAC256(secret.bytes()), clock,
                mint(WidgetUser.of(MintChecks.SELF_TEST_ID)));
    }

    /** The key id and lifetime; never the secret. */
    @Override
    public String toString() {
        return "TokenMinter[kid=" + keyId + ", ttl=" + Duration.ofSeconds(ttlSeconds) + "]";
    }
}
