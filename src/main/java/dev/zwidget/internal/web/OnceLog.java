package dev.zwidget.internal.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a recurring problem once, then at most once per quiet period, so that a resolver that
 * fails on every page does not flood the log with one stack trace per request. Callers pass
 * messages that never contain the secret.
 */
public final class OnceLog {

    private static final long QUIET_MILLIS = 10 * 60 * 1000L;

    private final Logger logger;
    private final Clock clock;
    private final ConcurrentHashMap<String, Long> lastLogged = new ConcurrentHashMap<>();

    public OnceLog(Logger logger, Clock clock) {
        this.logger = logger;
        this.clock = clock;
    }

    /** Logs {@code message} at {@code level} unless the same {@code key} was logged lately. */
    public void log(Level level, String key, String message, Throwable cause) {
        long now = clock.millis();
        Long previous = lastLogged.get(key);
        if (previous != null && now - previous < QUIET_MILLIS) {
            return;
        }
        if (previous == null ? lastLogged.putIfAbsent(key, now) != null
                : !lastLogged.replace(key, previous, now)) {
            return;
        }
        String text = message + " (logged once per " + QUIET_MILLIS / 60000 + " minutes)";
        if (cause == null) {
            logger.log(level, text);
        } else {
            logger.log(level, text, cause);
        }
    }
}
