package dev.zwidget.internal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zwidget.internal.config.InitParams;
import dev.zwidget.internal.config.Secret;
import java.time.Clock;

/**
 * Checks a Classic Web Widget Chat JWT by the rules the project summary gives for it: HS256 with
 * the Chat shared secret, no {@code kid} (a {@code kid} means a messaging key was configured for
 * a Classic account), {@code name}, {@code email} and a string {@code external_id}, {@code iat}
 * in seconds and at most two minutes ahead of this clock, {@code exp} in seconds, not reached,
 * and at most ten minutes after {@code iat}. Thread-safe.
 */
public final class ChatTokenCheck extends TokenCheck {

    /** The clock skew Chat tolerates on {@code iat}. */
    static final long SKEW_SECONDS = 120;


    public ChatTokenCheck(Secret secret, Clock clock) {
        super(secret, clock);
    }

    @Override
    EmulatorVerdict verify(String token) throws TokenRejected {
        return claims(signed.payload(token, ChatTokenCheck::noKid));
    }

    private static void noKid(JsonNode header) throws TokenRejected {
        if (header.has("kid")) {
            throw new TokenRejected("a Chat JWT has no kid: this looks like a messaging token (use mode=messenger,"
                    + " or sign with the Chat shared secret)");
        }
    }

    private EmulatorVerdict claims(JsonNode claims) throws TokenRejected {
        String name = Claims.requiredText(claims, "name");
        String email = Claims.requiredText(claims, "email");
        String externalId = Claims.externalId(claims);
        long now = clock.instant().getEpochSecond();
        Long iat = Claims.seconds(claims, "iat");
        if (iat == null) {
            throw new TokenRejected("iat is missing: Chat wants the time the token was issued, in seconds");
        }
        if (iat > now + SKEW_SECONDS) {
            throw new TokenRejected("iat is " + (iat - now) + " s in the future (Chat allows "
                    + SKEW_SECONDS + " s of clock skew)");
        }
        Long exp = Claims.exp(claims, now);
        if (exp == null) {
            throw new TokenRejected("exp is missing: Chat tokens must expire");
        }
        long maxTtl = InitParams.MAX_CHAT_TOKEN_TTL.getSeconds();
        if (exp - iat > maxTtl) {
            throw new TokenRejected("exp is " + (exp - iat) + " s after iat: Chat takes at most " + maxTtl + " s");
        }
        return EmulatorVerdict.accepted(externalId, name, email, exp);
    }

    @Override
    public String toString() {
        return "ChatTokenCheck[HS256, no kid]";
    }
}
