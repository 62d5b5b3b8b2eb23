package dev.zwidget;

import java.util.Objects;

/**
 * The signed-in visitor as Zendesk will know them: the claims of the messaging JWT.
 *
 * <p>{@code externalId} must identify the user for good: Zendesk links every conversation to
 * it, and a changed id, or a verified email later sent with another id, creates a duplicate
 * profile. Immutable.
 */
public final class WidgetUser {

    private final String externalId;
    private final String name;
    private final String email;
    private final boolean emailVerified;

    private WidgetUser(String externalId, String name, String email, boolean emailVerified) {
        this.externalId = Objects.requireNonNull(externalId, "externalId");
        this.name = name;
        this.email = email;
        this.emailVerified = emailVerified;
    }

    /** A user known only by their external id. */
    public static WidgetUser of(String externalId) {
        return new WidgetUser(externalId, null, null, false);
    }

    /** A copy with the display name shown to agents ({@code null} for none). */
    public WidgetUser withName(String newName) {
        return new WidgetUser(externalId, newName, email, emailVerified);
    }

    /**
     * A copy with an email address. Send {@code verified = true} only when the application has
     * verified the address itself: Zendesk then treats it as the user's identity.
     */
    public WidgetUser withEmail(String newEmail, boolean verified) {
        return new WidgetUser(externalId, name, newEmail, newEmail != null && verified);
    }

    public String externalId() {
        return externalId;
    }

    /** The display name, or {@code null}. */
    public String name() {
        return name;
    }

    /** The email address, or {@code null}. */
    public String email() {
        return email;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WidgetUser)) {
            return false;
        }
        WidgetUser other = (WidgetUser) o;
        return externalId.equals(other.externalId) && Objects.equals(name, other.name)
                && Objects.equals(email, other.email) && emailVerified == other.emailVerified;
    }

    @Override
    public int hashCode() {
        return Objects.hash(externalId, name, email, emailVerified);
    }

    /** Only the external id: names and addresses are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "WidgetUser[externalId=" + externalId + "]";
    }
}
