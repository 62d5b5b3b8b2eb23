package dev.zwidget.demo;

import static dev.zwidget.demo.Chromium.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Classic Web Widget deployment (the demo with {@code classic.xml}) and the Help Center
 * single sign-on round trip, in a real browser against the demo in emulator mode: what the
 * emulator verified, and what its stand-in for Zendesk's {@code /access/jwt} received.
 */
@ExtendWith(DemoServer.Extension.class)
class ClassicAndSsoBrowserFlowsTest {

    private static final String HELP_CENTER = "https://demo.zendesk.com/hc/en-us";
    private static final String SSO = "zendesk-widget/sso?return_to=";

    private static String base(DemoServer demo) {
        return demo.uri("/").toString();
    }

    private static DemoServer classicDemo() throws Exception {
        return new DemoServer(webapp -> webapp.addOverrideDescriptor(DemoServer.resource("classic.xml")));
    }

    @Test
    void inClassicModeASignedInVisitorIsVerifiedThroughJwtFnWithAChatToken() throws Exception {
        try (DemoServer demo = classicDemo(); Chromium browser = new Chromium()) {
            browser.signIn(base(demo), "alice");
            browser.awaitVerified("1001");
            List<Map<String, Object>> events = browser.events();
            assertEquals("classic", browser.driver.executeScript("return window.zwEmulator.mode;"));
            assertEquals(1, events.stream().filter(ofType("jwtFn")).count(), events.toString());
            assertEquals(0, events.stream().filter(ofType("rejected")).count(), events.toString());
            assertEquals(0, events.stream().filter(ofType("unsupported")).count(), events.toString());
            // zESettings is read once at boot: the settings script must stand before the snippet.
            assertEquals(Boolean.TRUE, browser.driver.executeScript("var s=document.getElementById('ze-snippet');"
                    + "var p=s.previousElementSibling;return p.tagName==='SCRIPT'&&p.textContent.indexOf('zESettings')>=0;"));
            browser.driver.findElement(By.id("zw-emulator-launcher")).click();
            assertEquals("Signed in as Alice \u2014 external_id 1001 \u2713",
                    browser.driver.findElement(By.id("zw-emulator-status")).getText());
        }
    }

    @Test
    void inClassicModeSigningOutCallsTheWebWidgetLogoutOnTheNextPage() throws Exception {
        try (DemoServer demo = classicDemo(); Chromium browser = new Chromium()) {
            browser.signIn(base(demo), "alice");
            browser.awaitVerified("1001");
            browser.open(base(demo) + "logout");
            browser.awaitEvent("zE('webWidget','logout')", ofType("logout"), Duration.ofSeconds(10));
            Thread.sleep(1500);
            browser.open(base(demo));
            Thread.sleep(1500);
            List<Map<String, Object>> events = browser.events();
            assertEquals(0, events.stream().filter(ofType("logout")).count(), "signed out once: " + events);
            assertEquals(0, events.stream().filter(ofType("jwtFn")).count(), events.toString());
        }
    }

    @Test
    void aSignedInVisitorFollowsTheHelpCenterLinkAndIsSignedInThere(DemoServer demo) throws Exception {
        try (Chromium browser = new Chromium()) {
            browser.signIn(base(demo), "alice");
            browser.driver.findElement(By.id("help-center")).click();
            WebElement result = awaitStandIn(browser);
            assertEquals("signedIn", result.getAttribute("data-state"), result.getText());
            assertEquals("Signed in to the Help Center as Alice (alice@example.com) \u2014 external_id 1001 \u2713",
                    result.getText());
            assertEquals(HELP_CENTER, browser.driver.findElement(By.id("zw-sso-return-to")).getAttribute("data-url"));
        }
    }

    @Test
    void aVisitorWhoIsNotSignedInSignsInFirstAndComesBackToTheHelpCenter(DemoServer demo) throws Exception {
        try (Chromium browser = new Chromium()) {
            browser.open(base(demo) + SSO + "https%3A%2F%2Fdemo.zendesk.com%2Fhc%2Fen-us%2Frequests");
            assertTrue(browser.driver.getCurrentUrl().contains("/login?next="), browser.driver.getCurrentUrl());
            browser.driver.findElement(By.name("username")).sendKeys("bob");
            browser.driver.findElement(By.name("password")).sendKeys("demo");
            browser.driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
            WebElement result = awaitStandIn(browser);
            assertEquals("Signed in to the Help Center as Bob (bob@example.com) \u2014 external_id 1002 \u2713",
                    result.getText());
            assertEquals(HELP_CENTER + "/requests",
                    browser.driver.findElement(By.id("zw-sso-return-to")).getAttribute("data-url"));
        }
    }

    @Test
    void aReturnToOnAnotherHostIsDroppedAndNeverFollowed(DemoServer demo) throws Exception {
        try (Chromium browser = new Chromium()) {
            browser.signIn(base(demo), "alice");
            browser.open(base(demo) + SSO + "https%3A%2F%2Fevil.example%2Fhc");
            WebElement result = awaitStandIn(browser);
            assertEquals("signedIn", result.getAttribute("data-state"), result.getText());
            assertEquals("", browser.driver.findElement(By.id("zw-sso-return-to")).getAttribute("data-url"));
            assertTrue(browser.driver.getCurrentUrl().startsWith(base(demo)), browser.driver.getCurrentUrl());
        }
    }

    /** Waits for the page the SSO form posted to: the emulator's stand-in for Zendesk's /access/jwt. */
    private static WebElement awaitStandIn(Chromium browser) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (browser.driver.getCurrentUrl().contains("/zendesk-widget/sso/access/jwt")) {
                List<WebElement> found = browser.driver.findElements(By.id("zw-sso-result"));
                if (!found.isEmpty()) {
                    return found.get(0);
                }
            }
            Thread.sleep(100);
        }
        fail("the SSO form did not reach the stand-in: " + browser.driver.getCurrentUrl() + "\n"
                + browser.driver.getPageSource());
        return null;
    }
}
