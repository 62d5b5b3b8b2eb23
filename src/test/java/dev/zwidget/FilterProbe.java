package dev.zwidget;

import dev.zwidget.internal.web.WidgetRuntime;

/** Lets tests outside this package read what a running filter instance has done. */
public final class FilterProbe {

    private FilterProbe() {
    }

    /** The filter's runtime, or {@code null} when it passes everything through. */
    public static WidgetRuntime runtime(ZendeskWidgetFilter filter) {
        return filter.runtime();
    }
}
