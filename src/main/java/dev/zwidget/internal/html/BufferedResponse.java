package dev.zwidget.internal.html;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The container's response buffer as a page sees it through {@link WidgetResponse}. The page
 * writes through the splicing stream and writer; what their splice gathered or holds is content
 * the container's buffer would hold without the filter, so it goes on before any call that shows
 * or changes that buffer, and is dropped with it. The page reads the buffer size the container
 * chose even when the filter enlarged it ({@link PageBuffer}).
 */
abstract class BufferedResponse extends GatedResponse {

    final PageBuffer buffer;

    BufferedResponse(HttpServletResponse response, LargePages largePages, String path) {
        super(response);
        this.buffer = new PageBuffer(largePages, path);
    }

    /** The page's stream and writer. */
    abstract PageSinks sinks();

    /** Whether the page's fate was decided (its first byte was written, or it was flushed). */
    public abstract boolean isDecided();

    /** Decides the page's fate now, if its first byte did not already. */
    abstract void decideIfUndecided(boolean bytePath);

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return sinks().stream(super.getOutputStream());
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return sinks().writer(super.getWriter());
    }

    @Override
    public void flushBuffer() throws IOException {
        decideIfUndecided(sinks().bytePath());
        sinks().flushWriter();
        sinks().sendGathered();
        super.flushBuffer();
    }

    /**
     * The small writes the splice gathered are content the container would hold already: they
     * go on before any call that shows or changes its buffer, so that a page sees the commit
     * (and a refused reset, buffer size or forward) where it would without the filter.
     */
    final void sendGatheredQuietly() {
        try {
            sinks().sendGathered();
        } catch (IOException e) {
            // The client is gone: the container answers with what it has, the next write fails.
        }
    }

    @Override
    public boolean isCommitted() {
        sendGatheredQuietly();
        return super.isCommitted();
    }

    @Override
    public int getBufferSize() {
        return buffer.visibleSize(container());
    }

    @Override
    public void setBufferSize(int size) {
        sendGatheredQuietly();
        super.setBufferSize(size);
        buffer.setByApplication();
    }

    @Override
    public void resetBuffer() {
        sendGatheredQuietly();
        super.resetBuffer();
        sinks().clear();
    }

    /** Headers and status are gone too; the stream and writer stay valid, as the container's do. */
    @Override
    public void reset() {
        sendGatheredQuietly();
        super.reset();
        sinks().clear();
    }

    /**
     * A forward empties the container's buffer (Jetty's resetForForward): ours goes too. Once
     * committed (the gathered writes count, see {@link #isCommitted()}) the container refuses
     * the forward and the page goes on, with every byte it wrote.
     */
    void resetForForward() {
        if (!isCommitted()) {
            sinks().clear();
        }
    }

    @Override
    void beforeContainerTakesOver() throws IOException {
        if (!isDecided()) {
            headers.releaseCaching(container());
        } else {
            sinks().sendGathered();
        }
    }
}
