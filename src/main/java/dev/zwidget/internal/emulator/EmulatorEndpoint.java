package dev.zwidget.internal.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zwidget.internal.compat.Java8;
import dev.zwidget.internal.config.Secret;
import dev.zwidget.internal.config.SigningKey;
import dev.zwidget.internal.config.WidgetMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The server side of the offline emulator, in the directory of the token endpoint (for the
 * default {@code /zendesk-widget/token}: {@code /zendesk-widget}):
 *
 * <ul>
 *   <li>{@code GET {dir}/emulator.js}: the stand-in for Zendesk's snippet.js;</li>
 *   <li>{@code POST {dir}/emulator/verify}, the compact JWT as the body: {@code 200} with
 *       {@code {"ok":true,"externalId":…,"name":…,"email":…,"exp":…,"expiresIn":…}} or
 *       {@code {"ok":false,"reason":…}}, checked as Zendesk would by {@link EmulatorTokenCheck}.</li>
 * </ul>
 *
 * <p>The filter routes these two paths here only when {@code emulator=true}. Nothing here is
 * secret: the verify answer repeats claims the caller already holds in the token, or says why
 * the token is refused. Immutable and thread-safe.
 */
public final class EmulatorEndpoint {

    /** The classpath resource served as {@code emulator.js}. */
    static final String SCRIPT_RESOURCE = "/dev/zwidget/emulator/emulator.js";
    /** A compact JWT with a few claims is well under 1 KiB; anything this large is not a token. */
    static final int MAX_TOKEN_BYTES = 16 * 1024;

    private final String scriptPath;
    private final String verifyPath;
    private final byte[] script;
    private final TokenCheck check;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param tokenPath the validated token path; the emulator lives in its directory
     * @param mode which widget the script stands in for
     * @param secret the configured secret, to check signatures with
     * @param keys the configured signing keys (messenger mode; any of them verifies; unused in classic mode)
     * @param clock the filter's clock, so that tokens expire by the time that minted them
     */
    public EmulatorEndpoint(String tokenPath, WidgetMode mode, Secret secret, List<SigningKey> keys, Clock clock) {
        String dir = directoryOf(tokenPath);
        this.scriptPath = dir + "/emulator.js";
        this.verifyPath = dir + "/emulator/verify";
        this.script = loadScript(mode);
        this.check = mode == WidgetMode.CLASSIC ? new ChatTokenCheck(secret, clock)
                : new EmulatorTokenCheck(keys, clock);
        this.clock = clock;
    }

    /**
     * The URL a page loads the emulator from, without its query: the context path, the token
     * path's directory and {@code emulator.js}. Any character that could leave a double-quoted
     * HTML attribute, or is not ASCII, is percent-encoded (the token path is already restricted
     * to safe characters; the context path comes from the container).
     */
    public static String scriptUrl(String contextPath, String tokenPath) {
        String url = contextPath + directoryOf(tokenPath) + "/emulator.js";
        StringBuilder out = new StringBuilder(url.length());
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/%!$()*+,;=:@".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }

    /** {@code /zendesk-widget/token} gives {@code /zendesk-widget}; {@code /token} gives "". */
    static String directoryOf(String tokenPath) {
        return tokenPath.substring(0, tokenPath.lastIndexOf('/'));
    }

    /** Whether {@code pathInContext} is one of the two emulator paths. */
    public boolean handles(String pathInContext) {
        return scriptPath.equals(pathInContext) || verifyPath.equals(pathInContext);
    }

    /** Answers a request for one of the paths {@link #handles} accepts. */
    public void serve(String pathInContext, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (scriptPath.equals(pathInContext)) {
            serveScript(request, response);
        } else {
            serveVerify(request, response);
        }
    }

    private void serveScript(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean head = "HEAD".equals(request.getMethod());
        if (!head && !"GET".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            sendJson(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, error("method not allowed"));
            return;
        }
        // no-cache, not a long max-age: after an upgrade the browser must not keep an old emulator.
        response.setHeader("Cache-Control", "no-cache");
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/javascript;charset=UTF-8");
        response.setContentLength(script.length);
        if (!head) {
            response.getOutputStream().write(script);
        }
    }

    private void serveVerify(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            sendJson(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, error("method not allowed"));
            return;
        }
        byte[] body = Java8.readUpTo(request.getInputStream(), MAX_TOKEN_BYTES + 1);
        if (body.length > MAX_TOKEN_BYTES) {
            sendJson(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, error("the body is too large for a token"));
            return;
        }
        EmulatorVerdict verdict = check.check(Java8.strip(new String(body, StandardCharsets.UTF_8)));
        sendJson(response, HttpServletResponse.SC_OK, toJson(verdict));
    }

    private ObjectNode toJson(EmulatorVerdict verdict) {
        if (!verdict.ok()) {
            return error(verdict.reason());
        }
        ObjectNode out = json.createObjectNode().put("ok", true).put("externalId", verdict.externalId());
        if (verdict.name() != null) {
            out.put("name", verdict.name());
        }
        if (verdict.email() != null) {
            out.put("email", verdict.email());
        }
        if (verdict.exp() != null) {
            out.put("exp", verdict.exp());
            // Seconds left by the server's clock: the script times its refresh with this, so a
            // browser clock that is off cannot make it ask for tokens in a loop.
            out.put("expiresIn", verdict.exp() - clock.instant().getEpochSecond());
        }
        return out;
    }

    private ObjectNode error(String reason) {
        return json.createObjectNode().put("ok", false).put("reason", reason);
    }

    private void sendJson(HttpServletResponse response, int status, ObjectNode value) throws IOException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a JSON tree", e);
        }
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The script, told its mode: the account decides which widget Zendesk's one snippet URL serves. */
    private static byte[] loadScript(WidgetMode mode) {
        try (InputStream in = EmulatorEndpoint.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the emulator script " + SCRIPT_RESOURCE + " is missing from the jar");
            }
            byte[] script = Java8.readAll(in);
            if (mode == WidgetMode.MESSENGER) {
                return script;
            }
            String text = new String(script, StandardCharsets.UTF_8);
            String modeLine = "var MODE = 'messenger';";
            if (!text.contains(modeLine)) {
                throw new IllegalStateException("the emulator script " + SCRIPT_RESOURCE + " has no MODE line");
            }
            return text.replace(modeLine, "var MODE = '" + mode.paramValue() + "';").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the emulator script " + SCRIPT_RESOURCE, e);
        }
    }

    @Override
    public String toString() {
        return "EmulatorEndpoint[" + scriptPath + ", " + verifyPath + "]";
    }
}
