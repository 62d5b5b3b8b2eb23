package dev.zwidget.internal.html;

/**
 * Notices Zendesk's own snippet in a page that streams through, so that a page where a developer
 * pasted {@code <script id="ze-snippet" …>} by hand does not load the widget twice.
 *
 * <p>Only a {@code ze-snippet} inside the start tag of a {@code <script>} element counts: a page
 * that merely talks about the snippet (documentation, an escaped code sample) must still get
 * the widget, because a false "already there" leaves the visitor with an identification script
 * waiting for a snippet that never loads. "Inside" means: a {@code <script} followed by white
 * space came after the last {@code >}. The page is not read tag by tag for this: the splice
 * calls {@link #atZ} for each {@code z} it meets on its own scan, and the detector looks back
 * from there; at the end of each chunk it notes whether a script start tag is left open, or
 * begun, for the next chunk.
 */
final class SnippetDetector {

    private static final String TAG = "<script";
    private static final String ID = "ze-snippet";

    /** Whether a script start tag is open (no {@code >} since) where the last chunk ended. */
    private boolean scriptTagOpen;
    /** Units of {@code <script} (7: all, white space awaited) that ended the last chunk, or 0. */
    private int tagPending;
    /** Units of {@code ze-snippet} that ended the last chunk, or 0; and whether in a script tag. */
    private int idPending;
    private boolean idPendingInside;
    /** Whether the chunk being scanned was taken up entirely by pending matches. */
    private boolean chunkConsumed;
    private boolean seen;
    // How far this chunk was read for the look-back, and whether a script start tag was open
    // there: each z is looked back from only as far as the one before it, so a page full of
    // z's without a '>' is read once, not once per z.
    private int readTo;
    private boolean openAtReadTo;

    /** Completes matches the last chunk ended in the middle of, with the units of this one. */
    void chunkStarts(UnitSource source, int from, int to) {
        chunkConsumed = false;
        readTo = -1;
        if (seen) {
            return;
        }
        if (idPending > 0) {
            int i = from;
            int k = idPending;
            while (i < to && k < ID.length() && source.unitAt(i) == ID.charAt(k)) {
                i++;
                k++;
            }
            if (k == ID.length()) {
                seen = idPendingInside;
                idPending = 0;
            } else {
                idPending = i == to ? k : 0;
            }
        }
        if (tagPending > 0) {
            int i = from;
            int k = tagPending;
            while (i < to && k < TAG.length() && (source.unitAt(i) | 0x20) == TAG.charAt(k)) {
                i++;
                k++;
            }
            if (i == to) {
                // Every unit of this (tiny) chunk continued the tag name: still pending.
                tagPending = k;
                chunkConsumed = true;
                return;
            }
            if (k == TAG.length() && isHtmlSpace(source.unitAt(i))) {
                scriptTagOpen = true;
            }
            tagPending = 0;
        }
    }

    /** A {@code z} (or {@code Z}) at {@code z} in the chunk {@code [from, to)}. */
    void atZ(UnitSource source, int z, int from, int to) {
        if (seen) {
            return;
        }
        int i = z;
        int k = 0;
        while (i < to && k < ID.length() && source.unitAt(i) == ID.charAt(k)) {
            i++;
            k++;
        }
        if (k == ID.length()) {
            seen = insideScriptTag(source, z, from);
        } else if (i == to && k > 0) {
            idPending = k;
            idPendingInside = insideScriptTag(source, z, from);
        }
    }

    /** Notes what the chunk {@code [from, to)} leaves open for the next one. */
    void chunkEnds(UnitSource source, int from, int to) {
        if (seen || chunkConsumed) {
            return;
        }
        int close = lastClose(source, from, to);
        if (close >= from) {
            scriptTagOpen = hasScriptTag(source, close + 1, to);
        } else if (!scriptTagOpen) {
            scriptTagOpen = hasScriptTag(source, from, to);
        }
        tagPending = 0;
        // "<script" holds no '>': only a '<' after the chunk's last one can begin it.
        for (int k = Math.max(Math.max(from, close + 1), to - TAG.length()); k < to; k++) {
            if (source.unitAt(k) == '<' && tagPrefixUpTo(source, k, to)) {
                tagPending = to - k;
                return;
            }
        }
    }

    private boolean insideScriptTag(UnitSource source, int at, int from) {
        // A z is never part of "<script" and white space, so no tag straddles readTo.
        boolean continues = readTo >= from && readTo <= at;
        int start = continues ? readTo : from;
        boolean openAtStart = continues ? openAtReadTo : scriptTagOpen;
        int close = lastClose(source, start, at);
        boolean open = close < start ? openAtStart || hasScriptTag(source, start, at)
                : hasScriptTag(source, close + 1, at);
        readTo = at;
        openAtReadTo = open;
        return open;
    }

    private static int lastClose(UnitSource source, int from, int to) {
        int i = to - 1;
        while (i >= from && source.unitAt(i) != '>') {
            i--;
        }
        return i;
    }

    /** Whether {@code <script} and white space lie wholly within {@code [from, to)}. */
    private static boolean hasScriptTag(UnitSource source, int from, int to) {
        int i = from;
        while (true) {
            i = source.indexOf('<', i, to);
            if (i + TAG.length() >= to) {
                return false;
            }
            if (tagPrefixUpTo(source, i, i + TAG.length()) && isHtmlSpace(source.unitAt(i + TAG.length()))) {
                return true;
            }
            i++;
        }
    }

    /** Whether the units from the {@code <} at {@code open} up to {@code to} begin {@code <script}. */
    private static boolean tagPrefixUpTo(UnitSource source, int open, int to) {
        for (int k = 1; k < TAG.length() && open + k < to; k++) {
            if ((source.unitAt(open + k) | 0x20) != TAG.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHtmlSpace(int unit) {
        return unit == ' ' || unit == '\t' || unit == '\n' || unit == '\r' || unit == '\f';
    }

    boolean seen() {
        return seen;
    }

    void reset() {
        scriptTagOpen = false;
        tagPending = 0;
        idPending = 0;
        idPendingInside = false;
        chunkConsumed = false;
        seen = false;
        readTo = -1;
    }

    /** Access to the units of the chunk being written. */
    interface UnitSource {
        int unitAt(int index);

        /** The index of the first {@code unit} in {@code [from, to)}, or {@code to}. */
        int indexOf(int unit, int from, int to);
    }
}
