package dev.zwidget.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternsTest {

    @Test
    void exactPatternMatchesOnlyThatPath() {
        PathPatterns p = PathPatterns.parse("/health");
        assertTrue(p.matches("/health"));
        assertFalse(p.matches("/health/"));
        assertFalse(p.matches("/health/x"));
        assertFalse(p.matches("/healthz"));
        assertFalse(p.matches("/Health"));
    }

    @Test
    void prefixPatternMatchesTheBarePrefixAndEverythingBelowIt() {
        PathPatterns p = PathPatterns.parse("/api/*");
        assertTrue(p.matches("/api"));
        assertTrue(p.matches("/api/"));
        assertTrue(p.matches("/api/v1/users"));
        assertFalse(p.matches("/apiary"));
        assertFalse(p.matches("/"));
        assertFalse(p.matches("/v1/api"));
    }

    @Test
    void slashStarMatchesEverythingIncludingTheRoot() {
        PathPatterns p = PathPatterns.parse("/*");
        assertTrue(p.matches("/"));
        assertTrue(p.matches(""));
        assertTrue(p.matches(null));
        assertTrue(p.matches("/a/b.json"));
    }

    @Test
    void extensionPatternLooksAtTheLastSegment() {
        PathPatterns p = PathPatterns.parse("*.json");
        assertTrue(p.matches("/data.json"));
        assertTrue(p.matches("/a/b/c.json"));
        assertFalse(p.matches("/data.json/edit"));
        assertFalse(p.matches("/datajson"));
        assertFalse(p.matches("/data.jsonp"));
    }

    @Test
    void listsAreCommaSeparatedWithWhitespaceAndEmptyEntriesIgnored() {
        PathPatterns p = PathPatterns.parse(" /health ,\n /api/* ,, *.css ,");
        assertTrue(p.matches("/health"));
        assertTrue(p.matches("/api/x"));
        assertTrue(p.matches("/static/site.css"));
        assertFalse(p.matches("/index.html"));
        assertEquals("/health,/api/*,*.css", p.toString());
    }

    @Test
    void noneMatchesNothing() {
        assertTrue(PathPatterns.none().isEmpty());
        assertFalse(PathPatterns.none().matches("/"));
        assertFalse(PathPatterns.none().matches("/anything"));
        assertTrue(PathPatterns.parse(" , ").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"api/*", "/a/*/b", "*", "*.", "/api/*/", "/api*", "*.js/x", "*.j*", "health",
            "/a b", "**/x"})
    void formsThatAreNotServletMappingsAreRejected(String pattern) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathPatterns.parse("/ok, " + pattern));
        assertTrue(e.getMessage().contains("'" + pattern + "'"), e.getMessage());
    }

    @Test
    void everyInvalidPatternIsNamedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathPatterns.parse("api/*, /ok, /a/*/b"));
        assertEquals("patterns 'api/*', '/a/*/b' must be /exact/path, /prefix/* or *.extension,"
                + " as in servlet mappings", e.getMessage());
    }
}
