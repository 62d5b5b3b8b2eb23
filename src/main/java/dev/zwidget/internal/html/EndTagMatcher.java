package dev.zwidget.internal.html;

/**
 * Recognises {@code </body>} one code unit at a time, case-insensitively and with optional
 * white space before the {@code >} ({@code </BODY >} is an end tag to a browser, too).
 *
 * <p>Units are bytes of an ASCII-compatible charset or UTF-16 chars: the tag is pure ASCII,
 * and in every charset the byte path accepts, an ASCII byte never occurs inside a multi-byte
 * character ({@code <} and {@code /} are not Shift_JIS trail bytes), so a match is always a
 * real tag boundary. The state survives between calls, so a tag split across two
 * {@code write()} calls is still found.
 */
final class EndTagMatcher {

    /** The unit is plain text and no candidate is in progress. */
    static final int NONE = 0;
    /** The unit ({@code <}) begins a candidate. */
    static final int START = 1;
    /** The unit extends the candidate in progress. */
    static final int PROGRESS = 2;
    /** The candidate in progress is not a tag; the unit is plain text. */
    static final int FAIL = 3;
    /** The candidate in progress is not a tag, and the unit ({@code <}) begins a new one. */
    static final int RESTART = 4;
    /** The unit ({@code >}) completes a {@code </body>} tag. */
    static final int MATCH = 5;

    private static final String NAME = "</body";
    // Bounds what may be held back for one candidate: "</body" + this many spaces + ">".
    private static final int MAX_SPACES = 64;

    private int matched;
    private int spaces;

    int feed(int unit) {
        if (matched == 0) {
            if (unit == '<') {
                matched = 1;
                return START;
            }
            return NONE;
        }
        if (matched < NAME.length()) {
            int expected = NAME.charAt(matched);
            // Letters compare without case; '/' (index 1) must be exact.
            if (unit == expected || (matched >= 2 && (unit | 0x20) == expected)) {
                matched++;
                return PROGRESS;
            }
            return fail(unit);
        }
        if (unit == '>') {
            reset();
            return MATCH;
        }
        if (isHtmlSpace(unit) && spaces < MAX_SPACES) {
            spaces++;
            return PROGRESS;
        }
        return fail(unit);
    }

    /**
     * For a {@code <} at {@code open} (or {@code open == to}): the index of the first unit after
     * it in {@code [open, to)} that rules out {@code </body}, or -1 when none does (a full
     * {@code </body} is there, or the chunk ends before it is decided).
     */
    static int mismatchAfterOpen(SnippetDetector.UnitSource source, int open, int to) {
        for (int k = 1; k < NAME.length(); k++) {
            int i = open + k;
            if (i >= to) {
                return -1;
            }
            int unit = source.unitAt(i);
            int expected = NAME.charAt(k);
            if (unit != expected && (k < 2 || (unit | 0x20) != expected)) {
                return i;
            }
        }
        return -1;
    }

    void reset() {
        matched = 0;
        spaces = 0;
    }

    private int fail(int unit) {
        reset();
        if (unit == '<') {
            matched = 1;
            return RESTART;
        }
        return FAIL;
    }

    private static boolean isHtmlSpace(int unit) {
        return unit == ' ' || unit == '\t' || unit == '\n' || unit == '\r' || unit == '\f';
    }
}
