package dev.zwidget.internal.sso;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.zwidget.WidgetUser;
import dev.zwidget.internal.config.Secret;
import dev.zwidget.internal.token.HmacSha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs the Help Center JWT single sign-on token: HS256 with the SSO configuration's shared
 * secret, header {@code {"typ":"JWT","alg":"HS256"}}, {@code iat} in seconds, a random
 * {@code jti} (Zendesk refuses a {@code jti} it has seen: replay protection), {@code email},
 * {@code name}, {@code external_id}, the optional claims read from the user object, and
 * {@code role} only from configuration. Immutable and thread-safe.
 */
public final class SsoTokenMinter {

    /** 16 random bytes: 128 bits, base64url without padding (22 characters). */
    static final int JTI_BYTES = 16;
    private static final Map<String, Object> TYPE_HEADER = Collections.singletonMap("typ", "JWT");

    private final Algorithm algorithm;
    private final Clock clock;
    private final String role;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secret the SSO shared secret from Admin Center (its UTF-8 bytes are the HMAC key)
     * @param role the configured role, or {@code null} to send none
     */
    public SsoTokenMinter(Secret secret, String role, Clock clock) {
        this.algorithm = new HmacSha256(Objects.requireNonNull(secret, "secret").bytes());
        this.role = role;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A token for {@code user}, who must have an email (the endpoint checks this first).
     *
     * @param extra the optional claims, already in their JSON types; a role in it is ignored
     */
    public String mint(WidgetUser user, String name, Map<String, Object> extra) {
        if (user.email() == null) {
            throw new IllegalArgumentException("Help Center SSO needs the visitor's email");
        }
        byte[] jti = new byte[JTI_BYTES];
        random.nextBytes(jti);
        JWTCreator.Builder token = JWT.create()
                .withHeader(TYPE_HEADER)
                .withIssuedAt(Instant.ofEpochSecond(clock.instant().getEpochSecond()))
                .withJWTId(Base64.getUrlEncoder().withoutPadding().encodeToString(jti))
                .withClaim("email", user.email())
                .withClaim("name", name)
                .withClaim("external_id", user.externalId());
        for (Map.Entry<String, Object> claim : extra.entrySet()) {
            add(token, claim.getKey(), claim.getValue());
        }
        if (role != null) {
            // After the extra claims, and from configuration only: role grants agent or admin rights.
            token.withClaim("role", role);
        }
        return token.sign(algorithm);
    }

    @SuppressWarnings("unchecked")
    private static void add(JWTCreator.Builder token, String name, Object value) {
        if ("role".equals(name)) {
            return;
        }
        if (value instanceof Long) {
            token.withClaim(name, (Long) value);
        } else if (value instanceof List) {
            token.withClaim(name, (List<?>) value);
        } else if (value instanceof Map) {
            token.withClaim(name, (Map<String, ?>) value);
        } else {
            token.withClaim(name, String.valueOf(value));
        }
    }

    /** The role only; never the secret. */
    @Override
    public String toString() {
        return "SsoTokenMinter[role=" + role + "]";
    }
}
