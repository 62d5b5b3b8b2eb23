package dev.zwidget.it;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A whole page request through embedded Jetty (LocalConnector): the same 50 KB JSP-like page
 * without the filter (the baseline), with it for an anonymous visitor, and with it for a signed-in
 * visitor (session lookup, token minted and signed, splice, headers). Compare within one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PageRequestBenchmark {

    private WidgetServer plain;
    private WidgetServer filtered;
    private Browser plainVisitor;
    private Browser anonymous;
    private Browser signedIn;

    private static WidgetServer withPage(WidgetServer server) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><title>t</title></head><body>");
        while (page.length() < 50_000) {
            page.append("<div class=\"row\"><span>item</span><a href=\"/x?id=1\">link</a></div>\n");
        }
        page.append("</body></html>\n");
        String html = page.toString();
        return server.page("/page", (req, res) -> {
            res.setContentType("text/html;charset=UTF-8");
            res.getWriter().write(html);
        });
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
        plain = withPage(new WidgetServer().withoutFilter()).start();
        filtered = withPage(new WidgetServer()).start();
        plainVisitor = new Browser(plain);
        plainVisitor.get("/login?user=alice");
        anonymous = new Browser(filtered);
        signedIn = new Browser(filtered);
        signedIn.get("/login?user=alice");
        signedIn.get("/page");
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        plain.close();
        filtered.close();
    }

    @Benchmark
    public int withoutFilter() throws Exception {
        return plainVisitor.get("/page").getContentBytes().length;
    }

    @Benchmark
    public int filterAnonymous() throws Exception {
        return anonymous.get("/page").getContentBytes().length;
    }

    @Benchmark
    public int filterSignedIn() throws Exception {
        return signedIn.get("/page").getContentBytes().length;
    }
}
