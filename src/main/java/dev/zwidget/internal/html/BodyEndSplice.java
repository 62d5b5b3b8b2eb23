package dev.zwidget.internal.html;

import java.io.IOException;

/**
 * Passes a document through while it is written and splices a block in front of its last
 * {@code </body>}, without buffering the page.
 *
 * <p>Units before a {@code <} go straight on. From a {@code <} on, units are held until they
 * turn out not to start {@code </body>}. After a complete {@code </body>} everything is held,
 * because a later {@code </body>} (the first one may sit in a script string) would move the
 * insertion point; when one comes, what stood before it is released. So only the tail after the
 * last candidate is ever held, and never more than {@link #MAX_TAIL} units: past that the
 * candidate is given up and the page is left without the widget rather than buffered.
 *
 * <p>Subclasses supply the unit type (bytes or chars) and the sink. Held units are kept as
 * chars, which holds a byte (0–255) as well. What one chunk releases is collected and written
 * with one call: every {@code <} in a page ends a run, and handing each run to the container
 * separately made a 50 KB page several times slower. Not thread-safe: one per response.
 */
abstract class BodyEndSplice implements SnippetDetector.UnitSource {

    /** The most that is held back after a {@code </body>}, in units. */
    static final int MAX_TAIL = 64 * 1024;

    private final EndTagMatcher matcher = new EndTagMatcher();
    private final SnippetDetector snippet = new SnippetDetector();
    private char[] held = new char[64];
    private int heldLength;
    /** Whether {@code held} starts with a complete {@code </body>}. */
    private boolean candidate;
    /** Where the candidate in progress starts in {@code held}, or -1. */
    private int partialAt = -1;

    /** Returns unit {@code index} of the chunk being written. */
    @Override
    public abstract int unitAt(int index);

    /** Returns the index of the first {@code unit} in {@code [from, to)} of the chunk, or {@code to}. */
    @Override
    public abstract int indexOf(int unit, int from, int to);

    /** Sends units {@code [from, to)} of the chunk being written on, unchanged. */
    protected abstract void passChunk(int from, int to) throws IOException;

    /** Sends held units on, unchanged. */
    protected abstract void passHeld(char[] units, int offset, int length) throws IOException;

    /** Sends the inserted block (pure ASCII) on. */
    protected abstract void passInsert(String markup) throws IOException;

    /** Writes out whatever the pass methods collected; called once per chunk and at the end. */
    protected abstract void drain() throws IOException;

    /** Processes units {@code [from, to)} of the chunk being written. */
    final void process(int from, int to) throws IOException {
        snippet.scan(this, from, to);
        int i = from;
        while (i < to) {
            if (!candidate && partialAt < 0) {
                int open = nextPossibleEndTag(i, to);
                if (open > i) {
                    passChunk(i, open);
                }
                i = open;
            }
            if (i < to) {
                i = holdWhileUndecided(i, to);
            }
        }
        drain();
    }

    /**
     * The index of the next {@code <} that may begin {@code </body>}: one whose following units in
     * this chunk match as far as they go. Other tags are skipped here, without the per-unit work
     * of holding them, because nearly every {@code <} of a page is one of them.
     */
    private int nextPossibleEndTag(int from, int to) {
        int i = from;
        while (true) {
            int open = indexOf('<', i, to);
            int mismatch = EndTagMatcher.mismatchAfterOpen(this, open, to);
            if (mismatch < 0) {
                return open;
            }
            i = mismatch;
        }
    }

    private int holdWhileUndecided(int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            int unit = unitAt(i);
            hold(unit);
            switch (matcher.feed(unit)) {
                case EndTagMatcher.START:
                    partialAt = heldLength - 1;
                    break;
                case EndTagMatcher.FAIL:
                    partialAt = -1;
                    if (!candidate) {
                        release(heldLength);
                    }
                    break;
                case EndTagMatcher.RESTART:
                    if (!candidate) {
                        release(heldLength - 1);
                    }
                    partialAt = heldLength - 1;
                    break;
                case EndTagMatcher.MATCH:
                    release(partialAt);
                    candidate = true;
                    partialAt = -1;
                    break;
                default:
                    break;
            }
            if (candidate && heldLength > MAX_TAIL) {
                giveUpCandidate();
            }
            if (!candidate && partialAt >= 0 && heldLength - partialAt > MAX_TAIL) {
                // A "</body" whose tag goes on for longer than the tail may be: no widget on this
                // page rather than a buffered page (an earlier candidate is already given up).
                matcher.reset();
                partialAt = -1;
                release(heldLength);
            }
            if (!candidate && partialAt < 0) {
                return i + 1;
            }
        }
        return to;
    }

    /**
     * Ends the document: {@code markup} (when not null) goes before the last {@code </body>},
     * then everything held follows. Returns whether the markup was inserted.
     */
    final boolean finish(String markup) throws IOException {
        boolean insert = candidate && markup != null && !markup.isEmpty();
        if (insert) {
            passInsert(markup);
        }
        release(heldLength);
        drain();
        matcher.reset();
        candidate = false;
        partialAt = -1;
        return insert;
    }

    /** Whether a {@code </body>} has been seen and is being held. */
    final boolean hasCandidate() {
        return candidate;
    }

    /** Whether the document written so far loads Zendesk's snippet itself. */
    final boolean pageHasSnippet() {
        return snippet.seen();
    }

    /** Forgets everything held, as the container's buffer does on {@code resetBuffer()}. */
    final void clear() {
        heldLength = 0;
        candidate = false;
        partialAt = -1;
        matcher.reset();
        snippet.reset();
    }

    private void giveUpCandidate() throws IOException {
        candidate = false;
        if (partialAt >= 0) {
            release(partialAt);
            partialAt = 0;
        } else {
            release(heldLength);
        }
    }

    private void hold(int unit) {
        if (heldLength == held.length) {
            char[] bigger = new char[held.length * 2];
            System.arraycopy(held, 0, bigger, 0, heldLength);
            held = bigger;
        }
        held[heldLength++] = (char) unit;
    }

    /** Sends the first {@code count} held units on and keeps the rest. */
    private void release(int count) throws IOException {
        if (count <= 0) {
            return;
        }
        passHeld(held, 0, count);
        System.arraycopy(held, count, held, 0, heldLength - count);
        heldLength -= count;
        if (partialAt >= 0) {
            partialAt -= count;
        }
    }
}
