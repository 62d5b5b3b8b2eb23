package dev.zwidget.internal.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCharsetTest {

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "utf-8", "ISO-8859-1", "windows-1252", "Shift_JIS", "EUC-JP",
        "US-ASCII", "GB18030", "Big5"})
    void acceptsAsciiCompatibleCharsets(String name) {
        assertTrue(PageCharset.isAsciiCompatible(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "ISO-2022-JP", "ISO-2022-KR",
        "x-windows-iso2022jp", "x-windows-50220", "x-windows-50221", "x-ISO-2022-CN-GB", "no-such-charset"})
    void refusesCharsetsWhereAsciiBytesMeanSomethingElse(String name) {
        assertFalse(PageCharset.isAsciiCompatible(name));
    }
}
