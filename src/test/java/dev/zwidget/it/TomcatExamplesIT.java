package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tomcat's own {@code examples} application, as a user installs the filter into an existing
 * application: the single {@code -all} jar of the container's world copied into its
 * WEB-INF/lib next to an old Jackson (2.9, which the thin jar cannot run with), the README's
 * {@code web.xml} block added first among its filters, identity from its FORM login. One Tomcat
 * serves it so, a second one serves the untouched application: every page must be the same but
 * for the inserted block, async and non-blocking servlets included.
 */
class TomcatExamplesIT {

    static final String KEY_ID = "app_examples00000";
    static final String SECRET = "examples-shared-secret-for-this-test-only";
    static final String WIDGET_KEY = "0b8e2a5c-7d1f-4e3a-9c6b-5f2d8a1e4b7c";

    /** Pages whose bytes do not depend on the time or the session: compared byte for byte. */
    static final List<String> PAGES = List.of("/", "/index.html", "/servlets/index.html", "/jsp/index.html",
            "/servlets/servlet/HelloWorldExample", "/jsp/jsp2/el/basic-arithmetic.jsp",
            "/jsp/jsp2/simpletag/hello.jsp", "/servlets/images/code.gif", "/servlets/nonblocking/numberwriter",
            "/async/async0", "/async/async1", "/async/async2",
            "/async/async3");

    @TempDir
    Path work;

    @Test
    void tomcat9ExamplesWithTheJavaxAllJarNextToJackson29() throws Exception {
        examples("zwidget.tomcat9.home", "zwidget.jar.javax.all");
    }

    @Test
    void tomcat10ExamplesWithTheAllJarNextToJackson29() throws Exception {
        examples("zwidget.tomcat10.home", "zwidget.jar.all");
    }

    @Test
    void tomcat11ExamplesWithTheAllJarNextToJackson29() throws Exception {
        examples("zwidget.tomcat11.home", "zwidget.jar.all");
    }

    private void examples(String homeProperty, String jarProperty) throws Exception {
        Path home = Paths.get(System.getProperty(homeProperty));
        Path jar = Paths.get(System.getProperty(jarProperty));
        assertTrue(Files.isRegularFile(jar), "built: " + jar);
        int withPort = TomcatDistributionIT.freePort();
        int plainPort = TomcatDistributionIT.freePort();
        Path withBase = base(home, "with", withPort, jar);
        Path plainBase = base(home, "plain", plainPort, null);
        Process with = TomcatDistributionIT.start(home, withBase, withBase.resolve("logs/console.log"));
        Process plain = TomcatDistributionIT.start(home, plainBase, plainBase.resolve("logs/console.log"));
        try {
            String withRoot = "http://127.0.0.1:" + withPort + "/examples";
            String plainRoot = "http://127.0.0.1:" + plainPort + "/examples";
            TomcatDistributionIT.awaitUp(client(), withRoot + "/", with);
            TomcatDistributionIT.awaitUp(client(), plainRoot + "/", plain);
            for (String page : PAGES) {
                HttpResponse<byte[]> expected = get(client(), plainRoot + page);
                HttpResponse<byte[]> actual = get(client(), withRoot + page);
                try {
                    assertSameButForTheBlock(page, expected, actual);
                } catch (AssertionError e) {
                    throw new AssertionError(page + ": " + e.getMessage() + "\n--- without the filter:\n"
                            + new String(expected.body(), StandardCharsets.ISO_8859_1) + "\n--- with it:\n"
                            + new String(actual.body(), StandardCharsets.ISO_8859_1) + "\n" + actual.headers().map(), e);
                }
            }
            headAnnouncesWhatGetSends(withRoot + "/index.html");
            formLoginLeadsToAVerifyingTokenAndSignOutToLogoutUser(withRoot);
            assertFalse(TomcatDistributionIT.logTails(withBase).contains("Zendesk widget"),
                    "the filter logged no problem next to Jackson 2.9");
        } catch (AssertionError | Exception e) {
            System.err.println("---- " + home.getFileName() + " examples logs ----\n"
                    + TomcatDistributionIT.logTails(withBase));
            throw e;
        } finally {
            stop(with);
            stop(plain);
        }
    }

    private static void assertSameButForTheBlock(String page, HttpResponse<byte[]> expected,
            HttpResponse<byte[]> actual) {
        assertEquals(expected.statusCode(), actual.statusCode(), page);
        assertEquals(expected.headers().firstValue("Content-Type"), actual.headers().firstValue("Content-Type"), page);
        byte[] original = withoutTimes(expected.body());
        byte[] body = withoutTimes(actual.body());
        String text = new String(original, StandardCharsets.ISO_8859_1);
        boolean html = actual.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
        if (html && text.toLowerCase().contains("</body")) {
            String block = Spliced.insertedBlock(original, body);
            assertTrue(block.startsWith("<script id=\"ze-snippet\" src=\"https://static.zdassets.com/ekr/snippet.js?key="
                    + WIDGET_KEY + "\"></script>"), page + ": " + block);
        } else {
            assertArrayEquals(original, body, page);
        }
    }

    /** The async examples print the time they completed: the clock is the one difference allowed. */
    private static byte[] withoutTimes(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1)
                .replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}", "TIME")
                .replaceAll("\\d{2}:\\d{2}:\\d{2}", "TIME");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** HEAD of a page GET splices: the length GET sends, or none. */
    private static void headAnnouncesWhatGetSends(String url) throws Exception {
        HttpResponse<byte[]> get = get(client(), url);
        HttpResponse<Void> head = client().send(HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        head.headers().firstValue("Content-Length").ifPresent(length ->
                assertEquals(Integer.toString(get.body().length), length, "HEAD announces what GET sends"));
    }

    private static void formLoginLeadsToAVerifyingTokenAndSignOutToLogoutUser(String root) throws Exception {
        HttpClient browser = client();
        HttpResponse<byte[]> form = get(browser, root + "/jsp/security/protected/index.jsp");
        assertEquals(200, form.statusCode());
        assertTrue(new String(form.body(), StandardCharsets.UTF_8).contains("j_security_check"));
        HttpResponse<String> protectedPage = browser.send(HttpRequest.newBuilder(
                URI.create(root + "/jsp/security/protected/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=alice&j_password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, protectedPage.statusCode(), protectedPage.body());
        assertTrue(protectedPage.body().contains("alice"), protectedPage.body());
        assertEquals(List.of("no-store, private"), protectedPage.headers().allValues("Cache-Control"));
        verifies(protectedPage.body());
        verifies(new String(get(browser, root + "/").body(), StandardCharsets.UTF_8));

        get(browser, root + "/jsp/security/protected/index.jsp?logoff=true");
        String after = new String(get(browser, root + "/").body(), StandardCharsets.UTF_8);
        assertTrue(after.contains("zE('messenger','logoutUser')"), after);
        assertFalse(JettyBaseIT.TOKEN.matcher(after).find(), after);
    }

    private static void verifies(String body) {
        Matcher m = JettyBaseIT.TOKEN.matcher(body);
        assertTrue(m.find(), body);
        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(SECRET)).withClaim("scope", "user").build().verify(m.group(1));
        assertEquals(KEY_ID, jwt.getKeyId());
        assertEquals("alice", jwt.getClaim("external_id").asString());
    }

    /** A CATALINA_BASE with the distribution's examples app, a user for its FORM login, and (or not) the filter. */
    private Path base(Path home, String name, int port, Path jar) throws IOException {
        Path base = TomcatDistributionIT.newBase(home, work.resolve(name), port);
        Files.writeString(base.resolve("conf/tomcat-users.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<tomcat-users><role rolename=\"tomcat\"/>"
                + "<user username=\"alice\" password=\"demo\" roles=\"tomcat\"/></tomcat-users>\n");
        Path app = base.resolve("webapps/examples");
        copyTree(home.resolve("webapps/examples"), app);
        if (jar != null) {
            Path lib = Files.createDirectories(app.resolve("WEB-INF/lib"));
            Files.copy(jar, lib.resolve(jar.getFileName()));
            try (Stream<Path> jackson = Files.list(Paths.get(System.getProperty("zwidget.jackson29.dir")))) {
                for (Path old : jackson.collect(Collectors.toList())) {
                    Files.copy(old, lib.resolve(old.getFileName()));
                }
            }
            addFilter(app.resolve("WEB-INF/web.xml"));
        }
        return base;
    }

    /** The README's block, first among the application's filters. */
    private static void addFilter(Path webXml) throws IOException {
        String xml = Files.readString(webXml);
        String filter = "<filter>\n"
                + "        <filter-name>zendesk-widget</filter-name>\n"
                + "        <filter-class>dev.zwidget.ZendeskWidgetFilter</filter-class>\n"
                + "        <async-supported>true</async-supported>\n"
                + "        <init-param><param-name>widgetKey</param-name><param-value>" + WIDGET_KEY + "</param-value></init-param>\n"
                + "        <init-param><param-name>keyId</param-name><param-value>" + KEY_ID + "</param-value></init-param>\n"
                + "        <init-param><param-name>secret</param-name><param-value>" + SECRET + "</param-value></init-param>\n"
                + "    </filter>\n    <filter-mapping>\n"
                + "        <filter-name>zendesk-widget</filter-name>\n        <url-pattern>/*</url-pattern>\n"
                + "    </filter-mapping>\n    ";
        int first = xml.indexOf("<filter>");
        assertTrue(first > 0, "the examples app declares filters");
        Files.writeString(webXml, xml.substring(0, first) + filter + xml.substring(first));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.collect(Collectors.toList());
        }
        for (Path source : all) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target);
            }
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<byte[]> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void stop(Process tomcat) throws InterruptedException {
        tomcat.destroy();
        if (!tomcat.waitFor(20, TimeUnit.SECONDS)) {
            tomcat.destroyForcibly();
        }
    }
}
