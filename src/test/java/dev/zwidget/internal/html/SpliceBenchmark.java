package dev.zwidget.internal.html;

import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of the splice itself: a page written in 8 KiB chunks straight into an in-memory buffer
 * (the baseline: the copy a container's buffer makes) and through the byte and char splices into
 * the same buffer. Compare the scores within one run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpliceBenchmark {

    private static final int CHUNK = 8192;
    private static final String INSERT = "<script>insert</script>";

    @Param({"20000", "500000"})
    public int pageSize;

    private byte[] bytes;
    private char[] chars;
    // Real sinks, reset per page, so that the baseline does the copy a container's buffer does.
    private final ByteArrayOutputStream byteSink = new ByteArrayOutputStream(1 << 20);
    private final CharArrayWriter charSink = new CharArrayWriter(1 << 20);

    @Setup
    public void makePage() {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><title>t</title></head><body>");
        while (page.length() < pageSize) {
            page.append("<div class=\"row\"><span>caf\u00e9 item</span><a href=\"/x?id=1\">link</a></div>\n");
        }
        page.append("</body></html>\n");
        bytes = page.toString().getBytes(StandardCharsets.UTF_8);
        chars = page.toString().toCharArray();
    }

    @Benchmark
    public void bytesDirect() throws IOException {
        byteSink.reset();
        for (int i = 0; i < bytes.length; i += CHUNK) {
            byteSink.write(bytes, i, Math.min(CHUNK, bytes.length - i));
        }
    }

    @Benchmark
    public boolean bytesSpliced() throws IOException {
        byteSink.reset();
        ByteSplice splice = new ByteSplice(byteSink);
        for (int i = 0; i < bytes.length; i += CHUNK) {
            splice.write(bytes, i, Math.min(CHUNK, bytes.length - i));
        }
        return splice.finish(INSERT);
    }

    @Benchmark
    public void charsDirect() throws IOException {
        charSink.reset();
        for (int i = 0; i < chars.length; i += CHUNK) {
            charSink.write(chars, i, Math.min(CHUNK, chars.length - i));
        }
    }

    @Benchmark
    public boolean charsSpliced() throws IOException {
        charSink.reset();
        CharSplice splice = new CharSplice(charSink);
        for (int i = 0; i < chars.length; i += CHUNK) {
            splice.write(chars, i, Math.min(CHUNK, chars.length - i));
        }
        return splice.finish(INSERT);
    }
}
