package dev.zwidget.internal.html;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/**
 * Wraps the response of a request that may receive the widget. Nothing is decided until the
 * page writes its first byte (or flushes): by then status and headers are final, and Jetty 12's
 * DefaultServlet, which sets the content type to null before the real one, has set the real one.
 *
 * <p>Until then a Content-Length from the application is withheld, because Jetty and Tomcat both
 * end a response once that many bytes are written, which would cut the inserted block off. It is
 * given to the container untouched when the page is not spliced, and dropped when it is: both
 * containers compute the exact length themselves when the whole page is still in their buffer
 * at the end, and a page larger than the buffer was committed without a length anyway. Setting
 * a corrected length ourselves would turn an application's wrong length into a 500.
 */
public final class WidgetResponse extends HttpServletResponseWrapper {

    /** Response header that says whether and why not the widget went in ({@code debugHeader}). */
    public static final String DEBUG_HEADER = "X-Zendesk-Widget";

    private final PagePlanner planner;
    private final BooleanSupplier placedByView;
    private final boolean debugHeader;
    private final HeaderGate headers = new HeaderGate();

    private boolean decided;
    private Injection injection;
    private boolean abandoned;
    private boolean finished;
    private SplicingOutputStream stream;
    private SplicingWriter writer;
    private PrintWriter printWriter;
    /** The splice the page writes through: the stream's or the writer's. */
    private BodyEndSplice active;

    /**
     * @param placedByView says whether a JSP tag or Thymeleaf element already rendered the
     *     widget on this request, in which case the filter must not insert a second copy
     */
    public WidgetResponse(HttpServletResponse response, PagePlanner planner,
            BooleanSupplier placedByView, boolean debugHeader) {
        super(response);
        this.planner = planner;
        this.placedByView = placedByView;
        this.debugHeader = debugHeader;
    }

    /** Whether the page's fate was decided (its first byte was written, or it was flushed). */
    public boolean isDecided() {
        return decided;
    }

    /** What the page gets, once decided: {@code null} when it passes through untouched. */
    public Injection injection() {
        return isSplicing() ? injection : null;
    }

    boolean isSplicing() {
        return decided && injection != null && !abandoned;
    }

    void decideIfUndecided(boolean bytePath) {
        if (!decided) {
            decide(bytePath, false);
        }
    }

    void decide(boolean bytePath, boolean wideByteOrderMark) {
        decided = true;
        String why = Eligibility.whyNotResponse(getStatus(), getContentType(),
                getHeader("Content-Encoding"), getHeader("Content-Disposition"));
        if (why == null && bytePath && !PageCharset.isAsciiCompatible(getCharacterEncoding())) {
            why = "charset " + getCharacterEncoding();
        }
        if (why == null && bytePath && wideByteOrderMark) {
            why = "UTF-16/32 byte order mark";
        }
        // A view that already printed the widget has used the plan: its headers must follow.
        boolean viewUsedPlan = placedByView.getAsBoolean();
        Injection planned = why == null || viewUsedPlan ? planner.plan(this) : Injection.nothing(why);
        if (planned.carriesToken() && isCommitted()) {
            // Something wrote past this wrapper: the no-store headers could no longer be sent.
            planned = Injection.nothing("committed before the first byte");
        }
        // Only HTML pages carry it: everything else passes through with its headers untouched.
        if (debugHeader && Eligibility.isHtml(getContentType())) {
            super.setHeader(DEBUG_HEADER, planned.label());
        }
        if (planned.isNothing()) {
            releaseDeclaredLength();
            return;
        }
        injection = planned;
        if (planned.carriesToken()) {
            headers.lockForToken((HttpServletResponse) getResponse());
        }
    }

    /**
     * Ends the document: inserts the block before the last {@code </body>} and sends what was
     * held. Called when the filter chain returns, and when the page closes its stream or writer
     * (a forward closes it before the chain returns). Later calls do nothing.
     */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (!decided) {
            decided = true;
            releaseDeclaredLength();
            return;
        }
        if (!isSplicing() || active == null) {
            return;
        }
        String markup = null;
        if (active.hasCandidate() && !placedByView.getAsBoolean()) {
            markup = injection.markup(active.pageHasSnippet());
        }
        active.finish(markup);
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
            if (isSplicing() && active != null) {
                active.finish(null);
                if (isCommitted()) {
                    // Sent now: the container aborts a committed response after the exception, and
                    // it would have had these bytes already had the page not been held for us.
                    getResponse().flushBuffer();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or the container refuses more output: nothing else to save.
        }
    }

    /** Called by a sink before it writes through its splice. */
    void activate(BodyEndSplice splice) {
        if (active != splice) {
            if (active != null) {
                active.clear();
            }
            active = splice;
        }
    }

    /** Stops splicing and sends what is held as it is (asynchronous output). */
    void abandonSplicing() {
        try {
            if (active != null && isSplicing()) {
                active.finish(null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not write the held end of the page", e);
        }
        abandoned = true;
        if (!isCommitted()) {
            releaseDeclaredLength();
        }
    }

    private void releaseDeclaredLength() {
        headers.releaseLength((HttpServletResponse) getResponse());
    }

    /** Once decided against splicing, every header goes straight to the container. */
    private boolean passingThrough() {
        return decided && !isSplicing();
    }

    @Override
    public void setContentLength(int len) {
        if (!headers.holdsLength(len, passingThrough())) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!headers.holdsLength(len, passingThrough())) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!headers.holds(name, value, passingThrough())) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!headers.holds(name, value, passingThrough())) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!headers.holds(name, Integer.toString(value), passingThrough())) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!headers.holds(name, Integer.toString(value), passingThrough())) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (!headers.holdsDate(name)) {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (!headers.holdsDate(name)) {
            super.addDateHeader(name, date);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        ServletOutputStream out = super.getOutputStream();
        if (stream == null) {
            stream = new SplicingOutputStream(this, out);
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        PrintWriter container = super.getWriter();
        if (printWriter == null) {
            writer = new SplicingWriter(this, container);
            printWriter = new PagePrintWriter(writer, container, getLocale());
        }
        return printWriter;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!decided) {
            decide(writer == null, false);
        }
        if (printWriter != null) {
            printWriter.flush();
        }
        super.flushBuffer();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        clearSplice();
    }

    /**
     * Headers and status are gone: decide afresh. The stream and writer objects stay valid,
     * as they do in Jetty and Tomcat, since a page may keep using the one it already holds.
     */
    @Override
    public void reset() {
        super.reset();
        clearSplice();
        decided = false;
        injection = null;
        abandoned = false;
        finished = false;
        headers.reset();
    }

    /**
     * A forward is about to run: the container empties its buffer (Jetty's resetForForward, below
     * any wrapper), so what this wrapper holds of the page written so far must go too.
     */
    void resetForForward() {
        clearSplice();
    }

    private void clearSplice() {
        if (active != null) {
            active.clear();
            active = null;
        }
    }

    // The container may refuse (IllegalStateException once committed): then the page goes on,
    // and what is held is still part of it, so it is dropped only once the call was accepted.
    @Override
    public void sendError(int sc, String msg) throws IOException {
        super.sendError(sc, msg);
        passThroughFromNowOn();
    }

    @Override
    public void sendError(int sc) throws IOException {
        super.sendError(sc);
        passThroughFromNowOn();
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        super.sendRedirect(location);
        passThroughFromNowOn();
    }

    /** The container writes the error page or redirect itself: nothing of ours may follow. */
    private void passThroughFromNowOn() {
        clearSplice();
        decided = true;
        injection = null;
        headers.unlockTokenHeaders();
    }
}
