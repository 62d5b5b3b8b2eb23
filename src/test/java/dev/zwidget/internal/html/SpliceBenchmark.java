package dev.zwidget.internal.html;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the splice itself, which is its scan for {@code </body>}: a 50 KB page written in
 * 8 KiB chunks through the byte splice, the char splice with {@code char[]} writes and with
 * {@code String} writes, into sinks that drop what they get. Scan rate = page bytes / time.
 * {@code orders} is a listing with a tag every ~12 characters; {@code article} a page of text,
 * navigation, a form and a script, as portals have; {@code typeset} the same article with curly
 * quotes and dashes (outside Latin-1) every ~200 characters, as editors and CMSs write;
 * {@code japanese} the article with its text in Japanese; {@code arabic} in Arabic;
 * {@code bytesInRows} the cost per tiny write.
 * {@code mvn -B -Pbench test-compile exec:exec -Djmh.args=SpliceBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SpliceBenchmark {

    static {
        try {
            // On Java 17 a heap ByteBuffer's getLong is inlined only once this class is loaded.
            // The load benchmark's Jetty server has loaded it 1.6 s after start, before any
            // request; a JMH fork loads it at a random moment, and a compile before that left a
            // call per eight bytes: the splice 5x slower in a third of forks. Loaded here, for
            // every benchmark of the class (the row benchmarks read words too).
            Class.forName("jdk.internal.misc.ScopedMemoryAccess$Scope");
        } catch (ClassNotFoundException notThisJdk) {
            // Other versions read a ByteBuffer through other classes.
        }
    }

    private static final int CHUNK = 8192;
    private static final String INSERT = "<script>insert</script>";
    private static final int ROWS = 1000;
    private static final String ROW_TEXT = "<div class=\"row\"><span>item</span><a href=\"/x?id=1\">link</a></div>\n";
    private static final byte[] ROW = ROW_TEXT.getBytes(StandardCharsets.US_ASCII);

    /** The page the whole-page benchmarks write; the row benchmarks write rows and do not use it. */
    @State(Scope.Thread)
    public static class Page {

        @Param({"orders", "article", "typeset", "japanese", "arabic"})
        public String page;

        byte[] bytes;
        char[] chars;
        String[] strings;

        @Setup
        public void makePage() {
            String text = "orders".equals(page) ? orders(50_000)
                    : "article".equals(page) ? article(50_000)
                    : "typeset".equals(page) ? typeset(50_000)
                    : "japanese".equals(page) ? japanese(50_000) : arabic(50_000);
            bytes = text.getBytes(StandardCharsets.UTF_8);
            chars = text.toCharArray();
            strings = new String[(text.length() + CHUNK - 1) / CHUNK];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = text.substring(i * CHUNK, Math.min(text.length(), (i + 1) * CHUNK));
            }
        }
    }

    static String orders(int size) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><title>Orders</title></head><body><table>\n");
        for (int row = 0; page.length() < size; row++) {
            page.append("<tr class=\"order\"><td>").append(10_000 + row).append("</td><td>Caf\u00e9 au lait, ")
                    .append(row % 7 + 1).append(" \u00d7</td><td><a href=\"/orders/").append(row)
                    .append("\">details</a></td></tr>\n");
        }
        return page.append("</table></body></html>\n").toString();
    }

    static String article(int size) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Your account</title>"
                + "<link rel=\"stylesheet\" href=\"/static/app.css?v=42\"><style>.hidden{display:none}"
                + " body{font-family:system-ui;margin:0} .nav a{padding:0 8px}</style></head>\n<body class=\"account\">"
                + "<nav class=\"nav\"><a href=\"/\">Home</a><a href=\"/orders\">My orders</a><a href=\"/help\">Help"
                + "</a></nav>\n<main>\n");
        for (int section = 0; page.length() < size; section++) {
            page.append("<section id=\"s").append(section).append("\"><h2>Delivery and returns</h2>\n<p>Every order ships")
                    .append(" within two working days. You can return any item in its original packaging, and we")
                    .append(" refund the full price to the card you paid with. Questions? <a href=\"/help/returns\">")
                    .append("Read the returns policy</a> or write to us.</p>\n<form method=\"post\" action=\"/subscribe\">")
                    .append("<label for=\"email").append(section).append("\">Email</label><input type=\"email\" id=\"email")
                    .append(section).append("\" name=\"email\"><button type=\"submit\">Keep me posted</button></form>\n")
                    .append("<script>document.querySelectorAll('.hidden').forEach(function (e) { e.style.display = ")
                    .append("'block'; });</script></section>\n");
        }
        return page.append("</main>\n<footer>&copy; Example Ltd</footer></body>\n</html>\n").toString();
    }

    /** The article with its text in Japanese: tags and attributes in ASCII between runs of wide chars. */
    static String japanese(int size) {
        return translated(size, "\u3054\u6ce8\u6587\u306f\u55b6\u696d\u65e5\u4e8c\u65e5\u4ee5\u5185\u306b\u767a\u9001"
                + "\u3057\u307e\u3059\u3002\u5546\u54c1\u306f\u5143\u306e\u5305\u88c5\u306e\u307e\u307e"
                + "\u8fd4\u54c1\u3067\u304d\u307e\u3059\u3002\u3054\u8cea\u554f\u306f\uff1f",
                "\u8fd4\u54c1\u30dd\u30ea\u30b7\u30fc",
                "\u304a\u77e5\u3089\u305b\u3092\u53d7\u3051\u53d6\u308b");
    }

    /**
     * The article with its text in Arabic, whose UTF-8 lead bytes 0xD8-0xDB the word test lets
     * through for the check of the unit: the worst case for the byte splice's search.
     */
    static String arabic(int size) {
        return translated(size, "\u064a\u064f\u0634\u062d\u0646 \u0643\u0644 \u0637\u0644\u0628 \u062e\u0644\u0627\u0644"
                + " \u064a\u0648\u0645\u064a \u0639\u0645\u0644. \u064a\u0645\u0643\u0646\u0643 \u0625\u0631\u062c\u0627\u0639"
                + " \u0623\u064a \u0645\u0646\u062a\u062c \u0641\u064a \u0639\u0628\u0648\u062a\u0647 \u0627\u0644\u0623\u0635"
                + "\u0644\u064a\u0629\u060c \u0648\u0646\u0639\u064a\u062f \u0627\u0644\u0645\u0628\u0644\u063a \u0643\u0627"
                + "\u0645\u0644\u0627\u064b \u0625\u0644\u0649 \u0627\u0644\u0628\u0637\u0627\u0642\u0629 \u0627\u0644\u062a"
                + "\u064a \u062f\u0641\u0639\u062a \u0628\u0647\u0627. \u0623\u0633\u0626\u0644\u0629\u061f",
                "\u0627\u0642\u0631\u0623 \u0633\u064a\u0627\u0633\u0629 \u0627\u0644\u0625\u0631\u062c\u0627\u0639",
                "\u0623\u0628\u0642\u0646\u064a \u0639\u0644\u0649 \u0627\u0637\u0644\u0627\u0639");
    }

    /** The article with its prose, link and button text replaced. */
    private static String translated(int size, String prose, String link, String button) {
        return article(size).replace("Every order ships within two working days. You can return any item in its"
                + " original packaging, and we refund the full price to the card you paid with. Questions?", prose)
                .replace("Read the returns policy", link)
                .replace("Keep me posted", button);
    }

    static String typeset(int size) {
        return article(size).replace(", and we", " \u2014 and we").replace(" Questions?", " \u201cQuestions?\u201d");
    }

    @Benchmark
    public boolean bytes(Page page) throws IOException {
        byte[] bytes = page.bytes;
        ByteSplice splice = new ByteSplice(DROP_BYTES);
        for (int i = 0; i < bytes.length; i += CHUNK) {
            splice.write(bytes, i, Math.min(CHUNK, bytes.length - i));
        }
        return splice.finish(TestBlocks.of(INSERT));
    }

    /**
     * A page written in tiny pieces, as a servlet that writes each row of a listing: 1 000
     * writes of one 68-byte row (time per write = score / 1 000). The cost per write that does
     * not depend on the page's length.
     */
    @Benchmark
    public boolean bytesInRows() throws IOException {
        ByteSplice splice = new ByteSplice(DROP_BYTES);
        for (int i = 0; i < ROWS; i++) {
            splice.write(ROW, 0, ROW.length);
        }
        return splice.finish(TestBlocks.of(INSERT));
    }

    /** The same rows as Strings to the writer, as a servlet's {@code out.print(row)}. */
    @Benchmark
    public boolean stringsInRows() throws IOException {
        CharSplice splice = new CharSplice(DROP_CHARS);
        for (int i = 0; i < ROWS; i++) {
            splice.write(ROW_TEXT, 0, ROW_TEXT.length());
        }
        return splice.finish(TestBlocks.of(INSERT));
    }

    @Benchmark
    public boolean chars(Page page) throws IOException {
        char[] chars = page.chars;
        CharSplice splice = new CharSplice(DROP_CHARS);
        for (int i = 0; i < chars.length; i += CHUNK) {
            splice.write(chars, i, Math.min(CHUNK, chars.length - i));
        }
        return splice.finish(TestBlocks.of(INSERT));
    }

    @Benchmark
    public boolean strings(Page page) throws IOException {
        CharSplice splice = new CharSplice(DROP_CHARS);
        for (String chunk : page.strings) {
            splice.write(chunk, 0, chunk.length());
        }
        return splice.finish(TestBlocks.of(INSERT));
    }

    private static final OutputStream DROP_BYTES = new OutputStream() {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    };

    private static final Writer DROP_CHARS = new Writer() {
        @Override
        public void write(char[] cbuf, int off, int len) {
        }

        @Override
        public void write(String str, int off, int len) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
}
