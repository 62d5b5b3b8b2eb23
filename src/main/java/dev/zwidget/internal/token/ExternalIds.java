package dev.zwidget.internal.token;

import dev.zwidget.internal.compat.Java8;

/**
 * Zendesk's rule for {@code external_id}, apart from {@link TokenMinter}: resolving who a
 * visitor is must never load java-jwt, which may be missing or broken in the application.
 */
public final class ExternalIds {

    /** Zendesk's limit on external_id (marked unconfirmed; kept to stay on the safe side). */
    public static final int MAX_LENGTH = 255;

    private ExternalIds() {
    }

    /**
     * Whether Zendesk can take {@code externalId}: present, not blank, at most 255 characters.
     * Characters are counted as Java chars (UTF-16 units), which never count fewer than code
     * points, so an id accepted here is within the limit under either reading.
     */
    public static boolean accepts(String externalId) {
        return externalId != null && !Java8.isBlank(externalId) && externalId.length() <= MAX_LENGTH;
    }
}
