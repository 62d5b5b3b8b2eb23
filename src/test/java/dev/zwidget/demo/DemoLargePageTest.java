package dev.zwidget.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /large}, about 4 MB written in flushed chunks: the filter streams it (the servlet
 * sees its response committed after the first flush, so nothing holds the page back) and puts
 * the widget once, at the very end.
 */
@ExtendWith(DemoServer.Extension.class)
class DemoLargePageTest {

    private static final String HEAD = "<!DOCTYPE html>";

    @Test
    void theLargePageStreamsAndGetsTheWidgetOnceAtTheEnd(DemoServer demo) throws Exception {
        Visitor alice = Visitor.signedIn(demo, "alice");
        HttpResponse<InputStream> response = alice.stream("/large");
        assertEquals(200, response.statusCode());
        // A page of unknown length that is passed on as written goes out chunked.
        assertEquals("chunked", response.headers().firstValue("Transfer-Encoding").orElse(null));
        assertTrue(response.headers().firstValue("Content-Length").isEmpty());
        byte[] bytes;
        try (InputStream in = response.body()) {
            byte[] first = in.readNBytes(HEAD.length());
            assertEquals(HEAD, new String(first, StandardCharsets.US_ASCII), "the page starts as written");
            byte[] rest = in.readAllBytes();
            bytes = Arrays.copyOf(first, first.length + rest.length);
            System.arraycopy(rest, 0, bytes, first.length, rest.length);
        }
        Page page = new Page(response.statusCode(), response.headers(), bytes);
        assertTrue(bytes.length > 3_000_000, "several megabytes: " + bytes.length);
        Widget.assertSignedIn(page, Widget.ALICE);
        assertTrue(page.text().contains("Sent while being written: yes."),
                "the servlet saw its response committed after the first flush");

        byte[] original = Visitor.signedIn(demo.withoutFilter(), "alice").get("/large").bytes();
        String block = Widget.insertedBeforeBodyEnd(original, bytes);
        assertEquals(1, Page.count(block, Page.SNIPPET_ID));
        Widget.verifyFor(Page.token(block), Widget.ALICE);
    }

    @Test
    void anAnonymousVisitorGetsTheLargePageWithTheSnippetAtTheEnd(DemoServer demo) throws Exception {
        Page page = new Visitor(demo).get("/large");
        Widget.assertAnonymous(page);
        String text = page.text();
        assertTrue(text.indexOf(Page.SNIPPET_ID) > text.lastIndexOf("</table>"), "after the page's content");
        assertTrue(text.endsWith("</body>\n</html>\n"), "the page ends as written");
    }
}
