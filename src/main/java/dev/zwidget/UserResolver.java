package dev.zwidget;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells the filter who is signed in, for applications that keep identity somewhere the
 * built-in resolvers do not look (a cookie, a ThreadLocal, a framework's security context).
 *
 * <p>Name the implementing class in the {@code userResolver} init-param. It needs a public
 * no-argument constructor, is created once when the filter starts and is then called from
 * many request threads at once, so it must be thread-safe.
 *
 * <p>It is called at most once per request, while the page is being rendered, so the
 * application's session and request state are still in place.
 */
@FunctionalInterface
public interface UserResolver {

    /**
     * Returns the visitor signed in on this request, or {@code null} for an anonymous visitor.
     * Must not create an HTTP session. An exception is logged by the filter and the page is
     * then served untouched.
     */
    WidgetUser resolve(HttpServletRequest request) throws Exception;
}
