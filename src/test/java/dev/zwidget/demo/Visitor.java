package dev.zwidget.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One browser visiting the demo over HTTP: it keeps its cookies (the session, the filter's
 * sign-in marker) and does not follow redirects, so that tests see each response as sent.
 */
final class Visitor {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DemoServer server;
    private final HttpClient client;

    Visitor(DemoServer server) {
        this.server = server;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** A visitor signed in as {@code username} (password {@code demo}). */
    static Visitor signedIn(DemoServer server, String username) throws Exception {
        Visitor visitor = new Visitor(server);
        Page response = visitor.post("/login", Map.of("username", username, "password", Users.PASSWORD));
        assertEquals(302, response.status(), "sign-in redirects");
        assertEquals("/account", response.location());
        return visitor;
    }

    Page get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    Page post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A GET whose body the caller reads as it arrives. */
    HttpResponse<InputStream> stream(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), BodyHandlers.ofInputStream());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.uri(path)).timeout(TIMEOUT);
    }

    private Page send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, BodyHandlers.ofByteArray());
        return new Page(response.statusCode(), response.headers(), response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
