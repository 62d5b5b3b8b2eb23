package dev.zwidget.demo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its chromedriver, with a fresh profile. Where the
 * browser is missing the tests are skipped with a message, unless {@code ZWIDGET_REQUIRE_BROWSER}
 * is {@code true} (CI sets it), where that is a failure: a browser test must never pass by not
 * running. The driver path is given explicitly, so Selenium never tries to download one.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of(System.getenv().getOrDefault("ZWIDGET_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("ZWIDGET_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final Path profile;
    final ChromeDriver driver;

    static void assumeInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("ZWIDGET_REQUIRE_BROWSER"))) {
            fail("ZWIDGET_REQUIRE_BROWSER=true but " + BROWSER + " or " + DRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "browser tests skipped: no " + BROWSER + " or " + DRIVER
                + " (apt-get install chromium chromium-driver, or set ZWIDGET_CHROMIUM/ZWIDGET_CHROMEDRIVER)");
    }

    Chromium() throws IOException {
        assumeInstalled();
        profile = Files.createTempDirectory("zw-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // The flags that work on these machines: no sandbox as root, and no background traffic,
        // which the closed network would refuse at every start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1200,800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    void open(String url) {
        driver.get(url);
    }

    void signIn(String base, String user) {
        driver.get(base + "login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        // A click does not wait for the navigation it starts: without this, the next get() can
        // race the form's POST and its redirect, and the later page load wins.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!(driver.getCurrentUrl().endsWith("/account")
                && "complete".equals(driver.executeScript("return document.readyState;")))) {
            if (System.nanoTime() > deadline) {
                fail("signing in as " + user + " did not reach /account: " + driver.getCurrentUrl());
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The emulator's event log of the current page. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events() {
        Object events = driver.executeScript("return (window.zwEmulator && window.zwEmulator.events) || [];");
        return new ArrayList<>((List<Map<String, Object>>) events);
    }

    /** Waits until the current page's log holds an event matching {@code wanted}; returns it. */
    Map<String, Object> awaitEvent(String description, Predicate<Map<String, Object>> wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Map<String, Object> event : events()) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            if (System.nanoTime() > deadline) {
                fail("no " + description + " within " + timeout + "; events: " + events());
            }
            Thread.sleep(100);
        }
    }

    Map<String, Object> awaitVerified(String externalId) throws InterruptedException {
        return awaitEvent("verified " + externalId, e -> "verified".equals(e.get("type"))
                && externalId.equals(e.get("externalId")), Duration.ofSeconds(15));
    }

    static Predicate<Map<String, Object>> ofType(String type) {
        return e -> type.equals(e.get("type"));
    }

    /** Browser console messages since the last call. */
    List<String> consoleMessages() {
        List<String> messages = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            messages.add(entry.getLevel() + " " + entry.getMessage());
        }
        return messages;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
