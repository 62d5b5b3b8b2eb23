package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.WidgetUser;
import dev.zwidget.internal.config.Secret;
import dev.zwidget.internal.token.TokenMinter;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code emulator=true}: the offline stand-in for Zendesk's widget, through embedded Jetty. */
class EmulatorTest {

    private static final String SCRIPT = "/zendesk-widget/emulator.js";
    private static final String VERIFY = "/zendesk-widget/emulator/verify";
    private static final String PAGE = "<!DOCTYPE html><html><head><title>t</title></head><body><p>hi</p></body></html>";

    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = withPage(new WidgetServer().param("emulator", "true")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static WidgetServer withPage(WidgetServer s) {
        return s.page("/page", (req, res) -> {
            res.setContentType("text/html;charset=UTF-8");
            if (req.getParameter("nonce") != null) {
                res.setHeader("Content-Security-Policy", "script-src 'nonce-" + req.getParameter("nonce") + "'");
            }
            res.getWriter().write(PAGE);
        });
    }

    /** POSTs {@code body} as text/plain; WidgetServer's own requests carry no body. */
    private static HttpTester.Response post(WidgetServer target, String path, String body) throws Exception {
        return target.postText(path, body);
    }

    private static Map<String, Object> verify(String token) throws Exception {
        HttpTester.Response response = post(server, VERIFY, token);
        assertEquals(200, response.getStatus(), response.getContent());
        assertEquals("application/json;charset=utf-8", response.get("Content-Type").replace(" ", "").toLowerCase());
        assertEquals("no-store", response.get("Cache-Control"));
        assertEquals(response.getContentBytes().length, response.getLongField("Content-Length"));
        return Tokens.json(response.getContent());
    }

    private static String signedInPageToken(WidgetServer target) throws Exception {
        Browser browser = new Browser(target);
        browser.get("/login?user=alice");
        return Tokens.inPage(browser.get("/page").getContent());
    }

    private static String minted(String keyId, String secret, Instant at) {
        TokenMinter minter = new TokenMinter(keyId, Secret.of(secret), Duration.ofMinutes(5),
                Clock.fixed(at, ZoneOffset.UTC));
        return minter.mint(WidgetUser.of("1001").withName("Alice"));
    }

    @Test
    void theSnippetTagLoadsTheEmulatorInsteadOfZendesk() throws Exception {
        String anonymous = server.get("/page").getContent();
        assertTrue(anonymous.contains("<script id=\"ze-snippet\" src=\"/app" + SCRIPT + "?key="
                + WidgetServer.WIDGET_KEY + "\"></script></body>"), anonymous);
        assertFalse(anonymous.contains("zdassets"), anonymous);

        Browser browser = new Browser(server);
        browser.get("/login?user=alice");
        String signedIn = browser.get("/page?nonce=Em7nonce").getContent();
        assertTrue(signedIn.contains("<script id=\"ze-snippet\" nonce=\"Em7nonce\" src=\"/app" + SCRIPT + "?key="),
                signedIn);
        assertTrue(signedIn.contains("zE('messenger','loginUser'"), signedIn);
    }

    @Test
    void servesTheScriptWithItsTypeAndExactLength() throws Exception {
        byte[] expected;
        try (InputStream in = EmulatorTest.class.getResourceAsStream("/dev/zwidget/emulator/emulator.js")) {
            expected = in.readAllBytes();
        }
        HttpTester.Response response = server.get(SCRIPT);
        assertEquals(200, response.getStatus());
        assertEquals("application/javascript;charset=utf-8",
                response.get("Content-Type").replace(" ", "").toLowerCase());
        assertEquals("no-cache", response.get("Cache-Control"));
        assertEquals(expected.length, response.getLongField("Content-Length"));
        assertArrayEquals(expected, response.getContentBytes());

        HttpTester.Response head = server.request("HEAD", SCRIPT);
        assertEquals(200, head.getStatus());
        assertEquals(expected.length, head.getLongField("Content-Length"));
    }

    @Test
    void acceptsTheTokenOfASignedInPage() throws Exception {
        Map<String, Object> answer = verify(signedInPageToken(server));
        assertEquals(WidgetServer.NOW.getEpochSecond() + 300, ((Number) answer.remove("exp")).longValue());
        assertEquals(Map.of("ok", true, "externalId", "1001", "name", "Alice", "email", "alice@example.com",
                "expiresIn", 300), answer);
    }

    @Test
    void rejectsATokenSignedWithAnotherSecret() throws Exception {
        assertEquals(Map.of("ok", false, "reason", "bad signature"),
                verify(minted(WidgetServer.KEY_ID, "the-chat-secret", WidgetServer.NOW)));
    }

    @Test
    void rejectsATokenWithAnotherKeyId() throws Exception {
        assertEquals(Map.of("ok", false, "reason", "unknown kid 'app_rotated_away'"),
                verify(minted("app_rotated_away", WidgetServer.SECRET, WidgetServer.NOW)));
    }

    @Test
    void rejectsATokenThatExpiredByTheFiltersClock() throws Exception {
        Instant anHourAgo = WidgetServer.NOW.minusSeconds(3600);
        try (WidgetServer past = withPage(new WidgetServer().param("emulator", "true"))
                .clock(Clock.fixed(anHourAgo, ZoneOffset.UTC)).start()) {
            String token = signedInPageToken(past);
            assertEquals(true, Tokens.json(post(past, VERIFY, token).getContent()).get("ok"),
                    "valid for the server that minted it, at its own time");
            assertEquals(Map.of("ok", false, "reason", "expired at " + anHourAgo.plusSeconds(300)), verify(token));
        }
    }

    @Test
    void rejectsAlgNone() throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String token = b64.encodeToString(("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + WidgetServer.KEY_ID + "\"}")
                .getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"scope\":\"user\",\"external_id\":\"1001\"}".getBytes(StandardCharsets.UTF_8))
                + ".";
        assertEquals(Map.of("ok", false, "reason", "alg must be HS256, got 'none'"), verify(token));
    }

    @Test
    void answersOtherMethodsWith405AndHugeBodiesWith413() throws Exception {
        HttpTester.Response get = server.get(VERIFY);
        assertEquals(405, get.getStatus());
        assertEquals("POST", get.get("Allow"));
        HttpTester.Response postScript = post(server, SCRIPT, "x");
        assertEquals(405, postScript.getStatus());
        assertEquals("GET, HEAD", postScript.get("Allow"));
        assertEquals(413, post(server, VERIFY, "a".repeat(20_000)).getStatus());
    }

    @Test
    void followsACustomTokenPath() throws Exception {
        try (WidgetServer custom = withPage(new WidgetServer().param("emulator", "true")
                .param("tokenPath", "/support/jwt")).start()) {
            assertTrue(custom.get("/page").getContent().contains("src=\"/app/support/emulator.js?key="));
            assertEquals(200, custom.get("/support/emulator.js").getStatus());
            assertEquals(404, custom.get(SCRIPT).getStatus());
            assertEquals(true, Tokens.json(post(custom, "/support/emulator/verify", signedInPageToken(custom))
                    .getContent()).get("ok"));
        }
    }

    @Test
    void withoutEmulatorTheFilterServesNeitherPathAndLoadsZendesk() throws Exception {
        try (WidgetServer plain = withPage(new WidgetServer()).start();
                WidgetServer bare = new WidgetServer().withoutFilter().start()) {
            assertEquals(404, plain.get(SCRIPT).getStatus());
            // Jetty's own answer for an unmapped path: 404 for GET, 405 for POST.
            HttpTester.Response verify = post(plain, VERIFY, signedInPageToken(plain));
            assertEquals(post(bare, VERIFY, "x").getStatus(), verify.getStatus());
            assertFalse(verify.getContent().contains("\"ok\""), verify.getContent());
            assertTrue(plain.get("/page").getContent().contains(
                    "src=\"https://static.zdassets.com/ekr/snippet.js?key=" + WidgetServer.WIDGET_KEY + "\""));
        }
    }

    @Test
    void warnsOnceAtStartThatTheEmulatorIsOn() throws Exception {
        Logger logger = Logger.getLogger("dev.zwidget.ZendeskWidgetFilter");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // The INFO start line lists every setting, emulator=… included: only warnings count.
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            new WidgetServer().start().close();
            assertTrue(records.stream().noneMatch(r -> r.getMessage().contains("emulator")), "off: no warning");
            new WidgetServer().param("emulator", "true").start().close();
        } finally {
            logger.removeHandler(handler);
        }
        List<LogRecord> warnings = records.stream().filter(r -> r.getMessage().contains("emulator")).toList();
        assertEquals(1, warnings.size());
        assertEquals(Level.WARNING, warnings.get(0).getLevel());
        assertEquals("ZendeskWidgetFilter 'zendesk-widget': emulator mode is on: Zendesk's widget is replaced by "
                + "an offline stand-in; never use this in production", warnings.get(0).getMessage());
        assertFalse(warnings.get(0).getMessage().contains(WidgetServer.SECRET));
    }
}
