package dev.zwidget.internal.token;

import com.auth0.jwt.algorithms.Algorithm;
import dev.zwidget.WidgetUser;
import dev.zwidget.internal.config.InitParams;
import dev.zwidget.internal.config.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Signs the Classic Web Widget's Chat JWT: HS256 with the Chat shared secret, no {@code kid}
 * (the Chat secret is one per account, not a key among several), and the claims Chat reads:
 * {@code name}, {@code email}, {@code external_id} as a string, {@code iat} and {@code exp} in
 * seconds. {@code exp} is at most {@link InitParams#MAX_CHAT_TOKEN_TTL} after {@code iat}
 * whatever lifetime is configured: Chat refuses longer-lived tokens. Immutable and thread-safe.
 */
public final class ChatTokenMinter implements Minter {

    private final long ttlSeconds;
    private final Clock clock;
    private final Secret secret;
    private final CompactJwt jwt;

    /**
     * @param secret the Chat shared secret (its UTF-8 bytes are the HMAC key)
     * @param ttl the configured lifetime; capped at ten minutes
     * @param clock the source of {@code iat}
     */
    public ChatTokenMinter(Secret secret, Duration ttl, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        if (ttl.getSeconds() < 1) {
            throw new IllegalArgumentException("the token lifetime must be at least one second, was " + ttl);
        }
        this.ttlSeconds = Math.min(ttl.getSeconds(), InitParams.MAX_CHAT_TOKEN_TTL.getSeconds());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secret = secret;
        this.jwt = new CompactJwt(secret.bytes(), null);
    }

    /**
     * A Chat JWT for {@code user}. Chat needs a name and an email to identify a visitor; a user
     * without them gets no token (the caller serves the page without sign-in and logs why).
     */
    @Override
    public String mint(WidgetUser user) {
        String externalId = MintChecks.checkedExternalId(user.externalId());
        if (!MintChecks.present(user.name()) || !MintChecks.present(user.email())) {
            throw new IllegalArgumentException("a Chat JWT needs the visitor's name and email:"
                    + " configure the name and email params (or set both in the UserResolver)");
        }
        return sign(externalId, user.name(), user.email());
    }

    private String sign(String externalId, String name, String email) {
        long issuedAt = clock.instant().getEpochSecond();
        return jwt.sign(new JsonClaims()
                .string("name", name)
                .string("email", email)
                .string("external_id", externalId)
                .number("iat", issuedAt)
                .number("exp", issuedAt + ttlSeconds)
                .close());
    }

    @Override
    public void selfTest() {
        MintChecks.verifySelfTest(Algorithm.HMAC256(secret.bytes()), clock,
                sign(MintChecks.SELF_TEST_ID, "Self test", "self-test@invalid"));
    }

    /** The lifetime only; never the secret. */
    @Override
    public String toString() {
        return "ChatTokenMinter[ttl=" + Duration.ofSeconds(ttlSeconds) + "]";
    }
}
