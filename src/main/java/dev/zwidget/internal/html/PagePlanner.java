package dev.zwidget.internal.html;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Decides what an eligible page gets. Called at most once per response, when its first byte
 * is written; it may still set headers and cookies on {@code response}. It must not throw.
 */
@FunctionalInterface
public interface PagePlanner {

    Injection plan(HttpServletResponse response);

    /** Told what the page got, once decided (for the filter's counters). */
    default void decided(Injection outcome) {
    }

    /** Told that the block went into the page. */
    default void inserted() {
    }
}
