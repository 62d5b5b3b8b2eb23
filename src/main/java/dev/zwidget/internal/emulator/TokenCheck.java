package dev.zwidget.internal.emulator;

import dev.zwidget.internal.config.Secret;
import java.time.Clock;
import java.util.Objects;

/**
 * One kind of Zendesk token, checked by the emulator as Zendesk would check it: the signature by
 * {@link SignedToken}, the rest by the subclass's rules. Thread-safe.
 */
public abstract class TokenCheck {

    final SignedToken signed;
    final Clock clock;

    TokenCheck(Secret secret, Clock clock) {
        this(new SignedToken(Objects.requireNonNull(secret, "secret")), clock);
    }

    TokenCheck(SignedToken signed, Clock clock) {
        this.signed = signed;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Accepts or rejects {@code token} (compact form); never throws for a bad token. */
    public final EmulatorVerdict check(String token) {
        try {
            return verify(token);
        } catch (TokenRejected rejected) {
            return EmulatorVerdict.rejected(rejected.getMessage());
        }
    }

    /** The verdict on an acceptable token; a refused one throws with the reason. */
    abstract EmulatorVerdict verify(String token) throws TokenRejected;
}
