package dev.zwidget.internal.html;

import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The stream and the writer a page writes through, made once per response, and which of their
 * splices holds the end of the page. The objects stay the same across {@code reset()}, as they
 * do in Jetty and Tomcat, since a page may keep using the one it already holds.
 */
final class PageSinks {

    private final WidgetResponse owner;
    private SplicingOutputStream stream;
    private SplicingWriter writer;
    private PrintWriter printWriter;
    /** The splice the page writes through: the stream's or the writer's. */
    private BodyEndSplice active;

    PageSinks(WidgetResponse owner) {
        this.owner = owner;
    }

    ServletOutputStream stream(ServletOutputStream container) {
        if (stream == null) {
            stream = new SplicingOutputStream(owner, container);
        }
        return stream;
    }

    PrintWriter writer(PrintWriter container) {
        if (printWriter == null) {
            writer = new SplicingWriter(owner, container);
            printWriter = new PagePrintWriter(writer, container, owner.getLocale());
        }
        return printWriter;
    }

    /** Whether the page writes bytes (or nothing yet) rather than chars. */
    boolean bytePath() {
        return writer == null;
    }

    void flushWriter() {
        if (printWriter != null) {
            printWriter.flush();
        }
    }

    /**
     * Sends the small writes the active splice gathered on to the container. Only a splicing
     * page gathers: once it stops, what it gathered has gone on and the splice is cleared.
     */
    void sendGathered() throws IOException {
        if (active != null) {
            active.sendGathered();
        }
    }

    /** The splice holding the end of the page, or null. */
    BodyEndSplice active() {
        return active;
    }

    void activate(BodyEndSplice splice) throws IOException {
        if (active != splice) {
            if (active != null) {
                // What the other one gathered was written before this write: it goes first.
                active.sendGathered();
                active.clear();
            }
            active = splice;
        }
    }

    /** Forgets what is held, as the container's buffer is emptied. */
    void clear() {
        if (active != null) {
            active.clear();
            active = null;
        }
    }
}
