package dev.zwidget.internal.sso;

import dev.zwidget.WidgetUser;
import dev.zwidget.internal.config.Secret;
import dev.zwidget.internal.token.CompactJwt;
import dev.zwidget.internal.token.JsonClaims;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
    private static final Set<String> OWN_CLAIMS = new HashSet<>(
            Arrays.asList("iat", "jti", "email", "name", "external_id", "role"));

    private final CompactJwt jwt;
    private final Clock clock;
    private final String role;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secret the SSO shared secret from Admin Center (its UTF-8 bytes are the HMAC key)
     * @param role the configured role, or {@code null} to send none
     */
    public SsoTokenMinter(Secret secret, String role, Clock clock) {
        this.jwt = new CompactJwt(Objects.requireNonNull(secret, "secret").bytes(), null);
        this.role = role;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A token for {@code user}, who must have an email (the endpoint checks this first).
     *
     * @param extra the optional claims, already in their JSON types; one named like a claim this
     *     minter writes itself (a role among them) is ignored
     */
    public String mint(WidgetUser user, String name, Map<String, Object> extra) {
        if (user.email() == null) {
            throw new IllegalArgumentException("Help Center SSO needs the visitor's email");
        }
        byte[] jti = new byte[JTI_BYTES];
        random.nextBytes(jti);
        JsonClaims token = new JsonClaims()
                .number("iat", clock.instant().getEpochSecond())
                .string("jti", Base64.getUrlEncoder().withoutPadding().encodeToString(jti))
                .string("email", user.email())
                .string("name", name)
                .string("external_id", user.externalId());
        for (Map.Entry<String, Object> claim : extra.entrySet()) {
            // A JSON object with a name twice is read differently by different parsers: the
            // minter's own claims are the only ones.
            if (!OWN_CLAIMS.contains(claim.getKey())) {
                token.value(claim.getKey(), claim.getValue());
            }
        }
        if (role != null) {
            // After the extra claims, and from configuration only: role grants agent or admin rights.
            token.string("role", role);
        }
        return jwt.sign(token.close());
    }

    /** The role only; never the secret. */
    @Override
    public String toString() {
        return "SsoTokenMinter[role=" + role + "]";
    }
}
