package dev.zwidget.internal.html;

import java.nio.charset.StandardCharsets;

/** A constant piece of the block with its bytes, so that a byte page writes it without encoding it. */
public final class AsciiText {

    private final String text;
    private final byte[] bytes;

    private AsciiText(String text) {
        this.text = text;
        this.bytes = text.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code text} must be pure ASCII: the block is the same in every ASCII-compatible charset. */
    public static AsciiText of(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                throw new IllegalArgumentException("not ASCII at index " + i);
            }
        }
        return new AsciiText(text);
    }

    String text() {
        return text;
    }

    /** Not copied: callers only write it out. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return text;
    }
}
