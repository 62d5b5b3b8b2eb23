package dev.zwidget.internal.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Verification;
import dev.zwidget.internal.compat.Java8;
import java.time.Clock;

/**
 * What both widget minters check. Kept apart from {@link ExternalIds}, which resolving a visitor
 * uses: this class names java-jwt types (its catch clause alone makes the verifier load them),
 * and java-jwt may be missing from the application.
 */
final class MintChecks {

    /** The external id of the throw-away tokens minted at start. */
    static final String SELF_TEST_ID = "zwidget-self-test";

    private MintChecks() {
    }

    /**
     * {@code externalId}, checked before it is signed into any token.
     *
     * @throws IllegalArgumentException if it is blank or longer than 255 characters; the
     *     message names the rule, never the id
     */
    static String checkedExternalId(String externalId) {
        if (externalId.length() > ExternalIds.MAX_LENGTH) {
            throw new IllegalArgumentException("external_id is longer than " + ExternalIds.MAX_LENGTH + " characters");
        }
        if (!ExternalIds.accepts(externalId)) {
            throw new IllegalArgumentException("external_id is blank");
        }
        return externalId;
    }

    /** Whether an optional claim has a value worth sending: blank names and emails are left out. */
    static boolean present(String value) {
        return value != null && !Java8.isBlank(value);
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
