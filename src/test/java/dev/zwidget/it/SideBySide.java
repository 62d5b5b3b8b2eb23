package dev.zwidget.it;

import java.util.function.UnaryOperator;

/**
 * The same pages on a server with the filter and on one without it, the container being the
 * judge: a browser signed in as {@code alice} on the first, a plain one on the second.
 */
final class SideBySide implements AutoCloseable {

    final WidgetServer withFilter;
    final WidgetServer withoutFilter;
    final Browser signedIn;
    final Browser plain;

    private SideBySide(WidgetServer withFilter, WidgetServer withoutFilter) throws Exception {
        this.withFilter = withFilter;
        this.withoutFilter = withoutFilter;
        this.signedIn = new Browser(withFilter);
        signedIn.get("/login?user=alice");
        this.plain = new Browser(withoutFilter);
    }

    /** Starts both servers with the pages {@code pages} adds. */
    static SideBySide start(UnaryOperator<WidgetServer> pages) throws Exception {
        return new SideBySide(pages.apply(new WidgetServer()).start(),
                pages.apply(new WidgetServer().withoutFilter()).start());
    }

    @Override
    public void close() throws Exception {
        withFilter.close();
        withoutFilter.close();
    }
}
