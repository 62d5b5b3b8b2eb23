package dev.zwidget.demo;

import static dev.zwidget.demo.Chromium.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WindowType;

/**
 * Key rotation, the widget settings and sign-out in every tab, in Chromium against the demo with
 * the override descriptors {@code rotation-*.xml} and {@code widget-settings.xml}.
 */
class RotationAndTabsBrowserFlowsTest {

    private static final Pattern TOKEN = Pattern.compile("var jwt='([A-Za-z0-9_.-]+)'");
    private static final String OLD_KID = "app_demo0000000000";
    private static final String OLD_SECRET = "demo-secret-do-not-use-in-production";
    private static final String NEW_KID = "app_demo1111111111";
    private static final String NEW_SECRET = "demo-new-secret-do-not-use-in-production";

    private static DemoServer demo(String descriptor) throws Exception {
        return new DemoServer(webapp -> webapp.addOverrideDescriptor(DemoServer.resource(descriptor)));
    }

    private static String base(DemoServer demo) {
        return demo.uri("/").toString();
    }

    /** The page's token, verified with java-jwt by the key it must be signed with, every claim asserted. */
    private static String verifiedToken(Chromium browser, String kid, String secret) {
        return verifiedToken(browser, kid, secret, "1001");
    }

    private static String verifiedToken(Chromium browser, String kid, String secret, String externalId) {
        Matcher m = TOKEN.matcher(browser.driver.getPageSource());
        assertTrue(m.find(), "the page carries a token");
        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(secret)).withClaim("scope", "user")
                .withClaim("external_id", externalId).withClaim("name", "Alice").withClaim("email", "alice@example.com")
                .withClaim("email_verified", false).build().verify(m.group(1));
        assertEquals(kid, jwt.getKeyId());
        assertEquals(300, jwt.getExpiresAtAsInstant().getEpochSecond() - jwt.getIssuedAtAsInstant().getEpochSecond());
        return m.group(1);
    }

    private static long count(Chromium browser, String type) {
        return browser.events().stream().filter(ofType(type)).count();
    }

    private static List<String> sets(Chromium browser, String name) {
        return browser.events().stream().filter(e -> "set".equals(e.get("type")) && name.equals(e.get("name")))
                .map(e -> (String) e.get("value")).collect(Collectors.toList());
    }

    @Test
    void switchingTheActiveKeyChangesTheKidWhileTokensOfBothKeysVerifyAndNobodyIsSignedOut() throws Exception {
        try (Chromium browser = new Chromium()) {
            String oldToken;
            try (DemoServer step2 = demo("rotation-old-active.xml")) {
                browser.signIn(base(step2), "alice");
                browser.awaitVerified("1001");
                oldToken = verifiedToken(browser, OLD_KID, OLD_SECRET);
            }
            try (DemoServer step3 = demo("rotation-new-active.xml")) {
                // The same browser, with the marker cookie the old key made (cookies ignore the port).
                browser.signIn(base(step3), "alice");
                browser.awaitVerified("1001");
                verifiedToken(browser, NEW_KID, NEW_SECRET);
                assertEquals(0, count(browser, "logoutUser"), "the old key's marker still counts: "
                        + browser.events());
                // A token of the old key, as a page still open since before the switch holds, still verifies.
                browser.driver.executeScript("zE('messenger','loginUser',function(cb){cb(arguments[0]);});"
                        .replace("arguments[0]", "'" + oldToken + "'"));
                browser.awaitEvent("a second verified token", e -> count(browser, "verified") >= 2,
                        Duration.ofSeconds(10));
                assertEquals(0, count(browser, "rejected"), browser.events().toString());
            }
        }
    }

    @Test
    void theWidgetLearnsTheFieldTagsLocaleAndCookieConsentThroughSetCalls() throws Exception {
        try (DemoServer demo = demo("widget-settings.xml"); Chromium browser = new Chromium()) {
            browser.open(base(demo));
            browser.awaitEvent("the cookies setting", e -> "set".equals(e.get("type")), Duration.ofSeconds(10));
            String language = (String) browser.driver.executeScript("return navigator.language;");
            assertEquals(List.of("false"), sets(browser, "cookies"), "no consent yet");
            assertEquals(List.of("\"" + language + "\""), sets(browser, "locale"), "the browser's Accept-Language");
            assertEquals(List.of(), sets(browser, "conversationFields"), "an anonymous visitor has no user object");

            browser.driver.manage().addCookie(new Cookie("demo_consent", "yes"));
            browser.signIn(base(demo), "alice");
            browser.awaitVerified("1001");
            assertEquals(List.of("true"), sets(browser, "cookies"));
            assertEquals(List.of("[{\"id\":\"360001\",\"value\":\"Alice\"}]"), sets(browser, "conversationFields"));
            assertEquals(List.of("[\"alice@example.com\"]"), sets(browser, "conversationTags"));
            Map<?, ?> settings = (Map<?, ?>) browser.driver.executeScript("return window.zwEmulator.settings;");
            assertEquals(Boolean.TRUE, settings.get("cookies"));
        }
    }

    @Test
    void aSignOutInOneTabSignsTheWidgetOutInTheOtherWithinASecondAndASignInSignsItBackIn() throws Exception {
        try (DemoServer demo = demo("widget-settings.xml"); Chromium browser = new Chromium()) {
            browser.signIn(base(demo), "alice");
            browser.awaitVerified("1001");
            String first = browser.driver.getWindowHandle();
            browser.driver.switchTo().newWindow(WindowType.TAB);
            String second = browser.driver.getWindowHandle();
            browser.open(base(demo) + "logout");
            Map<String, Object> signedOut = browser.awaitEvent("logoutUser", ofType("logoutUser"), Duration.ofSeconds(10));

            browser.driver.switchTo().window(first);
            Map<String, Object> followed = browser.awaitEvent("logoutUser in the first tab", ofType("logoutUser"),
                    Duration.ofSeconds(5));
            long lag = ((Number) followed.get("at")).longValue() - ((Number) signedOut.get("at")).longValue();
            assertTrue(lag >= 0 && lag < 1000, "the first tab followed after " + lag + " ms");

            browser.driver.switchTo().window(second);
            browser.signIn(base(demo), "bob");
            Map<String, Object> signedIn = browser.awaitEvent("loginUser", ofType("loginUser"), Duration.ofSeconds(10));
            browser.awaitVerified("1002");
            browser.driver.switchTo().window(first);
            browser.awaitVerified("1002");
            Map<String, Object> login = browser.events().stream().filter(ofType("loginUser")).reduce((a, b) -> b)
                    .orElseThrow();
            long loginLag = ((Number) login.get("at")).longValue() - ((Number) signedIn.get("at")).longValue();
            assertTrue(loginLag >= 0 && loginLag < 1000, "the first tab signed in after " + loginLag + " ms");
            assertEquals(0, count(browser, "rejected"), browser.events().toString());
        }
    }

    @Test
    void eachHostIsItsOwnBrandWithItsWidgetKeySigningKeyExternalIdAndSignOut() throws Exception {
        try (DemoServer demo = demo("brands.xml"); Chromium browser = new Chromium()) {
            String beta = base(demo).replace("127.0.0.1", "localhost");
            browser.signIn(base(demo), "alice");
            browser.awaitVerified("1001");
            verifiedToken(browser, OLD_KID, OLD_SECRET);
            assertEquals("demo-widget-key", browser.driver.executeScript("return window.zwEmulator.key;"));

            String first = browser.driver.getWindowHandle();
            browser.driver.switchTo().newWindow(WindowType.TAB);
            browser.signIn(beta, "alice");
            browser.awaitVerified("beta-1001");
            verifiedToken(browser, "app_demo2222222222", "demo-beta-secret-do-not-use-in-production", "beta-1001");
            assertEquals("demo-beta-widget-key", browser.driver.executeScript("return window.zwEmulator.key;"));

            browser.open(beta + "logout");
            browser.awaitEvent("logoutUser on the beta brand", ofType("logoutUser"), Duration.ofSeconds(10));
            browser.driver.switchTo().window(first);
            browser.open(base(demo) + "account");
            browser.awaitVerified("1001");
            assertEquals(0, count(browser, "logoutUser"), "the other brand's sign-out is not this one's");
        }
    }
}
