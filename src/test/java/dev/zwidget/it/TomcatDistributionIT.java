package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.zwidget.demo.Orders;
import dev.zwidget.demo.Users;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone Tomcat distributions (zips from Maven Central, unpacked by the build), each
 * started as its own process, the way an operator runs it, with the demo war of its world in a
 * fresh CATALINA_BASE: Tomcat 9 (javax, Servlet 4.0) runs the javax war with the single
 * {@code -javax-all} jar, Tomcat 10.1 (Jakarta Servlet 6.0) the jakarta war.
 */
class TomcatDistributionIT {

    @TempDir
    Path work;

    @Test
    void tomcat9RunsTheJavaxDemoWar() throws Exception {
        visitorFlow(System.getProperty("zwidget.tomcat9.home"), System.getProperty("zwidget.demo.javax.war"));
    }

    @Test
    void tomcat10RunsTheJakartaDemoWar() throws Exception {
        visitorFlow(System.getProperty("zwidget.tomcat10.home"), System.getProperty("zwidget.demo.war"));
    }

    private void visitorFlow(String homeProperty, String warProperty) throws Exception {
        Path home = Paths.get(homeProperty);
        Path war = Paths.get(warProperty);
        assertTrue(Files.isRegularFile(home.resolve("bin/bootstrap.jar")), "Tomcat unpacked at " + home);
        assertTrue(Files.isRegularFile(war), "demo war built at " + war);
        int port = freePort();
        Path base = catalinaBase(home, war, port);
        Path console = base.resolve("logs/console.log");
        Process tomcat = start(home, base, console);
        try {
            String root = "http://127.0.0.1:" + port;
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
            awaitUp(client, root + "/", tomcat);

            // Anonymous: the snippet, no token.
            HttpResponse<String> anonymous = get(client, root + "/");
            assertEquals(200, anonymous.statusCode());
            assertEquals(1, Spliced.count(anonymous.body(), "id=\"ze-snippet\""), anonymous.body());
            assertFalse(JettyBaseIT.TOKEN.matcher(anonymous.body()).find(), anonymous.body());

            // Sign in over HTTP: the account page (a servlet forwarding to a JSP) carries a token that verifies.
            HttpResponse<String> account = client.send(HttpRequest.newBuilder(URI.create(root + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=" + Users.PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, account.statusCode(), account.body());
            assertTrue(account.uri().getPath().endsWith("/account"), account.uri().toString());
            assertSignedIn(account.body());
            assertEquals(List.of("no-store, private"), account.headers().allValues("Cache-Control"));

            // The JSP tag (TLD from the library jar) and the Thymeleaf dialect place the widget themselves.
            for (String page : List.of("/tag", "/thymeleaf", "/dialect")) {
                HttpResponse<String> response = get(client, root + page);
                assertEquals(200, response.statusCode(), page + ": " + response.body());
                assertSignedIn(response.body());
            }

            // JSON passes through byte for byte.
            HttpResponse<byte[]> json = client.send(HttpRequest.newBuilder(URI.create(root + "/api/orders")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, json.statusCode());
            assertArrayEquals(Orders.json(Users.authenticate("alice", Users.PASSWORD)).getBytes(StandardCharsets.UTF_8),
                    json.body());

            // Sign out: the next page signs the widget out.
            HttpResponse<String> afterLogout = get(client, root + "/logout");
            assertEquals(200, afterLogout.statusCode());
            assertTrue(afterLogout.body().contains("zE('messenger','logoutUser')"), afterLogout.body());
            assertFalse(JettyBaseIT.TOKEN.matcher(afterLogout.body()).find(), afterLogout.body());
        } catch (AssertionError | Exception e) {
            System.err.println("---- " + home.getFileName() + " logs ----\n" + logTails(base));
            throw e;
        } finally {
            tomcat.destroy();
            if (!tomcat.waitFor(20, TimeUnit.SECONDS)) {
                tomcat.destroyForcibly();
            }
        }
    }

    private static void assertSignedIn(String body) {
        assertEquals(1, Spliced.count(body, "id=\"ze-snippet\""), body);
        Matcher m = JettyBaseIT.TOKEN.matcher(body);
        assertTrue(m.find(), body);
        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(JettyBaseIT.DEMO_SECRET)).withClaim("scope", "user").build()
                .verify(m.group(1));
        assertEquals("HS256", jwt.getAlgorithm());
        assertEquals(JettyBaseIT.DEMO_KEY_ID, jwt.getKeyId());
        assertEquals("1001", jwt.getClaim("external_id").asString());
    }

    /** A CATALINA_BASE of its own with the war as ROOT. */
    private Path catalinaBase(Path home, Path war, int port) throws IOException {
        Path base = newBase(home, work.resolve("base"), port);
        Files.copy(war, base.resolve("webapps/ROOT.war"));
        return base;
    }

    /**
     * A fresh CATALINA_BASE at {@code base}: the distribution's conf/ with the HTTP connector on
     * {@code port} of the loopback interface, no shutdown port and no AJP connector.
     */
    static Path newBase(Path home, Path base, int port) throws IOException {
        for (String dir : List.of("conf", "logs", "temp", "webapps", "work")) {
            Files.createDirectories(base.resolve(dir));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : conf.filter(Files::isRegularFile).collect(Collectors.toList())) {
                Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
            }
        }
        Path serverXml = base.resolve("conf/server.xml");
        String edited = Files.readString(serverXml)
                .replace("<Server port=\"8005\"", "<Server port=\"-1\"")
                .replace("<Connector port=\"8080\"", "<Connector port=\"" + port + "\" address=\"127.0.0.1\"")
                .replaceAll("(?s)<Connector protocol=\"AJP/1\\.3\".*?/>", "");
        assertTrue(edited.contains("port=\"" + port + "\"") && edited.contains("<Server port=\"-1\""), edited);
        Files.writeString(serverXml, edited);
        return base;
    }

    static Process start(Path home, Path base, Path console) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                // What catalina.sh passes on Java 9+ (its memory-leak protection reads JDK internals).
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED",
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                "-Dcatalina.home=" + home,
                "-Dcatalina.base=" + base,
                "-Djava.io.tmpdir=" + base.resolve("temp"),
                "-cp", home.resolve("bin/bootstrap.jar") + System.getProperty("path.separator")
                        + home.resolve("bin/tomcat-juli.jar"),
                "org.apache.catalina.startup.Bootstrap", "start"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        // The demo's web.xml falls back to its offline demo values only when these are not set.
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("ZENDESK_"));
        return builder.start();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void awaitUp(HttpClient client, String url, Process tomcat) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!tomcat.isAlive()) {
                throw new AssertionError("Tomcat exited with " + tomcat.exitValue());
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Tomcat did not answer in 60 s");
    }

    /** The last lines of every log of the base (console, catalina, localhost). */
    static String logTails(Path base) {
        StringBuilder tails = new StringBuilder();
        try (Stream<Path> logs = Files.list(base.resolve("logs"))) {
            for (Path log : logs.sorted().collect(Collectors.toList())) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
                tails.append("== ").append(log.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())))
                        .append('\n');
            }
        } catch (IOException e) {
            tails.append("(logs unreadable: ").append(e).append(')');
        }
        return tails.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
