package dev.zwidget.internal.html;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The AsyncContext an application gets from a {@link WidgetRequest}. The end of the page must be
 * written before the container completes the response (an {@code onComplete} listener is too
 * late), so {@link #complete()} finishes the page first; a dispatch hands the page to the
 * dispatched servlet ({@link WidgetResponse#dispatchStarting()}).
 *
 * <p>The application's listeners are kept here and called from one listener of ours, with
 * events that name this context, so that a timeout listener's {@code complete()} also finishes
 * the page. When a timeout or error leaves the cycle neither completed nor dispatched, what is
 * held is written, so that the client gets every byte the page wrote. The servlet spec lets only
 * one thread use the response at a time, with {@code start}/{@code complete} ordering them.
 */
final class SplicingAsyncContext implements AsyncContext {

    private static final Logger LOGGER = Logger.getLogger("dev.zwidget.ZendeskWidgetFilter");

    private final AsyncContext container;
    private final WidgetResponse page;
    /** Our wrappers when the cycle was started with the container's own objects, else null. */
    private final ServletRequest request;
    private final ServletResponse response;
    private final List<Registered> listeners = new ArrayList<>();
    private volatile boolean ended;

    private static final class Registered {
        final AsyncListener listener;
        final ServletRequest request;
        final ServletResponse response;

        Registered(AsyncListener listener, ServletRequest request, ServletResponse response) {
            this.listener = listener;
            this.request = request;
            this.response = response;
        }
    }

    SplicingAsyncContext(AsyncContext container, WidgetResponse page, ServletRequest request,
            ServletResponse response) {
        this.container = container;
        this.page = page;
        this.request = request;
        this.response = response;
        container.addListener(new Relay());
    }

    boolean wraps(AsyncContext context) {
        return container == context;
    }

    @Override
    public ServletRequest getRequest() {
        return request != null ? request : container.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
        return response != null ? response : container.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return container.hasOriginalRequestAndResponse();
    }

    @Override
    public void dispatch() {
        page.dispatchStarting();
        ended = true;
        container.dispatch();
    }

    @Override
    public void dispatch(String path) {
        page.dispatchStarting();
        ended = true;
        container.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        page.dispatchStarting();
        ended = true;
        container.dispatch(context, path);
    }

    @Override
    public void complete() {
        ended = true;
        try {
            page.finish();
        } catch (IOException | RuntimeException e) {
            // The client went away, most likely: the container's complete() still has to run.
            LOGGER.log(Level.FINE, "Zendesk widget: could not write the end of an async page", e);
        }
        container.complete();
    }

    @Override
    public void start(Runnable run) {
        container.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
        listeners.add(new Registered(listener, null, null));
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest servletRequest,
            ServletResponse servletResponse) {
        listeners.add(new Registered(listener, servletRequest, servletResponse));
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
        return container.createListener(clazz);
    }

    @Override
    public void setTimeout(long timeout) {
        container.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
        return container.getTimeout();
    }

    private AsyncEvent retarget(AsyncEvent event, Registered to) {
        ServletRequest req = to.request != null ? to.request
                : request != null ? request : event.getSuppliedRequest();
        ServletResponse res = to.response != null ? to.response
                : response != null ? response : event.getSuppliedResponse();
        return new AsyncEvent(this, req, res, event.getThrowable());
    }

    /** Our one listener on the container's context: relays to the application's, in order. */
    private final class Relay implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) throws IOException {
            for (Registered each : new ArrayList<>(listeners)) {
                each.listener.onComplete(retarget(event, each));
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            try {
                for (Registered each : new ArrayList<>(listeners)) {
                    each.listener.onTimeout(retarget(event, each));
                }
            } finally {
                sendHeldIfLeft();
            }
        }

        @Override
        public void onError(AsyncEvent event) throws IOException {
            try {
                for (Registered each : new ArrayList<>(listeners)) {
                    each.listener.onError(retarget(event, each));
                }
            } finally {
                sendHeldIfLeft();
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) throws IOException {
            // A new cycle: the container forgets this cycle's listeners, so do we.
            List<Registered> old = new ArrayList<>(listeners);
            listeners.clear();
            for (Registered each : old) {
                each.listener.onStartAsync(event);
            }
        }

        /** Nobody completed or dispatched: the container ends the response, with every byte. */
        private void sendHeldIfLeft() {
            if (ended) {
                return;
            }
            try {
                page.abandonSplicing();
            } catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "Zendesk widget: could not write the end of an async page", e);
            }
        }
    }
}
