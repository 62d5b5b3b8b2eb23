package dev.zwidget.internal.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Verification;
import dev.zwidget.internal.compat.Java8;
import java.time.Clock;

/**
 * Zendesk's rule for {@code external_id}, shared by the minters. {@link #accepts} loads nothing
 * of java-jwt (resolving who a visitor is must never load it: it may be missing or broken in the
 * application); only the minters' own helpers below do.
 */
public final class ExternalIds {

    /** Zendesk's limit on external_id (marked unconfirmed; kept to stay on the safe side). */
    public static final int MAX_LENGTH = 255;
    /** The external id of the throw-away tokens minted at start. */
    static final String SELF_TEST_ID = "zwidget-self-test";

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

    /**
     * {@code externalId}, checked before it is signed into any token.
     *
     * @throws IllegalArgumentException if it is blank or longer than 255 characters; the
     *     message names the rule, never the id
     */
    static String checked(String externalId) {
        if (externalId.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("external_id is longer than " + MAX_LENGTH + " characters");
        }
        if (Java8.isBlank(externalId)) {
            throw new IllegalArgumentException("external_id is blank");
        }
        return externalId;
    }

    /**
     * Verifies a freshly minted self-test token with java-jwt's own verifier, which loads every
     * class minting and parsing need: a classpath problem shows at start.
     */
    static void verifySelfTest(Algorithm algorithm, Clock clock, String token) {
        try {
            Verification verification = JWT.require(algorithm).withClaim("external_id", SELF_TEST_ID);
            ((JWTVerifier.BaseVerification) verification).build(clock).verify(token);
        } catch (JWTVerificationException e) {
            throw new IllegalStateException("a freshly minted token does not verify: " + e.getMessage());
        }
    }
}
