package dev.zwidget.internal.html;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The container's response buffer, enlarged for a page that gets the widget. A page of up to
 * {@link #SIZE} then leaves in one write with an exact Content-Length instead of being committed
 * at the container's default (8 KB in Tomcat, 32 KB in Jetty) and sent in chunks, which costs
 * the server more than the filter's own work on the page; a larger page still streams. The
 * application keeps seeing the size it set or the container chose, and a page that fails after
 * that size is committed as it would have been, so the client gets the same truncated response.
 * A path whose last such page outgrew the enlarged size keeps the container's size
 * ({@link LargePages}).
 */
final class PageBuffer {

    /** Pages up to this many bytes leave in one write. */
    static final int SIZE = 64 * 1024;

    private final LargePages largePages;
    private final String path;
    /** The path's key in {@link LargePages}, 0 until a page with the widget asks for it. */
    private int pageKey;
    /** The size before we enlarged it, or -1 when we did not. */
    private int appSize = -1;
    /** The application chose a size itself: it is respected. */
    private boolean setByApp;

    PageBuffer(LargePages largePages, String path) {
        this.largePages = largePages;
        this.path = path;
    }

    /** Hashed only for a page that gets the widget: most responses (JSON, images) never need it. */
    private int pageKey() {
        if (pageKey == 0) {
            pageKey = LargePages.keyOf(path);
        }
        return pageKey;
    }

    /** Enlarges the buffer of a page about to be written; nothing when the container refuses. */
    void enlarge(HttpServletResponse container) {
        if (setByApp || appSize >= 0 || largePages.isLarge(pageKey())) {
            return;
        }
        try {
            int size = container.getBufferSize();
            if (size > 0 && size < SIZE && !container.isCommitted()) {
                container.setBufferSize(SIZE);
                appSize = size;
            }
        } catch (IllegalStateException e) {
            // Content already reached the container (a flush came first): it keeps its size.
        }
    }

    /** What {@code getBufferSize()} shows the application. */
    int visibleSize(HttpServletResponse container) {
        return appSize >= 0 ? appSize : container.getBufferSize();
    }

    /** The application sets its own size. */
    void setByApplication() {
        setByApp = true;
        appSize = -1;
    }

    /** Whether a page of {@code written} units would have been committed without the filter. */
    boolean wouldHaveCommitted(long written) {
        return appSize >= 0 && written > appSize;
    }

    /** The page got its block (or had none to get) after {@code written} units. */
    void pageEnded(long written) {
        largePages.pageEnded(pageKey(), written);
    }
}
