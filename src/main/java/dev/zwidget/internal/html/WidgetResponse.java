package dev.zwidget.internal.html;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Wraps the response of a request that may receive the widget. Nothing is decided until the
 * page writes its first byte (or flushes): by then status and headers are final, and Jetty 12's
 * DefaultServlet, which sets the content type to null before the real one, has set the real one.
 *
 * <p>Until then a Content-Length and the caching headers are held ({@link GatedResponse}). A
 * length is dropped on a spliced page: both containers compute the exact one when the page
 * still fits their buffer at the end (a corrected length of ours would turn an application's
 * wrong one into a 500), and a larger page was committed without one anyway.
 */
public final class WidgetResponse extends BufferedResponse {

    /** Response header that says whether and why not the widget went in ({@code debugHeader}). */
    public static final String DEBUG_HEADER = "X-Zendesk-Widget";

    private final PagePlanner planner;
    private final boolean debugHeader;

    private boolean decided;
    private Injection injection;
    private boolean abandoned;
    private boolean finished;
    /**
     * A HEAD response: decided as a GET's even when nothing is written (Jetty's DefaultServlet
     * writes no body for HEAD), it then announces no length where GET's differs.
     */
    private final boolean head;
    /** An async dispatch was started and the filter has not (yet) seen it. */
    private boolean dispatchUnclaimed;
    private final PageSinks sinks = new PageSinks(this);

    /** @param path the page's path in its context, for {@link LargePages} */
    public WidgetResponse(HttpServletResponse response, PagePlanner planner, boolean head, boolean debugHeader,
            LargePages largePages, String path) {
        super(response, largePages, path);
        this.planner = planner;
        this.head = head;
        this.debugHeader = debugHeader;
    }

    /** Who decides what the page gets. */
    public PagePlanner planner() {
        return planner;
    }

    @Override
    public boolean isDecided() {
        return decided;
    }

    /** What the page gets, once decided: {@code null} when it passes through untouched. */
    public Injection injection() {
        return isSplicing() ? injection : null;
    }

    /** Decided to pass untouched: nothing held, nothing to add, whether the page ends now or later. */
    boolean passesUntouched() {
        return decided && injection == null;
    }

    boolean isSplicing() {
        return decided && injection != null && !abandoned;
    }

    @Override
    void decideIfUndecided(boolean bytePath) {
        if (!decided) {
            decide(bytePath, false);
        }
    }

    void decide(boolean bytePath, boolean wideByteOrderMark) {
        if (dispatchUnclaimed) {
            passUntouched();
            return;
        }
        decided = true;
        Injection planned = PageVerdict.of(this, planner, planner.placedByView(), bytePath,
                wideByteOrderMark, debugHeader);
        if (planned.isNothing()) {
            passUntouched();
            return;
        }
        injection = planned;
        buffer.enlarge(container());
        if (planned.carriesToken()) {
            headers.lockForToken(container());
        } else {
            headers.releaseCaching(container());
        }
    }

    /**
     * Ends the document: inserts the block before the last {@code </body>} and sends what was
     * held. Called when the filter chain returns, when the page closes its stream or writer (a
     * forward closes it first), and when an async page completes. Later calls do nothing.
     */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (!decided) {
            if (head && !dispatchUnclaimed) {
                decide(sinks.bytePath(), false);
                if (isSplicing() && !isCommitted()) {
                    // Jetty counts the bytes written to a HEAD response into its Content-Length,
                    // none here: committed now, it announces no length instead of a wrong one.
                    super.flushBuffer();
                }
            } else {
                passUntouched();
            }
            return;
        }
        BodyEndSplice active = sinks.active();
        if (!isSplicing() || active == null) {
            return;
        }
        // Without a </body> the splice inserts nothing and only sends what it holds.
        Injection block = planner.placedByView() ? null : injection;
        if (active.finish(block)) {
            planner.inserted();
        }
        buffer.pageEnded(active.written());
    }

    /**
     * The page failed with an exception: what is held goes to the container as it is, without
     * the block, so that the client gets every byte it would get without the filter (the
     * container truncates or replaces the response either way). Never throws: the page's own
     * exception is the one that must reach the container.
     */
    public void finishAfterFailure() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (isSplicing() && sinks.active() != null) {
                BodyEndSplice active = sinks.active();
                active.finish(null);
                if (isCommitted() || buffer.wouldHaveCommitted(active.written())) {
                    // Sent now: without the filter these bytes would have left already (the
                    // container's own buffer was full, or it flushed), and the container aborts a
                    // committed response after the exception instead of sending an error page.
                    getResponse().flushBuffer();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or the container refuses more output: nothing else to save.
        }
    }

    void activate(BodyEndSplice splice) throws IOException {
        sinks.activate(splice);
    }

    /** Stops splicing and sends what is held (non-blocking output, async timeouts, errors…). */
    void abandonSplicing() {
        if (!decided) {
            passUntouched();
            abandoned = true;
            return;
        }
        try {
            if (sinks.active() != null && isSplicing()) {
                sinks.active().finish(null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not write the held end of the page", e);
        }
        abandoned = true;
        if (!isCommitted()) {
            headers.releaseLength(container());
        }
    }

    /** The page passes through untouched: what was held goes to the container as made. */
    private void passUntouched() {
        decided = true;
        injection = null;
        dispatchUnclaimed = false;
        headers.releaseCaching(container());
        headers.releaseLength(container());
    }

    @Override
    boolean undecided() {
        if (dispatchUnclaimed) {
            // Used by an async dispatch the filter does not see: nobody would finish the page.
            passUntouched();
        }
        return !decided;
    }

    /** Once decided against splicing, every header goes straight to the container. */
    @Override
    boolean passingThrough() {
        return decided && !isSplicing();
    }

    @Override
    PageSinks sinks() {
        return sinks;
    }

    /** Headers and status are gone: decide afresh (the stream and writer stay valid). */
    @Override
    public void reset() {
        super.reset();
        decided = false;
        injection = null;
        abandoned = false;
        finished = false;
        headers.reset();
    }

    /**
     * An async dispatch is about to run. A page with bytes out is left as it is; otherwise it
     * waits for the filter to claim the dispatch (mapped for ASYNC) or passes through untouched.
     */
    void dispatchStarting() {
        if (decided) {
            abandonSplicing();
        } else {
            dispatchUnclaimed = true;
        }
    }

    /** The filter sees the async dispatch and will finish the page when its chain returns. */
    void claimDispatch() {
        dispatchUnclaimed = false;
    }

    @Override
    void passThroughFromNowOn() {
        sinks.clear();
        decided = true;
        injection = null;
        headers.unlockTokenHeaders();
    }
}
