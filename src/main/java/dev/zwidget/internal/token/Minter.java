package dev.zwidget.internal.token;

import dev.zwidget.WidgetUser;

/** Signs the widget's JWT for one visitor: the messaging token or the Classic Chat token. */
public interface Minter {

    /**
     * A compact JWT for {@code user}.
     *
     * @throws IllegalArgumentException when the user cannot have a token (the visitor is then
     *     served without one); the message never holds the secret
     */
    String mint(WidgetUser user);

    /**
     * Mints a token for a throw-away user and verifies it with java-jwt's own verifier, so that
     * a classpath problem shows at start rather than on a visitor's page.
     *
     * @throws LinkageError when a dependency of java-jwt is missing or incompatible
     * @throws IllegalStateException when the token does not verify
     */
    void selfTest();
}
