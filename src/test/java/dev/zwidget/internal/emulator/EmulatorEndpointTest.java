package dev.zwidget.internal.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.internal.config.Secret;
import dev.zwidget.internal.config.SigningKey;
import java.util.List;
import dev.zwidget.internal.config.WidgetMode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Where the emulator lives, and what its script must never do. */
class EmulatorEndpointTest {

    private static String script() throws Exception {
        try (InputStream in = EmulatorEndpoint.class.getResourceAsStream(EmulatorEndpoint.SCRIPT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void livesInTheTokenPathsDirectory() {
        EmulatorEndpoint endpoint = new EmulatorEndpoint("/zendesk-widget/token", WidgetMode.MESSENGER, Secret.of("s"),
                List.of(new SigningKey("app_1", Secret.of("s"))),
                Clock.systemUTC());
        assertTrue(endpoint.handles("/zendesk-widget/emulator.js"));
        assertTrue(endpoint.handles("/zendesk-widget/emulator/verify"));
        assertFalse(endpoint.handles("/zendesk-widget/token"));
        assertFalse(endpoint.handles("/zendesk-widget/emulator.js/x"));
        assertFalse(endpoint.handles("/emulator.js"));
        assertEquals("", EmulatorEndpoint.directoryOf("/token"));
        assertEquals("/a/b", EmulatorEndpoint.directoryOf("/a/b/token"));
    }

    @Test
    void theScriptUrlIsSafeInADoubleQuotedAttribute() {
        assertEquals("/shop/zendesk-widget/emulator.js", EmulatorEndpoint.scriptUrl("/shop", "/zendesk-widget/token"));
        assertEquals("/emulator.js", EmulatorEndpoint.scriptUrl("", "/token"));
        assertEquals("/a%22%3E%3Cb%20caf%C3%A9%26/x/emulator.js",
                EmulatorEndpoint.scriptUrl("/a\"><b caf\u00e9&", "/x/token"));
    }

    @Test
    void theScriptIsAsciiAndWritesTokenDataAsTextOnly() throws Exception {
        String script = script();
        assertTrue(script.chars().allMatch(c -> c < 128), "pure ASCII, whatever charset it is read with");
        for (String forbidden : new String[] {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("}) {
            assertFalse(script.contains(forbidden), forbidden);
        }
        for (String id : new String[] {"zw-emulator-launcher", "zw-emulator-panel", "zw-emulator-status"}) {
            assertTrue(script.contains("'" + id + "'"), id);
        }
        assertTrue(script.contains("if (window.zwEmulator) {"), "inert when loaded twice");
    }

    @Test
    void showsItsPathsButNotTheSecret() {
        String text = new EmulatorEndpoint("/t", WidgetMode.MESSENGER, Secret.of("very-secret-value"),
                List.of(new SigningKey("app_1", Secret.of("very-secret-value"))), Clock.systemUTC()).toString();
        assertEquals("EmulatorEndpoint[/emulator.js, /emulator/verify]", text);
    }
}
