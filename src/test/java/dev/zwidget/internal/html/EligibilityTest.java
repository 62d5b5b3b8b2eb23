package dev.zwidget.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityTest {

    @Test
    void aPlainGetPageRequestIsEligible() {
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, null, null, null, false, false));
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.FORWARD, null, null, null, false, false));
    }

    @Test
    void rejectsOtherMethodsDispatchesAjaxExcludedAndSkippedRequests() {
        assertEquals("method POST", Eligibility.whyNotRequest("POST", DispatcherType.REQUEST, null, null, null, false, false));
        assertNull(Eligibility.whyNotRequest("HEAD", DispatcherType.REQUEST, null, null, null, false, false));
        assertEquals("dispatch INCLUDE", Eligibility.whyNotRequest("GET", DispatcherType.INCLUDE, null, null, null, false, false));
        assertEquals("dispatch ERROR", Eligibility.whyNotRequest("GET", DispatcherType.ERROR, null, null, null, false, false));
        assertEquals("dispatch ASYNC", Eligibility.whyNotRequest("GET", DispatcherType.ASYNC, null, null, null, false, false));
        assertEquals("XMLHttpRequest",
                Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, "XMLHttpRequest", null, null, false, false));
        assertEquals("excluded path", Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, null, null, null, true, false));
        assertEquals("skipped by the application",
                Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, null, null, null, false, true));
    }

    @Test
    void acceptsDocumentNavigationsAndRejectsFragmentsFetchedByScripts() {
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, null, "document", null, false, false));
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, null, "iframe", null, false, false));
        assertEquals("fetch destination empty",
                Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, null, "empty", null, false, false));
        assertEquals("fetch destination script",
                Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, null, "script", null, false, false));
    }

    /** What browsers send for a navigation (Chrome, Firefox, Safari, Internet Explorer 8, old Opera). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "image/gif, image/jpeg, image/pjpeg, application/x-ms-application, application/xaml+xml, */*",
        "application/xml,application/xhtml+xml,text/html;q=0.9,text/plain;q=0.8,image/png,*/*;q=0.5",
        "TEXT/HTML",
        "*/*",
        "text/*",
        "' '",
    })
    void aRequestWhoseAcceptAdmitsAPageIsEligible(String accept) {
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, null, null, accept, false, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json",
        "application/json, text/plain",
        "application/xml;q=0.9, text/xml",
        "image/png",
    })
    void anApiClientAskingForSomethingElseIsLeftAlone(String accept) {
        assertEquals("accepts no HTML",
                Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, null, null, accept, false, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text/html",
        "text/html;charset=UTF-8",
        "TEXT/HTML; charset=iso-8859-1",
        "application/xhtml+xml",
    })
    void anOkHtmlResponseIsEligible(String contentType) {
        assertNull(Eligibility.whyNotResponse(200, contentType, null, null));
        assertNull(Eligibility.whyNotResponse(200, contentType, "identity", "inline"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "302|text/html|NULL|NULL|status 302",
        "404|text/html|NULL|NULL|status 404",
        "500|text/html|NULL|NULL|status 500",
        "304|NULL|NULL|NULL|status 304",
        "200|application/json|NULL|NULL|content type application/json",
        "200|text/plain;charset=UTF-8|NULL|NULL|content type text/plain",
        "200|NULL|NULL|NULL|content type unset",
        "200|text/html|gzip|NULL|content encoding",
        "200|text/html|NULL|attachment; filename=\"a.html\"|attachment",
        "200|text/html|NULL|ATTACHMENT|attachment",
    })
    void rejectsEverythingElse(int status, String type, String encoding, String disposition, String why) {
        assertEquals(why, Eligibility.whyNotResponse(status, type, encoding, disposition));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text/html|true", "TEXT/HTML; charset=UTF-8|true", "' text/html ;charset=utf-8'|true",
        "application/xhtml+xml|true", "Application/XHTML+XML;q=1|true",
        "text/htm|false", "text/html5|false", "text/plain|false", "application/json|false", "''|false",
        ";text/html|false",
        // Only ASCII case folds, as lower-casing with Locale.ROOT does: a dotless i is not an i.
        "appl\u0131cation/xhtml+xml|false", "appl\u0130cation/xhtml+xml|false"
    })
    void htmlIsTextHtmlOrXhtmlWhateverTheAsciiCaseAndSpacing(String contentType, boolean html) {
        assertEquals(html, Eligibility.isHtml(contentType), contentType);
    }
}
