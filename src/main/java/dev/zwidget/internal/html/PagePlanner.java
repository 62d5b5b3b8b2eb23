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

    /**
     * Whether a JSP tag or Thymeleaf element already rendered the widget on this request, in
     * which case the filter must not insert a second copy.
     */
    default boolean placedByView() {
        return false;
    }

    /**
     * Whether the request's conditional headers must be hidden from the page: a page the browser
     * cached before the visitor signed in or out must not come back as a 304. Asked only when
     * the application reads one, so resolving the visitor stays lazy.
     */
    default boolean hidesValidators() {
        return false;
    }
}
