package dev.zwidget.it;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How a generated page is written: charset, locale, writer or stream, how its Content-Length is
 * declared, and, from a seed, where it is cut into writes, which overload each write uses and
 * where it flushes. The same recipe runs on the server with the filter and the one without.
 */
final class PageRecipe {

    static final int LENGTH_STYLES = 7;
    private static final int WRITER_STYLES = 12;
    private static final int STREAM_STYLES = 6;

    final String charset;
    final boolean writer;
    final int lengthStyle;
    final Locale locale;
    final long seed;
    final PageParts parts;
    /** Segments as written: numbers stay numbers, text is limited to what the charset encodes. */
    private final List<Object> segments = new ArrayList<>();
    private final String text;

    PageRecipe(String charset, boolean writer, int lengthStyle, Locale locale, long seed, PageParts parts) {
        this.charset = charset;
        this.writer = writer;
        this.lengthStyle = charset.startsWith("UTF-16") ? 0 : lengthStyle;
        this.locale = locale;
        this.seed = seed;
        this.parts = parts;
        CharsetEncoder encoder = Charset.forName(charset).newEncoder();
        StringBuilder all = new StringBuilder();
        for (String segment : parts.all()) {
            if (segment.startsWith(PageText.NUMBER)) {
                long n = Long.parseLong(segment.substring(PageText.NUMBER.length()));
                segments.add(n);
                all.append(String.format(locale, "%,d", n));
            } else {
                String encodable = encodable(segment, encoder);
                segments.add(encodable);
                all.append(encodable);
            }
        }
        text = all.toString();
    }

    private static String encodable(String segment, CharsetEncoder encoder) {
        StringBuilder kept = new StringBuilder();
        segment.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            kept.append(encoder.canEncode(ch) ? ch : "x");
        });
        return kept.toString();
    }

    /** Whether the filter splices this page for a signed-in visitor: a real end tag, a path it can read. */
    boolean spliced() {
        return !parts.endTag.isEmpty() && (writer || !charset.startsWith("UTF-16"));
    }

    void writeTo(HttpServletResponse res) throws IOException {
        res.setContentType("text/html;charset=" + charset);
        res.setLocale(locale);
        declareLength(res, text.getBytes(charset).length);
        Random random = new Random(seed);
        if (writer) {
            PrintWriter out = res.getWriter();
            for (Object segment : segments) {
                if (segment instanceof Long) {
                    if (random.nextBoolean()) {
                        out.printf("%,d", segment);
                    } else {
                        out.format("%,d", segment);
                    }
                } else {
                    for (String piece : cut((String) segment, random)) {
                        writeChars(out, piece, random.nextInt(WRITER_STYLES));
                        maybeFlush(res, random, out::flush);
                    }
                }
            }
        } else {
            ServletOutputStream out = res.getOutputStream();
            for (Object segment : segments) {
                String value = segment instanceof Long ? String.format(locale, "%,d", segment) : (String) segment;
                for (String piece : cut(value, random)) {
                    int style = charset.startsWith("UTF-16") ? random.nextInt(3) : random.nextInt(STREAM_STYLES);
                    writeBytes(out, piece, style, random);
                    maybeFlush(res, random, out::flush);
                }
            }
        }
    }

    private void declareLength(HttpServletResponse res, int length) {
        switch (lengthStyle) {
            case 1: res.setContentLength(length); break;
            case 2: res.setContentLengthLong(length); break;
            case 3: res.setHeader("Content-Length", Integer.toString(length)); break;
            case 4: res.addHeader("Content-Length", Integer.toString(length)); break;
            case 5: res.setIntHeader("Content-Length", length); break;
            case 6: res.addIntHeader("Content-Length", length); break;
            default: break;
        }
    }

    /** Cuts {@code text} at random code point boundaries. */
    private static List<String> cut(String text, Random random) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + 1 + random.nextInt(random.nextBoolean() ? 8 : 400));
            if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                end++;
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }

    private static void writeChars(PrintWriter out, String piece, int style) {
        switch (style) {
            case 0: out.write(piece); break;
            case 1: out.write("<<" + piece + ">>", 2, piece.length()); break;
            case 2: out.write(piece.toCharArray()); break;
            case 3: out.write(("<<" + piece).toCharArray(), 2, piece.length()); break;
            case 4: piece.chars().forEach(out::write); break;
            case 5: out.print(piece); break;
            case 6:
                if (piece.endsWith(System.lineSeparator())) {
                    out.println(piece.substring(0, piece.length() - System.lineSeparator().length()));
                } else {
                    out.print((Object) new StringBuilder(piece));
                }
                break;
            case 7: out.append(new StringBuilder(piece)); break;
            case 8: out.append("<<" + piece + ">>", 2, 2 + piece.length()); break;
            case 9: piece.chars().forEach(c -> out.append((char) c)); break;
            case 10: out.print(piece.toCharArray()); break;
            default: piece.chars().forEach(c -> out.print((char) c)); break;
        }
    }

    private void writeBytes(ServletOutputStream out, String piece, int style, Random random) throws IOException {
        byte[] bytes = piece.getBytes(charset);
        switch (style) {
            case 0: out.write(bytes); break;
            case 1:
                byte[] padded = new byte[bytes.length + 4];
                System.arraycopy(bytes, 0, padded, 2, bytes.length);
                out.write(padded, 2, bytes.length);
                break;
            case 2:
                for (byte b : bytes) {
                    out.write(b);
                }
                break;
            case 3: out.print(piece); break;
            case 4:
                // Not with a declared length: Jetty 12.1.8's own println then miscounts the bytes
                // written and answers 500 ("Insufficient content written"), filter or not.
                if (piece.endsWith("\r\n") && lengthStyle == 0) {
                    out.println(piece.substring(0, piece.length() - 2));
                } else {
                    out.print(piece);
                }
                break;
            default:
                // Bytes cut anywhere, even inside a multi-byte character.
                int cut = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                out.write(bytes, 0, cut);
                out.write(bytes, cut, bytes.length - cut);
                break;
        }
    }

    private interface Flush {
        void run() throws IOException;
    }

    private static void maybeFlush(HttpServletResponse res, Random random, Flush flush) throws IOException {
        int roll = random.nextInt(40);
        if (roll == 0) {
            flush.run();
        } else if (roll == 1) {
            res.flushBuffer();
        }
    }

    @Override
    public String toString() {
        return "PageRecipe[" + charset + (writer ? ", writer" : ", stream") + ", length style " + lengthStyle
                + ", " + locale + ", seed " + seed + ", " + parts + "]";
    }
}
