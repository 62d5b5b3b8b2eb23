package dev.zwidget.demo;

import static dev.zwidget.demo.Chromium.ofType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/**
 * Every flow a visitor goes through, in a real browser against the demo in emulator mode. Each
 * test reads what the page's scripts did (the emulator's event log, the DOM, the console), not
 * the HTML source.
 */
@ExtendWith(DemoServer.Extension.class)
class BrowserFlowsTest {

    private static final Pattern TOKEN = Pattern.compile("var jwt='([A-Za-z0-9_.-]+)'");
    private static final Duration SETTLE = Duration.ofMillis(1500);

    private static String base(DemoServer demo) {
        return demo.uri("/").toString();
    }

    /** Gives the page's scripts time to run before asserting that something did not happen. */
    private static void settle() throws InterruptedException {
        Thread.sleep(SETTLE.toMillis());
    }

    private static long count(List<Map<String, Object>> events, String type) {
        return events.stream().filter(ofType(type)).count();
    }

    @Test
    void anAnonymousVisitorGetsTheWidgetWithoutSignInOrSignOut(DemoServer demo) throws Exception {
        try (Chromium browser = new Chromium()) {
            browser.open(base(demo));
            assertTrue(browser.driver.findElement(By.id("zw-emulator-launcher")).isDisplayed());
            settle();
            List<Map<String, Object>> events = browser.events();
            assertEquals(0, count(events, "loginUser"), events.toString());
            assertEquals(0, count(events, "logoutUser"), events.toString());
            browser.driver.findElement(By.id("zw-emulator-launcher")).click();
            assertEquals("Anonymous visitor", browser.driver.findElement(By.id("zw-emulator-status")).getText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"account", "thymeleaf", "static.html", "tag", "dialect"})
    void aSignedInVisitorIsVerifiedAsTheirExternalIdOnEveryKindOfPage(String page, DemoServer demo)
            throws Exception {
        try (Chromium browser = new Chromium()) {
            browser.signIn(base(demo), "alice");
            browser.open(base(demo) + page);
            browser.awaitVerified("1001");
            List<Map<String, Object>> events = browser.events();
            assertEquals(1, count(events, "loginUser"), events.toString());
            assertEquals(0, count(events, "rejected"), events.toString());
            assertEquals(1, browser.driver.findElements(By.id("ze-snippet")).size(), "one snippet");
            if (page.equals("account")) {
                browser.driver.findElement(By.id("zw-emulator-launcher")).click();
                assertEquals("Signed in as Alice \u2014 external_id 1001 \u2713",
                        browser.driver.findElement(By.id("zw-emulator-status")).getText());
                Path shot = DemoServer.BASEDIR.resolve("target/screenshots/signed-in.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));
            }
        }
    }

    @Test
    void anExpiredTokenIsReplacedByAFreshOneFromTheTokenEndpoint() throws Exception {
        try (DemoServer shortLived = new DemoServer(webapp -> webapp.addOverrideDescriptor(
                DemoServer.resource("short-lived.xml")));
                Chromium browser = new Chromium()) {
            browser.signIn(base(shortLived), "alice");
            browser.awaitVerified("1001");
            browser.awaitEvent("a refresh after the 3 s token expired", ofType("refresh"), Duration.ofSeconds(15));
            browser.awaitEvent("a second verified token", e -> "verified".equals(e.get("type"))
                    && browser.events().stream().filter(ofType("verified")).count() >= 2, Duration.ofSeconds(15));
            assertEquals(0, count(browser.events(), "rejected"), browser.events().toString());
        }
    }

    @Test
    void signingOutCallsLogoutUserOnTheNextPageAndNothingAfterThat(DemoServer demo) throws Exception {
        try (Chromium browser = new Chromium()) {
            browser.signIn(base(demo), "alice");
            browser.awaitVerified("1001");
            browser.open(base(demo) + "logout");
            browser.awaitEvent("logoutUser", ofType("logoutUser"), Duration.ofSeconds(10));
            settle();
            browser.open(base(demo));
            settle();
            List<Map<String, Object>> events = browser.events();
            assertEquals(0, count(events, "logoutUser"), events.toString());
            assertEquals(0, count(events, "loginUser"), events.toString());
        }
    }

    @Test
    void aSessionThatTimedOutLeadsToLogoutUserOnTheNextPage() throws Exception {
        try (DemoServer demo = new DemoServer(webapp -> { }).sessionTimeout(3);
                Chromium browser = new Chromium()) {
            browser.signIn(base(demo), "alice");
            browser.awaitVerified("1001");
            Thread.sleep(4500);
            browser.open(base(demo));
            browser.awaitEvent("logoutUser", ofType("logoutUser"), Duration.ofSeconds(10));
            assertEquals(0, count(browser.events(), "loginUser"));
        }
    }

    @Test
    void anotherVisitorOnTheSameBrowserIsSignedOutThenInAsThemselves(DemoServer demo) throws Exception {
        try (Chromium browser = new Chromium()) {
            browser.signIn(base(demo), "alice");
            browser.awaitVerified("1001");
            browser.open(base(demo) + "logout");
            browser.awaitEvent("logoutUser", ofType("logoutUser"), Duration.ofSeconds(10));
            browser.signIn(base(demo), "bob");
            browser.awaitVerified("1002");
            assertEquals(0, count(browser.events(), "rejected"));
        }
    }

    @Test
    void theBackButtonAfterSignOutDoesNotBringBackThePreviousVisitorsToken(DemoServer demo) throws Exception {
        try (Chromium browser = new Chromium()) {
            browser.signIn(base(demo), "alice");
            browser.awaitVerified("1001");
            Matcher m = TOKEN.matcher(browser.driver.getPageSource());
            assertTrue(m.find(), "the account page carried a token");
            String aliceToken = m.group(1);
            browser.open(base(demo) + "logout");
            browser.awaitEvent("logoutUser", ofType("logoutUser"), Duration.ofSeconds(10));
            browser.driver.navigate().back();
            settle();
            assertFalse(browser.driver.getPageSource().contains(aliceToken), "Alice's token came back from a cache");
            assertEquals(0, count(browser.events(), "verified"), browser.events().toString());
            assertTrue(browser.driver.getCurrentUrl().endsWith("/login"), browser.driver.getCurrentUrl());
        }
    }

    @Test
    void underAStrictNonceCspTheWidgetRunsWithoutAViolation(DemoServer demo) throws Exception {
        try (Chromium browser = new Chromium()) {
            browser.signIn(base(demo), "alice");
            browser.consoleMessages();
            browser.open(base(demo) + "csp");
            browser.awaitVerified("1001");
            assertEquals("The page's own script ran with the nonce.",
                    browser.driver.findElement(By.id("csp-check")).getText());
            List<String> console = browser.consoleMessages();
            assertTrue(console.stream().noneMatch(line -> line.contains("Content Security Policy")
                    || line.contains("Refused")), console.toString());
        }
    }

    @Test
    void withAnonymousFalseAnAnonymousVisitorLoadsNoWidgetScriptAtAll() throws Exception {
        try (DemoServer demo = new DemoServer(webapp -> webapp.addOverrideDescriptor(
                DemoServer.resource("no-anonymous.xml")));
                Chromium browser = new Chromium()) {
            browser.open(base(demo));
            settle();
            assertEquals(0, browser.driver.findElements(By.id("ze-snippet")).size());
            assertEquals(Boolean.TRUE, browser.driver.executeScript("return typeof window.zE === 'undefined';"));
            Object requested = browser.driver.executeScript("return performance.getEntriesByType('resource')"
                    + ".some(function(e){return e.name.indexOf('emulator') >= 0 || e.name.indexOf('zdassets') >= 0;});");
            assertEquals(Boolean.FALSE, requested, "no request for a widget script");
        }
    }

    @Test
    void jsonAndCsvReachTheBrowserExactlyAsTheApplicationWroteThem(DemoServer demo) throws Exception {
        Visitor plain = Visitor.signedIn(demo.withoutFilter(), "alice");
        byte[] json = plain.get("/api/orders").bytes();
        byte[] csv = plain.get("/export.csv").bytes();
        try (Chromium browser = new Chromium()) {
            browser.signIn(base(demo), "alice");
            browser.open(base(demo) + "api/orders");
            assertEquals(new String(json, StandardCharsets.UTF_8).strip(),
                    browser.driver.findElement(By.tagName("body")).getText().strip());
            for (Map.Entry<String, byte[]> expected : Map.of("api/orders", json, "export.csv", csv).entrySet()) {
                Object base64 = browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "fetch('/" + expected.getKey() + "').then(function(r){return r.arrayBuffer();})"
                        + ".then(function(b){var s='';new Uint8Array(b).forEach(function(x){s+=String.fromCharCode(x);});"
                        + "done(btoa(s));});");
                assertArrayEquals(expected.getValue(), Base64.getDecoder().decode((String) base64), expected.getKey());
            }
            assertNotEquals(0, csv.length);
        }
    }
}
