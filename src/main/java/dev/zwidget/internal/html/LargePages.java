package dev.zwidget.internal.html;

/**
 * The paths whose last page with the widget outgrew {@link PageBuffer#SIZE}. Such a page keeps
 * the container's own buffer on its next render, so its first bytes leave as early as without
 * the filter instead of after twice as many: the enlarged buffer only pays off for a page that
 * fits it, and a path's pages tend to keep their size (a report stays large).
 *
 * <p>One per filter. A fixed table of path hashes, read and written without locks: a lost or
 * stale entry, or two paths sharing a slot, only means one page is buffered as it was not
 * meant to be (or streamed as without the filter); neither changes a byte of it. Only the
 * hash of a path is kept, never the path.
 */
public final class LargePages {

    private static final int SLOTS = 1024;

    private final int[] tags = new int[SLOTS];

    /** The key of a path, as {@link #isLarge} and {@link #pageEnded} take it. */
    static int keyOf(String path) {
        int hash = path.hashCode();
        // Never 0, which marks an empty slot.
        return (hash ^ (hash >>> 16)) | 1;
    }

    /** Whether the last page at {@code key} that got the widget outgrew the enlarged buffer. */
    boolean isLarge(int key) {
        return tags[slot(key)] == key;
    }

    /** Remembers whether a page of {@code units} at {@code key} outgrew the enlarged buffer. */
    void pageEnded(int key, long units) {
        int slot = slot(key);
        if (units > PageBuffer.SIZE) {
            tags[slot] = key;
        } else if (tags[slot] == key) {
            tags[slot] = 0;
        }
    }

    private static int slot(int key) {
        // The lowest bit is always set: the slot comes from the bits above it.
        return (key >>> 1) & (SLOTS - 1);
    }
}
