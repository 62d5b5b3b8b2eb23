package dev.zwidget.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityTest {

    @Test
    void aPlainGetPageRequestIsEligible() {
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, null, null), false));
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.FORWARD, headers(null, null, null), false));
    }

    @Test
    void rejectsOtherMethodsDispatchesAjaxAndExcludedRequests() {
        assertEquals("method POST", Eligibility.whyNotRequest("POST", DispatcherType.REQUEST, headers(null, null, null), false));
        assertNull(Eligibility.whyNotRequest("HEAD", DispatcherType.REQUEST, headers(null, null, null), false));
        assertEquals("dispatch INCLUDE", Eligibility.whyNotRequest("GET", DispatcherType.INCLUDE, headers(null, null, null), false));
        assertEquals("dispatch ERROR", Eligibility.whyNotRequest("GET", DispatcherType.ERROR, headers(null, null, null), false));
        assertEquals("dispatch ASYNC", Eligibility.whyNotRequest("GET", DispatcherType.ASYNC, headers(null, null, null), false));
        assertEquals("XMLHttpRequest",
                Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers("XMLHttpRequest", null, null), false));
        assertEquals("excluded path", Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, null, null), true));
    }

    @Test
    void acceptsDocumentNavigationsAndRejectsFragmentsFetchedByScripts() {
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, "document", null), false));
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, "iframe", null), false));
        assertEquals("fetch destination empty",
                Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, "empty", null), false));
        assertEquals("fetch destination script",
                Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, "script", null), false));
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
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, null, accept), false));
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
                Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, null, accept), false));
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

    @ParameterizedTest
    @CsvSource({"empty", "script", "image", "style", "font"})
    void aScriptsOrAMediasRequestIsTurnedAwayByItsFetchDestinationAlone(String dest) {
        List<String> read = new ArrayList<>();
        Map<String, String> sent = new HashMap<>();
        sent.put("Sec-Fetch-Dest", dest);
        sent.put("X-Requested-With", "XMLHttpRequest");
        sent.put("Accept", "*/*");
        assertEquals("fetch destination " + dest, Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, name -> {
            read.add(name);
            return sent.get(name);
        }, false));
        // Each read searches all the request's headers: the other two are not needed here.
        assertEquals(Arrays.asList("Sec-Fetch-Dest"), read);
    }

    @Test
    void aNavigationIsAskedForAllThreeHeadersInTurn() {
        List<String> read = new ArrayList<>();
        Map<String, String> sent = new HashMap<>();
        sent.put("Sec-Fetch-Dest", "document");
        sent.put("Accept", "text/html");
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, name -> {
            read.add(name);
            return sent.get(name);
        }, false));
        assertEquals(Arrays.asList("Sec-Fetch-Dest", "X-Requested-With", "Accept"), read);
    }

    @Test
    void theUsualReasonsAreTheSameStringEachTimeAndTheRestAreBuiltAsBefore() {
        assertSame(Eligibility.whyNotRequest("POST", DispatcherType.REQUEST, headers(null, null, null), false),
                Eligibility.whyNotRequest("POST", DispatcherType.REQUEST, headers(null, null, null), false));
        assertSame(Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, "empty", null), false),
                Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, "empty", null), false));
        assertEquals("method PROPFIND",
                Eligibility.whyNotRequest("PROPFIND", DispatcherType.REQUEST, headers(null, null, null), false));
        assertEquals("fetch destination EMPTY",
                Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, " EMPTY ", null), false));
        assertEquals("fetch destination htmx-fragment",
                Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, "htmx-fragment", null), false));
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, " Document", null), false));
    }

    @Test
    void anXhrWithoutAScriptsFetchDestinationIsStillToldByItsHeader() {
        assertEquals("XMLHttpRequest", Eligibility.whyNotRequest("GET", DispatcherType.REQUEST,
                headers("XMLHttpRequest", "document", "text/html"), false));
        assertNull(Eligibility.whyNotRequest("GET", DispatcherType.REQUEST, headers(null, "frame", null), false));
        assertEquals("dispatch null", Eligibility.whyNotRequest("GET", null, headers(null, null, null), false));
    }

    /** The three headers the rule reads; null for one the request lacks. */
    private static Eligibility.Headers headers(String requestedWith, String fetchDest, String accept) {
        Map<String, String> sent = new HashMap<>();
        sent.put("X-Requested-With", requestedWith);
        sent.put("Sec-Fetch-Dest", fetchDest);
        sent.put("Accept", accept);
        return sent::get;
    }
}
