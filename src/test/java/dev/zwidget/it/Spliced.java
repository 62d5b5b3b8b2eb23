package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Byte-exact checks of a spliced page: the original bytes, plus one block before </body>. */
final class Spliced {

    static final String SNIPPET_TAG = "<script id=\"ze-snippet\" src=\"https://static.zdassets.com/ekr/snippet.js?key="
            + WidgetServer.WIDGET_KEY + "\"></script>";

    private Spliced() {
    }

    /**
     * Asserts that {@code body} is {@code original} with one block inserted right before the
     * last {@code </body} of the original, and returns that block (which must be pure ASCII).
     */
    static String insertedBlock(byte[] original, byte[] body) {
        int at = lastBodyEnd(original);
        assertTrue(at >= 0, "the original has a </body>");
        assertTrue(body.length > original.length, "something was inserted");
        int inserted = body.length - original.length;
        assertArrayEquals(Arrays.copyOfRange(original, 0, at), Arrays.copyOfRange(body, 0, at),
                "every byte before the insertion point is the page's");
        assertArrayEquals(Arrays.copyOfRange(original, at, original.length),
                Arrays.copyOfRange(body, at + inserted, body.length), "every byte after it is the page's");
        byte[] block = Arrays.copyOfRange(body, at, at + inserted);
        for (byte b : block) {
            assertTrue(b >= 0x20 && b < 0x7F, "inserted block is printable ASCII");
        }
        return new String(block, StandardCharsets.US_ASCII);
    }

    /** The block inserted for a signed-in visitor; returns the token it carries. */
    static String assertLoginBlock(String block, String nonce) {
        String nonceAttr = nonce == null ? "" : " nonce=\"" + nonce + "\"";
        String snippet = SNIPPET_TAG.replace("<script id=\"ze-snippet\"", "<script id=\"ze-snippet\"" + nonceAttr);
        assertTrue(block.startsWith(snippet + "<script" + nonceAttr + ">"), block);
        assertTrue(block.endsWith("</script>"), block);
        assertEquals(2, count(block, "<script"), "two script elements: " + block);
        assertTrue(block.contains("zE('messenger','loginUser',function(callback){"), block);
        return Tokens.inPage(block);
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static int lastBodyEnd(byte[] page) {
        String text = new String(page, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return text.lastIndexOf("</body");
    }
}
