package dev.zwidget.internal.emulator;

import java.util.Objects;

/**
 * What {@link EmulatorTokenCheck} decided about one token: accepted, with the claims the
 * emulator shows, or rejected, with a short reason a developer can act on. Immutable.
 *
 * <p>Everything here comes from the token or from the checker's own wording, never from the
 * secret, so it may be shown in a page, a JSON answer or a log line.
 */
public final class EmulatorVerdict {

    private final boolean ok;
    private final String reason;
    private final String externalId;
    private final String name;
    private final String email;
    private final Long exp;

    private EmulatorVerdict(boolean ok, String reason, String externalId, String name, String email,
            Long exp) {
        this.ok = ok;
        this.reason = reason;
        this.externalId = externalId;
        this.name = name;
        this.email = email;
        this.exp = exp;
    }

    /** An accepted token; {@code name}, {@code email}, {@code exp} (and, for SSO, {@code externalId}) may be {@code null}. */
    static EmulatorVerdict accepted(String externalId, String name, String email, Long exp) {
        return new EmulatorVerdict(true, null, externalId, name,
                email, exp);
    }

    /** A rejected token and why. */
    static EmulatorVerdict rejected(String reason) {
        return new EmulatorVerdict(false, Objects.requireNonNull(reason, "reason"), null, null, null,
                null);
    }

    /** Whether Zendesk would have signed the visitor in with this token. */
    public boolean ok() {
        return ok;
    }

    /** Why the token was rejected; {@code null} when it was accepted. */
    public String reason() {
        return reason;
    }

    /** The {@code external_id} claim of an accepted token, else {@code null}. */
    public String externalId() {
        return externalId;
    }

    /** The {@code name} claim when it is a string, else {@code null}. */
    public String name() {
        return name;
    }

    /** The {@code email} claim when it is a string, else {@code null}. */
    public String email() {
        return email;
    }

    /** The {@code exp} claim in seconds since the epoch, or {@code null} when the token has none. */
    public Long exp() {
        return exp;
    }

    @Override
    public String toString() {
        return ok ? "EmulatorVerdict[ok, externalId=" + externalId + ", exp=" + exp + "]"
                : "EmulatorVerdict[rejected: " + reason + "]";
    }
}
