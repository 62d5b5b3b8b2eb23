package dev.zwidget.internal.web;

import dev.zwidget.WidgetUser;
import dev.zwidget.internal.ops.FilterStats;
import dev.zwidget.internal.token.Minter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Mints the page's token and keeps a broken token library away from the application. Tokens are
 * written without java-jwt, but java-jwt checks one at start and the minters name its types: a
 * thin jar without java-jwt, or next to a Jackson java-jwt cannot run with, fails with a
 * {@link LinkageError} (then "Could not initialize class" on every try after). That is a
 * deployment problem no request can cure, so the first one switches minting off until restart
 * and is logged with its likely cause, and every signed-in page is then served untouched instead
 * of failing.
 */
final class TokenSource {

    private static final Logger LOGGER = Logger.getLogger("dev.zwidget.ZendeskWidgetFilter");

    private final OnceLog log;
    private final FilterStats stats;
    private final AtomicReference<String> brokenBecause = new AtomicReference<>();
    private final Minter minter;

    /** @param build makes the mode's minter; called here, where a missing java-jwt is caught */
    TokenSource(Supplier<Minter> build, OnceLog log, FilterStats stats) {
        this.log = log;
        this.stats = stats;
        Minter built = null;
        try {
            built = build.get();
        } catch (LinkageError e) {
            disable(e);
        }
        this.minter = built;
    }

    /**
     * Mints and verifies one throw-away token, so that a broken minting stack is reported when
     * the application starts rather than on a visitor's first page; the application starts
     * either way.
     */
    void checkAtStart() {
        if (minter == null) {
            return;
        }
        try {
            minter.selfTest();
        } catch (LinkageError e) {
            disable(e);
        } catch (RuntimeException e) {
            log.log(Level.SEVERE, "self-test", "Zendesk widget: minting a test token at start failed; "
                    + "signed-in pages may be served without the widget: " + e.getClass().getName(), e);
        }
    }

    /** A token for {@code user}, or {@code null} when none can be minted (logged). */
    String mint(WidgetUser user) {
        if (brokenBecause.get() != null) {
            return null;
        }
        try {
            String token = minter.mint(user);
            stats.tokenMinted();
            return token;
        } catch (LinkageError e) {
            stats.mintError();
            disable(e);
        } catch (RuntimeException | AssertionError e) {
            stats.mintError();
            // The minters' own IllegalArgumentExceptions name a rule (never the secret or the
            // visitor's data) and are worth showing; other messages may quote claim values.
            String what = e instanceof IllegalArgumentException ? e.toString() : e.getClass().getName();
            log.log(Level.SEVERE, "mint:" + what, "Zendesk widget: could not mint a token: " + what, e);
        }
        return null;
    }

    /** Why minting is switched off, or {@code null} while it works. */
    String brokenBecause() {
        return brokenBecause.get();
    }

    private void disable(LinkageError e) {
        String cause = likelyCause(e);
        if (!brokenBecause.compareAndSet(null, cause)) {
            return;
        }
        // Once, for good: minting is not tried again, so there is nothing left to repeat.
        LOGGER.log(Level.SEVERE, "Zendesk widget: the token library cannot run in this "
                + "application (" + cause + "). Signed-in visitors get no widget and the token "
                + "endpoint answers 503 until the application is restarted with a fixed classpath: "
                + e, e);
    }

    /** The deployment mistake behind a linkage error, in the words an operator searches for. */
    static String likelyCause(Throwable error) {
        if (mentions(error, "jackson")) {
            return "java-jwt cannot run with the Jackson on the classpath (a class it needs is missing"
                    + " or too old); use the -all jar or upgrade Jackson";
        }
        if (mentions(error, "auth0")) {
            return "java-jwt is missing or incompatible; add com.auth0:java-jwt 4.x or use the -all jar";
        }
        return "a dependency of the token library is missing or incompatible; use the -all jar";
    }

    private static boolean mentions(Throwable error, String word) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 10; t = t.getCause(), depth++) {
            if (String.valueOf(t.getMessage()).contains(word)) {
                return true;
            }
        }
        return false;
    }
}
