package dev.zwidget.internal.html;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * The {@code PrintWriter} a page gets from {@code getWriter()}: prints through the splice, and
 * otherwise behaves as the container's own writer does where a plain {@code PrintWriter} would
 * not.
 */
final class PagePrintWriter extends PrintWriter {

    private final PrintWriter container;
    /** The locale the container's writer formats with, or {@code null} for the JVM default. */
    private final Locale formatLocale;

    PagePrintWriter(Writer splicing, PrintWriter container, Locale responseLocale) {
        super(splicing, false);
        this.container = container;
        // Jetty's writer formats printf/format with the response locale it was created with;
        // a container that keeps PrintWriter's own uses the JVM default, and so do we then.
        this.formatLocale = ContainerPrint.formatsWithResponseLocale(container) ? responseLocale : null;
    }

    @Override
    public PrintWriter format(String format, Object... args) {
        return formatLocale == null ? super.format(format, args) : super.format(formatLocale, format, args);
    }

    @Override
    public PrintWriter printf(String format, Object... args) {
        return format(format, args);
    }

    /**
     * A PrintWriter asks the writer below for errors only when that is a PrintWriter too:
     * without this, a page could not notice that the client went away.
     */
    @Override
    public boolean checkError() {
        return super.checkError() || container.checkError();
    }
}
