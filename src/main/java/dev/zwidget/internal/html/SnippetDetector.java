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
        int i = from;
        while (!seen && i < to) {
            if (matched == 0) {
                // 'z' occurs only at the start of the id, so a match can only begin there.
                i = source.indexOf('z', i, to);
                if (i == to) {
                    return;
                }
                matched = 1;
                i++;
                continue;
            }
            if (source.unitAt(i) == ID.charAt(matched)) {
                matched++;
                i++;
                seen = matched == ID.length();
            } else {
                matched = 0;
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

    /** Access to the units of the chunk being written. */
    interface UnitSource {
        int unitAt(int index);

        /** The index of the first {@code unit} in {@code [from, to)}, or {@code to}. */
        int indexOf(int unit, int from, int to);
    }
}
