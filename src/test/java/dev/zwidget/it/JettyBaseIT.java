package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone Jetty distribution (jetty-home, fetched from Maven Central by the build) started
 * as its own process with this repository's {@code jetty-base/}, serving the demo war: a visitor
 * signs in over HTTP and the page carries the snippet and a token that verifies.
 */
class JettyBaseIT {

    static final String DEMO_SECRET = "demo-secret-do-not-use-in-production";
    static final String DEMO_KEY_ID = "app_demo0000000000";
    static final Pattern TOKEN = Pattern.compile("var jwt='([A-Za-z0-9_.-]+)'");

    @TempDir
    Path work;

    @Test
    void theDemoOnAStandaloneJettySignsTheVisitorInToTheWidget() throws Exception {
        Path jettyHome = Paths.get(System.getProperty("zwidget.jetty.home"));
        Path war = Paths.get(System.getProperty("zwidget.demo.war"));
        Path base = Paths.get(System.getProperty("zwidget.jetty.base"));
        assertTrue(Files.isRegularFile(jettyHome.resolve("start.jar")), "jetty-home unpacked at " + jettyHome);
        assertTrue(Files.isRegularFile(war), "demo war built at " + war);
        int port = freePort();
        Path log = work.resolve("jetty.log");
        Process jetty = new ProcessBuilder(javaBinary(), "-jar", jettyHome.resolve("start.jar").toString(),
                "jetty.base=" + base, "jetty.http.port=" + port, "jetty.http.host=127.0.0.1",
                "zwidget.demo.war=" + war)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
            String root = "http://127.0.0.1:" + port;
            awaitUp(client, root + "/", jetty, log);

            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(root + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=demo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.uri().getPath().endsWith("/account"), page.uri().toString());
            String body = page.body();
            assertEquals(1, Spliced.count(body, "id=\"ze-snippet\""), body);
            Matcher m = TOKEN.matcher(body);
            assertTrue(m.find(), body);
            DecodedJWT jwt = JWT.require(Algorithm.HMAC256(DEMO_SECRET)).withClaim("scope", "user").build()
                    .verify(m.group(1));
            assertEquals(DEMO_KEY_ID, jwt.getKeyId());
            assertEquals("1001", jwt.getClaim("external_id").asString());
            assertEquals(List.of("no-store, private"), page.headers().allValues("Cache-Control"));
        } finally {
            jetty.destroy();
            if (!jetty.waitFor(20, TimeUnit.SECONDS)) {
                jetty.destroyForcibly();
            }
        }
    }

    private static void awaitUp(HttpClient client, String url, Process jetty, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!jetty.isAlive()) {
                throw new AssertionError("Jetty exited:\n" + Files.readString(log));
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Jetty did not answer in 90 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }
}
