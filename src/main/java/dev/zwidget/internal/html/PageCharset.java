package dev.zwidget.internal.html;

import dev.zwidget.internal.compat.Java8;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which charsets the byte path can splice: those where ASCII text is encoded as its ASCII bytes
 * and no ASCII byte occurs inside another character. UTF-16/32 fail the first test; the
 * ISO-2022 family, UTF-7 and HZ pass it but switch into states where ASCII-range bytes mean
 * other characters, so a {@code </body>} found in them might not be one.
 */
final class PageCharset {

    private static final byte[] PROBE = "</body>".getBytes(StandardCharsets.US_ASCII);
    private static final ConcurrentHashMap<String, Boolean> CACHE = new ConcurrentHashMap<>();

    private PageCharset() {
    }

    /** {@code null} (no charset given) counts as compatible: HTML's defaults all are. */
    static boolean isAsciiCompatible(String charsetName) {
        if (charsetName == null || Java8.isBlank(charsetName)) {
            return true;
        }
        return CACHE.computeIfAbsent(charsetName.trim().toLowerCase(Locale.ROOT), PageCharset::probe);
    }

    // ISO-2022 and its Microsoft variants (cp50220/50221/50222), UTF-7 and HZ shift into states
    // where ASCII-range bytes are halves of other characters.
    private static boolean isStateful(String name) {
        String upper = name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return upper.contains("ISO2022") || upper.contains("5022") || upper.contains("UTF7")
                || upper.equals("HZ") || upper.contains("UTF32");
    }

    private static boolean probe(String name) {
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
        if (!charset.canEncode() || isStateful(charset.name())) {
            return false;
        }
        for (String alias : charset.aliases()) {
            if (isStateful(alias)) {
                return false;
            }
        }
        return Arrays.equals(PROBE, "</body>".getBytes(charset));
    }
}
