package dev.zwidget.internal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zwidget.internal.config.Secret;
import dev.zwidget.internal.config.SigningKey;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a messaging JWT by the rules Zendesk documents for messaging end-user authentication,
 * so that the emulator rejects what Zendesk would reject and says why, where Zendesk answers a
 * bare 401.
 *
 * <p>Strict where the summary is unsure (an {@code external_id} over 255 UTF-16 chars, a blank
 * one, a repeated JSON member): the emulator should rather warn about a token Zendesk might take
 * than pass one it might refuse. Thread-safe.
 */
public final class EmulatorTokenCheck extends TokenCheck {

    /**
     * @param keyId the configured key ID, the only {@code kid} accepted
     * @param secret the key's shared secret; its UTF-8 bytes are the HMAC key, as at Zendesk
     * @param clock the time {@code exp} is compared with
     */
    public EmulatorTokenCheck(String keyId, Secret secret, Clock clock) {
        this(Collections.singletonList(new SigningKey(keyId, secret)), clock);
    }

    /**
     * Accepts a token signed with any of {@code keys}, as Zendesk accepts any key the account
     * holds: while a key is rotated, tokens of the old and the new key both verify.
     */
    public EmulatorTokenCheck(List<SigningKey> keys, Clock clock) {
        super(new SignedToken(byKid(keys)), clock);
    }

    private static Map<String, Secret> byKid(List<SigningKey> keys) {
        Map<String, Secret> byKid = new LinkedHashMap<>();
        for (SigningKey key : keys) {
            byKid.put(Objects.requireNonNull(key.id(), "keyId"), key.secret());
        }
        return byKid;
    }

    @Override
    EmulatorVerdict verify(String token) throws TokenRejected {
        return claims(signed.payload(token, this::checkKid));
    }

    private void checkKid(JsonNode header) throws TokenRejected {
        JsonNode kid = header.get("kid");
        if (kid == null) {
            throw new TokenRejected("kid is missing: it must be the key ID from Admin Center (app_...)");
        }
        if (!kid.isTextual() || !signed.knows(kid.textValue())) {
            throw new TokenRejected("unknown kid " + Claims.describe(kid));
        }
    }

    private EmulatorVerdict claims(JsonNode claims) throws TokenRejected {
        JsonNode scope = claims.get("scope");
        if (scope == null) {
            throw new TokenRejected("scope is missing: it must be \"user\"");
        }
        if (!"user".equals(scope.textValue())) {
            throw new TokenRejected("scope must be \"user\", got " + Claims.describe(scope));
        }
        String externalId = Claims.externalId(claims);
        // No leeway: Zendesk refuses a token from the second its exp is reached.
        Long exp = Claims.exp(claims, clock.instant().getEpochSecond());
        Claims.seconds(claims, "iat");
        JsonNode verified = claims.get("email_verified");
        if (verified != null && !verified.isBoolean()) {
            throw new TokenRejected("email_verified must be a boolean, got " + Claims.kind(verified));
        }
        return EmulatorVerdict.accepted(externalId, Claims.text(claims.get("name")),
                Claims.text(claims.get("email")), exp);
    }

    @Override
    public String toString() {
        return "EmulatorTokenCheck[kid=" + signed.kids() + "]";
    }
}
