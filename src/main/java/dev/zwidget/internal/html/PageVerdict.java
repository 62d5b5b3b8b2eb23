package dev.zwidget.internal.html;

import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a page gets, decided from the response when its first byte is written: status and
 * headers are final by then. Asks {@link Eligibility} first, then the planner (which may set
 * the marker cookie on the response), and names the outcome in the debug header.
 */
final class PageVerdict {

    /**
     * The verdicts on responses that are no HTML page or no 200, by status or content type: most
     * responses are such (images, scripts, JSON, 304s), and building the same reason for each
     * was a good part of what the filter cost them. Bounded: when content types that change per
     * response (a boundary parameter) fill it, it starts afresh, so the usual ones come back.
     */
    private static final ConcurrentHashMap<Object, Injection> REFUSALS = new ConcurrentHashMap<>();
    static final int MAX_REFUSALS = 256;
    /** The key of a response without a content type ("unset"), which is not one with an empty one. */
    private static final Object NO_CONTENT_TYPE = new Object();

    /**
     * The content type last refused on a 200, compared before the map: an application answers
     * most such requests with one content type, which the container may hand out as a new
     * String each time, and comparing that is cheaper than hashing it. Other statuses key the
     * map by a cached Integer and leave it alone. Not volatile: its fields are final, so a thread
     * sees a whole entry or an older one, and an older one only costs the map lookup.
     */
    private static Refusal last;

    private static final class Refusal {
        final String contentType;
        final Injection injection;

        Refusal(String contentType, Injection injection) {
            this.contentType = contentType;
            this.injection = injection;
        }
    }

    private PageVerdict() {
    }

    private static Injection refusal(int status, String contentType) {
        Refusal recent = last;
        if (status == 200 && recent != null && contentType != null
                && (recent.contentType == contentType || recent.contentType.equals(contentType))) {
            return recent.injection;
        }
        Object key = status != 200 ? Integer.valueOf(status) : contentType == null ? NO_CONTENT_TYPE : contentType;
        Injection refusal = REFUSALS.get(key);
        if (refusal == null) {
            refusal = Injection.nothing(Eligibility.whyNotResponse(status, contentType, null, null));
            if (REFUSALS.size() >= MAX_REFUSALS) {
                REFUSALS.clear();
            }
            REFUSALS.putIfAbsent(key, refusal);
        }
        if (status == 200 && contentType != null) {
            last = new Refusal(contentType, refusal);
        }
        return refusal;
    }

    /** Forgets every refusal, so that a test starts from none. */
    static void forget() {
        REFUSALS.clear();
        last = null;
    }

    /** How many refusals are remembered (for tests). */
    static int remembered() {
        return REFUSALS.size();
    }

    /**
     * @param viewUsedPlan a view already printed the widget: its headers must follow
     * @param bytePath whether the page writes bytes, whose charset then matters
     * @param wideByteOrderMark whether those bytes start with a UTF-16/32 byte order mark
     */
    static Injection of(HttpServletResponse page, PagePlanner planner, boolean viewUsedPlan,
            boolean bytePath, boolean wideByteOrderMark, boolean debugHeader) {
        int status = page.getStatus();
        String contentType = page.getContentType();
        Injection planned;
        if (status != 200 || !Eligibility.isHtml(contentType)) {
            planned = viewUsedPlan ? planner.plan(page) : refusal(status, contentType);
        } else {
            String why = Eligibility.whyNotResponse(status, contentType, page.getHeader("Content-Encoding"),
                    page.getHeader("Content-Disposition"));
            if (why == null && bytePath && !PageCharset.isAsciiCompatible(page.getCharacterEncoding())) {
                why = "charset " + page.getCharacterEncoding();
            }
            if (why == null && bytePath && wideByteOrderMark) {
                why = "UTF-16/32 byte order mark";
            }
            planned = why == null || viewUsedPlan ? planner.plan(page) : Injection.nothing(why);
        }
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
