package dev.zwidget.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generated page: segments, then its real end tag (or none) and what follows it. Decoys only
 * stand before a real end tag: the filter places the block before the last {@code </body>}, and a
 * page that has one only inside a script or comment is a limit the README states.
 */
final class PageParts {

    final List<String> segments;
    final String endTag;
    final String after;

    PageParts(List<String> body, String endTag, String after) {
        List<String> kept = new ArrayList<>();
        for (String segment : body) {
            if (!endTag.isEmpty() || !segment.toLowerCase(Locale.ROOT).contains("</body")) {
                kept.add(segment);
            }
        }
        this.segments = kept;
        this.endTag = endTag;
        this.after = after;
    }

    /** All segments in order, the prolog first and the end of the page last. */
    List<String> all() {
        List<String> all = new ArrayList<>();
        all.add("<!DOCTYPE html>\n<html><head><title>t</title></head><body>");
        all.addAll(segments);
        all.add(endTag + after);
        return all;
    }

    @Override
    public String toString() {
        return "PageParts" + segments + " + " + endTag.replace("\n", "\\n") + " + " + after.replace("\n", "\\n");
    }
}
