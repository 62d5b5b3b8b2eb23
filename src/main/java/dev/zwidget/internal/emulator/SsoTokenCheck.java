package dev.zwidget.internal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zwidget.internal.config.Secret;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a Help Center JWT SSO token as Zendesk's {@code /access/jwt} does: HS256 with the SSO
 * shared secret, {@code iat} in seconds and within three minutes of this clock, a {@code jti}
 * never seen before (replay protection: each one is remembered for as long as its {@code iat}
 * keeps it acceptable), {@code email} and {@code name}; {@code external_id}, when present, a
 * string. Thread-safe.
 */
public final class SsoTokenCheck extends TokenCheck {

    /** How far {@code iat} may be from now, either way. */
    static final long WINDOW_SECONDS = 180;
    /** A bound on the replay memory, so that a flood of tokens cannot grow it without end. */
    private static final int MAX_REMEMBERED = 100_000;

    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    public SsoTokenCheck(Secret secret, Clock clock) {
        super(secret, clock);
    }

    @Override
    EmulatorVerdict verify(String token) throws TokenRejected {
        return claims(signed.payload(token, header -> { }));
    }

    private EmulatorVerdict claims(JsonNode claims) throws TokenRejected {
        long now = clock.instant().getEpochSecond();
        Long iat = Claims.seconds(claims, "iat");
        if (iat == null) {
            throw new TokenRejected("iat is missing: Zendesk wants the time the token was issued, in seconds");
        }
        if (Math.abs(now - iat) > WINDOW_SECONDS) {
            throw new TokenRejected("iat is " + (now - iat) + " s away from now: Zendesk takes tokens issued"
                    + " within " + WINDOW_SECONDS + " s (is iat in milliseconds, or the clock off?)");
        }
        String jti = Claims.requiredText(claims, "jti");
        String email = Claims.requiredText(claims, "email");
        String name = Claims.requiredText(claims, "name");
        String externalId = claims.has("external_id") ? Claims.externalId(claims) : null;
        forgetOld(now);
        // Last: a token refused for another reason does not use up its jti.
        if (seen.size() >= MAX_REMEMBERED || seen.putIfAbsent(jti, iat) != null) {
            throw new TokenRejected("jti " + Claims.describe(claims.get("jti")) + " was used before:"
                    + " every token needs a new one");
        }
        return EmulatorVerdict.accepted(externalId, name, email, null);
    }

    private void forgetOld(long now) {
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next() < now - WINDOW_SECONDS) {
                it.remove();
            }
        }
    }

    @Override
    public String toString() {
        return "SsoTokenCheck[HS256, " + seen.size() + " jti remembered]";
    }
}
