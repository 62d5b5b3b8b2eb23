package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpTester;

/**
 * The filter never breaks a page: generated pages, written every way servlets and JSPs write
 * them, compared byte for byte with the same servlet on a server without the filter. The only
 * difference allowed is one block right before the last {@code </body>} of an eligible page, and
 * the headers the README documents. Cases per property: {@code -Dfuzz.tries=N} (default in the
 * pom); jqwik shrinks a failing page to a minimal one.
 */
class PageFidelityProperties {

    /** Headers the filter may change on a page: documented in the README. */
    private static final List<String> DOCUMENTED = List.of("date", "set-cookie", "cache-control",
            "content-length", "transfer-encoding", "expires", "pragma", "etag", "last-modified");

    private static final Map<String, PageRecipe> RECIPES = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private static WidgetServer withFilter;
    private static WidgetServer withoutFilter;
    private static Browser signedIn;
    private static Browser plain;

    @BeforeContainer
    static void start() throws Exception {
        withFilter = new WidgetServer().page("/page", PageFidelityProperties::render).start();
        withoutFilter = new WidgetServer().withoutFilter().page("/page", PageFidelityProperties::render).start();
        signedIn = new Browser(withFilter);
        signedIn.get("/login?user=alice");
        plain = new Browser(withoutFilter);
    }

    @AfterContainer
    static void stop() throws Exception {
        withFilter.close();
        withoutFilter.close();
    }

    private static void render(jakarta.servlet.http.HttpServletRequest req,
            jakarta.servlet.http.HttpServletResponse res) throws Exception {
        RECIPES.get(req.getParameter("id")).writeTo(res);
    }

    @Property
    void aSignedInPageIsTheSameAsWithoutTheFilterButForOneBlockBeforeItsLastBodyEndTag(
            @ForAll("recipes") PageRecipe recipe) throws Exception {
        String id = Long.toString(IDS.incrementAndGet());
        RECIPES.put(id, recipe);
        try {
            HttpTester.Response expected = plain.get("/page?id=" + id);
            HttpTester.Response actual = signedIn.get("/page?id=" + id);
            assertNotNull(expected, "the server without the filter sent an incomplete response: " + recipe);
            assertNotNull(actual, "the server with the filter sent an incomplete response");
            assertEquals(expected.getStatus(), actual.getStatus(), "status");
            assertEquals(headers(expected), headers(actual), "headers other than the documented ones");
            byte[] original = expected.getContentBytes();
            byte[] body = actual.getContentBytes();
            if (!recipe.spliced()) {
                assertArrayEquals(original, body, "an untouched page keeps every byte");
                return;
            }
            if (recipe.charset.startsWith("UTF-16")) {
                // The container encodes the block too: compare the characters, re-encoded as UTF-8.
                original = new String(original, recipe.charset).getBytes(StandardCharsets.UTF_8);
                body = new String(body, recipe.charset).getBytes(StandardCharsets.UTF_8);
            }
            String block = Spliced.insertedBlock(original, body);
            Tokens.verifyFor(Spliced.assertLoginBlock(block, null), "1001");
        } finally {
            RECIPES.remove(id);
        }
    }

    private static Map<String, List<String>> headers(HttpTester.Response response) {
        Map<String, List<String>> kept = new TreeMap<>();
        for (HttpField field : response) {
            String name = field.getName().toLowerCase(Locale.ROOT);
            if (!DOCUMENTED.contains(name)) {
                kept.computeIfAbsent(name, n -> new ArrayList<>()).add(field.getValue());
            }
        }
        return kept;
    }

    @Provide
    Arbitrary<PageRecipe> recipes() {
        Arbitrary<String> charset = Arbitraries.of("UTF-8", "UTF-8", "ISO-8859-1", "windows-1252",
                "Shift_JIS", "EUC-JP", "UTF-16");
        Arbitrary<Boolean> writer = Arbitraries.of(true, false);
        Arbitrary<Integer> contentLength = Arbitraries.integers().between(0, PageRecipe.LENGTH_STYLES - 1);
        Arbitrary<Locale> locale = Arbitraries.of(Locale.US, Locale.GERMANY, Locale.FRANCE, new Locale("pt", "BR"));
        return Combinators.combine(charset, writer, contentLength, locale, Arbitraries.longs(), pageParts())
                .as((cs, w, cl, loc, seed, parts) -> new PageRecipe(cs, w, cl, loc, seed, parts));
    }

    /** The page: fillers and decoys, then (or not) a real end tag and what follows it. */
    private Arbitrary<PageParts> pageParts() {
        Arbitrary<List<String>> body = Arbitraries.oneOf(PageText.fillers(), PageText.decoys())
                .list().ofMaxSize(40);
        Arbitrary<String> endTag = Arbitraries.of("", "</body>", "</BODY>", "</Body >", "</body\n\t>",
                "</body/>", "</body class=\"a>b\">", "</body" + " ".repeat(70) + ">", "</body data-x='1'>");
        Arbitrary<String> after = Arbitraries.of("", "\n</html>\n", "</html>", "\r\n</html>\r\n<!-- end -->\n");
        return Combinators.combine(body, endTag, after).as(PageParts::new);
    }
}
