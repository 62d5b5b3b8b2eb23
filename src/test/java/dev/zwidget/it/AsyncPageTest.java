package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages completed asynchronously: written on another thread, dispatched to a servlet that
 * renders them (as Spring MVC does for Callable and DeferredResult), finished by a timeout
 * listener, or written with non-blocking output. Each is compared with the same servlet on a
 * server without the filter.
 */
class AsyncPageTest {

    enum Mapping {
        REQUEST_ONLY(EnumSet.of(DispatcherType.REQUEST)),
        REQUEST_AND_ASYNC(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));

        final EnumSet<DispatcherType> types;

        Mapping(EnumSet<DispatcherType> types) {
            this.types = types;
        }
    }

    static final String PAGE = "<!DOCTYPE html><html><head><title>a</title></head><body><p>caf\u00e9 later</p>"
            + "<script>var s='</body>';</script></body>\n</html>\n";
    static final byte[] PAGE_BYTES = PAGE.getBytes(StandardCharsets.UTF_8);

    private static void write(HttpServletResponse res, boolean stream) throws IOException {
        res.setContentType("text/html;charset=UTF-8");
        if (stream) {
            res.getOutputStream().write(PAGE_BYTES, 0, 20);
            res.getOutputStream().write(PAGE_BYTES, 20, PAGE_BYTES.length - 20);
        } else {
            res.getWriter().write(PAGE.substring(0, 20));
            res.getWriter().write(PAGE.substring(20));
        }
    }

    private static void onAnotherThread(AsyncContext async, IoTask task) {
        new Thread(() -> {
            try {
                task.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            async.complete();
        }).start();
    }

    interface IoTask {
        void run() throws IOException;
    }

    static WidgetServer pages(WidgetServer server) {
        return server.asyncSupported()
                .page("/later", (req, res) -> {
                    boolean stream = req.getParameter("stream") != null;
                    AsyncContext async = req.startAsync();
                    onAnotherThread(async, () -> write((HttpServletResponse) async.getResponse(), stream));
                })
                .page("/later-own-wrapper", (req, res) -> {
                    HttpServletResponse own = new HttpServletResponseWrapper(res);
                    AsyncContext async = req.startAsync(req, own);
                    onAnotherThread(async, () -> write((HttpServletResponse) async.getResponse(), true));
                })
                .page("/deferred", (req, res) -> {
                    // As Spring MVC: start with the objects at hand, dispatch back, render there.
                    if (req.getDispatcherType() == DispatcherType.ASYNC) {
                        write(res, req.getParameter("stream") != null);
                        return;
                    }
                    AsyncContext async = req.getParameter("plain") != null ? req.startAsync()
                            : req.startAsync(req, res);
                    async.start(async::dispatch);
                })
                .page("/dispatch-to-view", (req, res) -> {
                    AsyncContext async = req.startAsync();
                    async.start(() -> async.dispatch("/view"));
                })
                .page("/view", (req, res) -> write(res, false))
                .page("/timeout", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(PAGE.substring(0, 30));
                    AsyncContext async = req.startAsync();
                    async.setTimeout(200);
                    async.addListener(new Listener() {
                        @Override
                        public void onTimeout(AsyncEvent event) throws IOException {
                            event.getAsyncContext().getResponse().getWriter().write(PAGE.substring(30));
                            event.getAsyncContext().complete();
                        }
                    });
                })
                .page("/timeout-unhandled", (req, res) -> {
                    write(res, false);
                    res.flushBuffer();
                    req.startAsync().setTimeout(100);
                })
                .page("/non-blocking", (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    AsyncContext async = req.startAsync();
                    ServletOutputStream out = res.getOutputStream();
                    out.setWriteListener(new WriteListener() {
                        private int written;

                        @Override
                        public void onWritePossible() throws IOException {
                            while (out.isReady()) {
                                if (written == PAGE_BYTES.length) {
                                    async.complete();
                                    return;
                                }
                                int n = Math.min(16, PAGE_BYTES.length - written);
                                out.write(PAGE_BYTES, written, n);
                                written += n;
                            }
                        }

                        @Override
                        public void onError(Throwable t) {
                            async.complete();
                        }
                    });
                })
                .page("/json", (req, res) -> {
                    AsyncContext async = req.startAsync();
                    onAnotherThread(async, () -> {
                        byte[] json = "{\"html\":\"</body>\"}".getBytes(StandardCharsets.UTF_8);
                        HttpServletResponse r = (HttpServletResponse) async.getResponse();
                        r.setContentType("application/json");
                        r.setContentLength(json.length);
                        r.setHeader("ETag", "\"j1\"");
                        r.getOutputStream().write(json);
                    });
                });
    }

    /** Listener methods a test does not care about. */
    abstract static class Listener implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    private static HttpTester.Response[] both(Mapping mapping, String path) throws Exception {
        try (WidgetServer filtered = pages(new WidgetServer().dispatches(mapping.types)).start();
                WidgetServer plain = pages(new WidgetServer().withoutFilter()).start()) {
            Browser withFilter = new Browser(filtered);
            Browser withoutFilter = new Browser(plain);
            withFilter.get("/login?user=alice");
            withoutFilter.get("/login?user=alice");
            return new HttpTester.Response[] {withoutFilter.get(path), withFilter.get(path)};
        }
    }

    private static void assertSplicedOnce(HttpTester.Response[] responses) {
        assertEquals(200, responses[1].getStatus());
        Spliced.assertLoginBlock(Spliced.insertedBlock(responses[0].getContentBytes(),
                responses[1].getContentBytes()), null);
    }

    private static void assertUntouched(HttpTester.Response[] responses) {
        assertEquals(responses[0].getStatus(), responses[1].getStatus());
        assertEquals(headersOf(responses[0]), headersOf(responses[1]));
        assertArrayEquals(responses[0].getContentBytes(), responses[1].getContentBytes());
        assertFalse(responses[1].getContent().contains("ze-snippet"));
    }

    private static List<String> headersOf(HttpTester.Response response) {
        List<String> headers = new ArrayList<>();
        for (HttpField field : response) {
            if (!field.getName().equalsIgnoreCase("Date")) {
                headers.add(field.getName() + ": " + field.getValue());
            }
        }
        return headers;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/later", "/later?stream", "/later-own-wrapper", "/timeout"})
    void aPageWrittenOnAnotherThreadGetsOneBlockWhenItCompletes(String path) throws Exception {
        assertSplicedOnce(both(Mapping.REQUEST_ONLY, path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/deferred", "/deferred?stream", "/deferred?plain", "/dispatch-to-view"})
    void aPageRenderedByAnAsyncDispatchGetsOneBlockWhenTheFilterSeesAsyncDispatches(String path)
            throws Exception {
        assertSplicedOnce(both(Mapping.REQUEST_AND_ASYNC, path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/deferred", "/deferred?stream", "/deferred?plain", "/dispatch-to-view"})
    void aPageRenderedByAnAsyncDispatchTheFilterDoesNotSeeIsLeftWhole(String path) throws Exception {
        assertUntouched(both(Mapping.REQUEST_ONLY, path));
    }

    @ParameterizedTest
    @EnumSource(Mapping.class)
    void nonBlockingOutputPassesThroughByteForByte(Mapping mapping) throws Exception {
        assertUntouched(both(mapping, "/non-blocking"));
    }

    @ParameterizedTest
    @EnumSource(Mapping.class)
    void aTimeoutNobodyHandlesStillSendsEveryByteThePageWrote(Mapping mapping) throws Exception {
        HttpTester.Response[] responses = both(mapping, "/timeout-unhandled");
        assertArrayEquals(responses[0].getContentBytes(), responses[1].getContentBytes());
        assertArrayEquals(PAGE_BYTES, responses[1].getContentBytes());
    }

    @ParameterizedTest
    @EnumSource(Mapping.class)
    void anAsyncJsonResponseIsUntouched(Mapping mapping) throws Exception {
        assertUntouched(both(mapping, "/json"));
    }
}
