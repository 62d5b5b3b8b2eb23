package dev.zwidget.it;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** The pieces generated pages are made of: ordinary markup and text, and {@code </body>} decoys. */
final class PageText {

    /** A segment written with {@code printf("%,d", n)}: its text depends on the response locale. */
    static final String NUMBER = "\u0001#";

    private PageText() {
    }

    /** Text and tags as pages have them, in several scripts, with near-misses of the end tag. */
    static Arbitrary<String> fillers() {
        Arbitrary<String> words = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;:!?-_\n\t\r\"'=&")
                .withChars("\u00e9\u00e8\u00fc\u00df\u00a9\u20ac\u65e5\u672c\u8a9e\u30bd\u30d5\u30c8\u80fd\u8868")
                .withChars("\uac00\uc5b4\u0416\ud83d\ude00")
                .ofMaxLength(200);
        Arbitrary<String> tags = Arbitraries.of("<p>", "</p>", "<div class=\"x\">", "</div>", "<br/>",
                "<b>", "</b>", "<a href='/x?a=1&b=2'>", "</a>", "a < b", "x<y", "<", "</", "</bod>",
                "</bodyx>", "<body>", "<BODY class=a>", "</html>", "<!DOCTYPE html>", "<\\/body>",
                "< /body>", "<span title=\"1 > 0\">", "&lt;/body&gt;");
        Arbitrary<String> numbers = Arbitraries.longs().between(-99_999_999L, 99_999_999L)
                .map(n -> NUMBER + n);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, words), net.jqwik.api.Tuple.of(4, tags),
                net.jqwik.api.Tuple.of(1, numbers));
    }

    /** {@code </body>} where a browser does not end the body: comments, scripts, attribute values. */
    static Arbitrary<String> decoys() {
        return Arbitraries.of("<!-- </body> -->", "<script>var s='</body>';</script>",
                "<script>document.write(\"</BODY >\")</script>", "<a title=\"</body>\">x</a>",
                "<textarea></body></textarea>", "<!--</body\n>-->", "<style>/* </body> */</style>");
    }

    static List<String> charsetsAsciiCompatible() {
        return List.of("UTF-8", "ISO-8859-1", "windows-1252", "Shift_JIS", "EUC-JP");
    }
}
