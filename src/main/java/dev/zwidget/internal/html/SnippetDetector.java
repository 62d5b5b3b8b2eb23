package dev.zwidget.internal.html;

/**
 * Notices Zendesk's own snippet in a page that streams through, so that a page where a developer
 * pasted {@code <script id="ze-snippet" …>} by hand does not load the widget twice.
 *
 * <p>Only a {@code ze-snippet} inside the start tag of a {@code <script>} element counts: a page
 * that merely talks about the snippet (documentation, an escaped code sample) must still get
 * the widget, because a false "already there" leaves the visitor with an identification script
 * waiting for a snippet that never loads. The state survives between chunks.
 */
final class SnippetDetector {

    private static final String TAG = "<script";
    private static final String ID = "ze-snippet";

    /** Units of {@code <script} matched so far; 0 when looking for a {@code <}. */
    private int tagMatched;
    /** Whether we are inside a script start tag, before its {@code >}. */
    private boolean inScriptTag;
    /** Units of {@code ze-snippet} matched so far inside the start tag. */
    private int idMatched;
    private boolean seen;

    /** Scans units {@code [from, to)} given by {@code source}. */
    void scan(UnitSource source, int from, int to) {
        int i = from;
        while (!seen && i < to) {
            if (inScriptTag) {
                i = scanScriptTag(source, i, to);
            } else if (tagMatched == 0) {
                i = source.indexOf('<', i, to);
                if (i < to) {
                    tagMatched = 1;
                    i++;
                }
            } else {
                i = scanTagName(source.unitAt(i), i);
            }
        }
    }

    private int scanTagName(int unit, int i) {
        if (tagMatched == TAG.length()) {
            // "<script" must end here: "<scripts" or "<script-x" is another element.
            tagMatched = 0;
            inScriptTag = unit == ' ' || unit == '\t' || unit == '\n' || unit == '\r' || unit == '\f';
            return inScriptTag ? i + 1 : i;
        }
        if ((unit | 0x20) == TAG.charAt(tagMatched)) {
            tagMatched++;
            return i + 1;
        }
        tagMatched = 0;
        return i;
    }

    private int scanScriptTag(UnitSource source, int from, int to) {
        for (int i = from; i < to; i++) {
            int unit = source.unitAt(i);
            if (unit == '>') {
                inScriptTag = false;
                idMatched = 0;
                return i + 1;
            }
            if (unit == ID.charAt(idMatched)) {
                idMatched++;
                if (idMatched == ID.length()) {
                    seen = true;
                    return to;
                }
            } else {
                idMatched = unit == 'z' ? 1 : 0;
            }
        }
        return to;
    }

    boolean seen() {
        return seen;
    }

    void reset() {
        tagMatched = 0;
        inScriptTag = false;
        idMatched = 0;
        seen = false;
    }

    /** Access to the units of the chunk being written. */
    interface UnitSource {
        int unitAt(int index);

        /** The index of the first {@code unit} in {@code [from, to)}, or {@code to}. */
        int indexOf(int unit, int from, int to);
    }
}
