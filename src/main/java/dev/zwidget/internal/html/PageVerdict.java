package dev.zwidget.internal.html;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What a page gets, decided from the response when its first byte is written: status and
 * headers are final by then. Asks {@link Eligibility} first, then the planner (which may set
 * the marker cookie on the response), and names the outcome in the debug header.
 */
final class PageVerdict {

    private PageVerdict() {
    }

    /**
     * @param viewUsedPlan a view already printed the widget: its headers must follow
     * @param bytePath whether the page writes bytes, whose charset then matters
     * @param wideByteOrderMark whether those bytes start with a UTF-16/32 byte order mark
     */
    static Injection of(HttpServletResponse page, PagePlanner planner, boolean viewUsedPlan,
            boolean bytePath, boolean wideByteOrderMark, boolean debugHeader) {
        String why = Eligibility.whyNotResponse(page.getStatus(), page.getContentType(),
                page.getHeader("Content-Encoding"), page.getHeader("Content-Disposition"));
        if (why == null && bytePath && !PageCharset.isAsciiCompatible(page.getCharacterEncoding())) {
            why = "charset " + page.getCharacterEncoding();
        }
        if (why == null && bytePath && wideByteOrderMark) {
            why = "UTF-16/32 byte order mark";
        }
        Injection planned = why == null || viewUsedPlan ? planner.plan(page) : Injection.nothing(why);
        if (planned.carriesToken() && page.isCommitted()) {
            // Something wrote past this wrapper: the no-store headers could no longer be sent.
            planned = Injection.nothing("committed before the first byte");
        }
        planner.decided(planned);
        // Only HTML pages carry it: everything else passes through with its headers untouched.
        if (debugHeader && Eligibility.isHtml(page.getContentType())) {
            page.setHeader(WidgetResponse.DEBUG_HEADER, planned.label());
        }
        return planned;
    }
}
