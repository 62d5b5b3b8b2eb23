package dev.zwidget.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zwidget.internal.compat.Java8;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The in-place reading of an {@code Accept} header against lower-casing it and searching the
 * copy, on headers made of the needles' letters in both cases, their pieces, the characters
 * that lower-case to a letter (dotted capital I, the Kelvin sign) or to something longer, and
 * those that differ from {@code *} and {@code /} as upper case differs from lower.
 */
class AcceptsHtmlProperties {

    private static final String[] PIECES = {"html", "HTML", "hTmL", "htm", "tml", "text/", "TEXT/", "tExt/", "*",
        "/", "*/", "application/", "APPLICATION/", "appl\u0130cation/", "applIcation/", "applicatio", "json", ",",
        ";q=0.9", " ", "h", "H", "\u0130", "\u212a", "\u00df", "\u0131", "xhtml+xml", "text/*",
        // 32 below '*' and '/': an upper-case test without its lower bound would take them for those.
        "\n", "\u000f"};

    @Provide
    Arbitrary<String> headers() {
        return Arbitraries.of(PIECES).list().ofMaxSize(8).map(pieces -> String.join("", pieces));
    }

    @Property(tries = 5000)
    void readsTheHeaderAsItsLowerCasedCopyReads(@ForAll("headers") String accept) {
        assertEquals(lowerCasedReading(accept), Eligibility.acceptsHtml(accept), accept);
    }

    private static boolean lowerCasedReading(String accept) {
        if (Java8.isBlank(accept)) {
            return true;
        }
        String types = accept.toLowerCase(Locale.ROOT);
        return types.contains("html") || types.contains("*/*") || types.contains("text/*")
                || types.contains("application/*");
    }
}
