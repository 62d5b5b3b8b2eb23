package dev.zwidget.internal.html;

/**
 * Recognises {@code </body>} one code unit at a time, the way a browser's tokenizer does: the
 * name case-insensitively, then either {@code >} at once, or white space or {@code /} followed by
 * anything up to the first {@code >} that is not inside a quoted attribute value
 * ({@code </BODY >}, {@code </body\n\n>}, {@code </body/>} and {@code </body class="a>b">} all
 * end the body for a browser, so they do here).
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

    // Where the tokenizer is after the name: among attributes, or in an attribute's value.
    private static final int ATTRIBUTES = 0;
    private static final int BEFORE_VALUE = 1;
    private static final int DOUBLE_QUOTED = 2;
    private static final int SINGLE_QUOTED = 3;
    private static final int UNQUOTED = 4;

    private int matched;
    /** Whether the name is complete and followed by white space or '/'. */
    private boolean inTag;
    private int state;

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
        if (!inTag) {
            if (unit == '>') {
                reset();
                return MATCH;
            }
            if (isHtmlSpace(unit) || unit == '/') {
                inTag = true;
                state = ATTRIBUTES;
                return PROGRESS;
            }
            // "</bodyx": another element's end tag.
            return fail(unit);
        }
        return afterName(unit);
    }

    /** Inside the end tag after its name: only a '>' outside quotes ends it. */
    private int afterName(int unit) {
        switch (state) {
            case DOUBLE_QUOTED:
                if (unit == '"') {
                    state = ATTRIBUTES;
                }
                return PROGRESS;
            case SINGLE_QUOTED:
                if (unit == '\'') {
                    state = ATTRIBUTES;
                }
                return PROGRESS;
            case BEFORE_VALUE:
                if (unit == '"') {
                    state = DOUBLE_QUOTED;
                } else if (unit == '\'') {
                    state = SINGLE_QUOTED;
                } else if (unit == '>') {
                    reset();
                    return MATCH;
                } else if (!isHtmlSpace(unit)) {
                    state = UNQUOTED;
                }
                return PROGRESS;
            case UNQUOTED:
                if (unit == '>') {
                    reset();
                    return MATCH;
                }
                if (isHtmlSpace(unit)) {
                    state = ATTRIBUTES;
                }
                return PROGRESS;
            default:
                if (unit == '>') {
                    reset();
                    return MATCH;
                }
                if (unit == '=') {
                    state = BEFORE_VALUE;
                }
                return PROGRESS;
        }
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
        inTag = false;
        state = ATTRIBUTES;
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
