package dev.zwidget.internal.html;

/**
 * Notices Zendesk's own snippet in a page that streams through, so that a page where a
 * developer pasted {@code <script id="ze-snippet" …>} by hand does not load the widget twice.
 * It looks for the id value {@code ze-snippet} anywhere in the document: a false positive
 * costs only the second snippet tag (the identification script still runs once the page's
 * own snippet has loaded), a false negative would load the widget twice.
 */
final class SnippetDetector {

    private static final String ID = "ze-snippet";

    private int matched;
    private boolean seen;

    /** Scans units {@code [from, to)} given by {@code source}. */
    void scan(UnitSource source, int from, int to) {
        if (seen) {
            return;
        }
        for (int i = from; i < to; i++) {
            int unit = source.unitAt(i);
            if (unit == ID.charAt(matched)) {
                matched++;
                if (matched == ID.length()) {
                    seen = true;
                    return;
                }
            } else {
                // 'z' occurs only at the start of the id, so a mismatch can restart only there.
                matched = unit == 'z' ? 1 : 0;
            }
        }
    }

    boolean seen() {
        return seen;
    }

    void reset() {
        matched = 0;
        seen = false;
    }

    /** Random access to the units of the chunk being written. */
    interface UnitSource {
        int unitAt(int index);
    }
}
