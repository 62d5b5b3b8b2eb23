package dev.zwidget.internal.html;

import java.io.IOException;

/**
 * Passes a document through while it is written and splices a block in front of its last
 * {@code </body>}, without buffering the page.
 *
 * <p>A chunk is searched for the letters that end {@code </body} or begin {@code ze-snippet}
 * ({@link #nextMark}), which are rare in a page, instead of stopping at every {@code <}: a page
 * has a tag every few dozen characters, and a stop per tag made the filter cost as much as the
 * container. Where a {@code y} closes {@code </bod}, units are held from its {@code <} until
 * they turn out not to end the body. After a complete {@code </body>} everything is held,
 * because a later {@code </body>} (the first one may sit in a script string) would move the
 * insertion point; when one comes, what stood before it is released. So only the tail after
 * the last candidate is ever held, and never more than {@link #MAX_TAIL} units: past that the
 * candidate is given up and the page is left without the widget rather than buffered. The last
 * units of a chunk that may begin {@code </body} are held too, for the tag split between two
 * writes.
 *
 * <p>Subclasses supply the unit type (bytes, chars or a String's chars) and the sink. What
 * passes goes on in the runs the page wrote, so the container sees the writes it would see
 * without the filter. Held units are kept as chars, which holds a byte (0–255) as well. Not
 * thread-safe: one per response.
 */
abstract class BodyEndSplice implements SnippetDetector.UnitSource, BlockSink {

    /** The most that is held back after a {@code </body>}, in units. */
    static final int MAX_TAIL = 64 * 1024;

    /** Units of {@code </bod} before the {@code y} that {@link #nextMark} stops at. */
    static final int BEFORE_Y = 5;

    private final EndTagMatcher matcher = new EndTagMatcher();
    private final SnippetDetector snippet = new SnippetDetector();
    private char[] held = new char[32];
    private int heldLength;
    /** Whether {@code held} starts with a complete {@code </body>}. */
    private boolean candidate;
    /** Where the candidate in progress starts in {@code held}, or -1. */
    private int partialAt = -1;
    /** Where the chunk being processed starts. */
    private int chunkFrom;
    /** Units the page wrote since the start or the last {@link #clear()}. */
    private long written;
    /** Units of the block written by {@link #finish}. */
    private int inserted;
    /** The document was ended: later writes are not gathered, they go on (or fail) as written. */
    private boolean finished;

    /** Returns unit {@code index} of the chunk being written. */
    @Override
    public abstract int unitAt(int index);

    /** Returns the index of the first {@code unit} in {@code [from, to)} of the chunk, or {@code to}. */
    @Override
    public abstract int indexOf(int unit, int from, int to);

    /**
     * Returns the index of the first {@code z}, or {@code y}/{@code Y} that may end a
     * {@code </body} lying wholly in {@code [from, to)} of the chunk, or {@code to}. It may stop
     * at a few other units where that is cheaper: the caller checks the unit it gets.
     */
    protected abstract int nextMark(int from, int to);

    /** Copies units {@code [from, to)} of the chunk into {@code target} at {@code at}. */
    protected abstract void copy(int from, int to, char[] target, int at);

    /** Sends units {@code [from, to)} of the chunk being written on, unchanged. */
    protected abstract void passChunk(int from, int to) throws IOException;

    /** Sends held units on, unchanged. */
    protected abstract void passHeld(char[] units, int offset, int length) throws IOException;

    /** Sends a piece of the inserted block (pure ASCII) on. */
    protected abstract void passInsert(String markup) throws IOException;

    /** Sends a constant piece of the inserted block on. */
    protected abstract void passInsert(AsciiText markup) throws IOException;

    /** Searches and passes on the small writes gathered so far, if the subclass gathers them. */
    protected void sendGathered() throws IOException {
    }

    /** Drops the small writes gathered so far, with the rest of the buffered page. */
    protected void dropGathered() {
    }

    @Override
    public final void write(String ascii) throws IOException {
        inserted += ascii.length();
        passInsert(ascii);
    }

    @Override
    public final void write(AsciiText constant) throws IOException {
        inserted += constant.text().length();
        passInsert(constant);
    }

    /** Processes units {@code [from, to)} of the chunk being written. */
    final void process(int from, int to) throws IOException {
        snippet.chunkStarts(this, from, to);
        chunkFrom = from;
        written += to - from;
        int run = from;
        // No "</body" starts before floor: the matcher has seen those units.
        int floor = from;
        int i = from;
        while (i < to) {
            if (partialAt >= 0) {
                i = holdWhileUndecided(i, to);
                run = i;
                floor = i;
                continue;
            }
            int mark = nextMark(i, to);
            if (mark >= to) {
                break;
            }
            int start = mark - BEFORE_Y;
            if (unitAt(mark) == 'z') {
                snippet.atZ(this, mark, from, to);
            } else if (start >= floor && unitAt(start) == '<'
                    && EndTagMatcher.mismatchAfterOpen(this, start, mark + 1) < 0) {
                emit(run, start);
                i = holdWhileUndecided(start, to);
                run = i;
                floor = i;
                continue;
            }
            i = mark + 1;
        }
        if (partialAt < 0) {
            run = holdPossibleStart(run, Math.max(floor, to - BEFORE_Y), to);
        }
        emit(run, to);
        snippet.chunkEnds(this, from, to);
    }

    /** Holds the last units of a chunk when they may begin {@code </body}; returns the new run start. */
    private int holdPossibleStart(int run, int from, int to) throws IOException {
        for (int k = from; k < to; k++) {
            if (unitAt(k) == '<' && EndTagMatcher.mismatchAfterOpen(this, k, to) < 0) {
                emit(run, k);
                holdWhileUndecided(k, to);
                return to;
            }
        }
        return run;
    }

    /** Units {@code [from, to)} go on, or are held behind a candidate. */
    private void emit(int from, int to) throws IOException {
        if (to <= from) {
            return;
        }
        if (!candidate) {
            passChunk(from, to);
            return;
        }
        int length = to - from;
        ensureRoom(length);
        copy(from, to, held, heldLength);
        heldLength += length;
        if (heldLength > MAX_TAIL) {
            giveUpCandidate();
        }
    }

    /** Feeds units to the matcher, holding them, until it is idle again; returns where it stopped. */
    private int holdWhileUndecided(int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            int unit = unitAt(i);
            hold(unit);
            if (unit == 'z') {
                // Not seen by the scan: the snippet's id may sit in this very tag.
                snippet.atZ(this, i, chunkFrom, to);
            }
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
            if (partialAt < 0) {
                return i + 1;
            }
        }
        return to;
    }

    /**
     * Ends the document: the block of {@code injection} (when not null) goes before the last
     * {@code </body>}, then everything held follows. Returns whether a block was inserted.
     */
    final boolean finish(Injection injection) throws IOException {
        sendGathered();
        finished = true;
        inserted = 0;
        if (candidate && injection != null) {
            injection.writeMarkup(snippet.seen(), this);
        }
        release(heldLength);
        matcher.reset();
        candidate = false;
        partialAt = -1;
        return inserted > 0;
    }

    /** Whether the document written so far loads Zendesk's snippet itself. */
    final boolean pageHasSnippet() {
        return snippet.seen();
    }

    /** Whether {@link #finish} ended the document since the start or the last {@link #clear()}. */
    final boolean finished() {
        return finished;
    }

    /** Units the page wrote since the start or the last {@link #clear()}, once gathered ones are sent. */
    final long written() {
        return written;
    }

    /** Forgets everything held, as the container's buffer does on {@code resetBuffer()}. */
    final void clear() {
        dropGathered();
        finished = false;
        written = 0;
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
        ensureRoom(1);
        held[heldLength++] = (char) unit;
    }

    private void ensureRoom(int more) {
        if (heldLength + more > held.length) {
            char[] bigger = new char[Math.max(held.length * 2, heldLength + more)];
            System.arraycopy(held, 0, bigger, 0, heldLength);
            held = bigger;
        }
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
