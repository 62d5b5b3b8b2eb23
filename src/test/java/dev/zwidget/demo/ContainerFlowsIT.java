package dev.zwidget.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.interfaces.DecodedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The demo war in real containers from Maven Central, over HTTP: Tomcat 9 and Jetty 12 ee8
 * run the javax flavour, Tomcat 10.1 and 11 the jakarta one. Each container runs in a class
 * loader of its own ({@link EmbeddedContainer}), one after the other, with two copies of the
 * war deployed at the same context path {@value #CONTEXT}: the demo as shipped, and the same
 * demo with the filter's {@code enabled=false}, the baseline for "what the application wrote".
 */
class ContainerFlowsIT {

    static final String CONTEXT = "/demo";
    static final User BOB = new User(1002L, "Bob", "bob@example.com");
    /** The demo's key id, web.xml's default (JettyBaseIT checks the same). */
    private static final String DEMO_KEY_ID = "app_demo0000000000";
    private static final String TOKEN_PATH = "/zendesk-widget/token";
    private static final String LOGOUT_CALL = "zE('messenger','logoutUser')";
    private static final String LOGOUT_THEN_LOGIN = "zE('messenger','logoutUser');zE('messenger','loginUser',";
    private static final Path WORK = DemoServer.BASEDIR.resolve("target/container-flows");

    @TestFactory
    Stream<DynamicNode> theDemoInEachContainer() {
        return Arrays.stream(EmbeddedContainer.values()).map(container -> {
            Deployment deployment = new Deployment(container);
            List<DynamicNode> steps = new ArrayList<>();
            steps.add(step("starts with the demo deployed at " + CONTEXT + ", filter on and filter off",
                    deployment::start));
            steps.add(step(container, "an anonymous visitor gets the snippet and no token, before </body>",
                    deployment.then(ContainerFlowsIT::anonymousVisitorGetsTheSnippetAlone)));
            steps.add(step(container, "JSON, a CSV download, an error and a redirect are byte-identical to the filter off",
                    deployment.then(ContainerFlowsIT::nonPagesPassThroughUntouched)));
            steps.add(step(container, "alice signs in with the form; her account page carries her token, never cached",
                    deployment.then(ContainerFlowsIT::signInPutsAVerifiedTokenOnTheAccountPage)));
            steps.add(step(container, "the token endpoint hands alice a fresh token, and 401 once she signed out",
                    deployment.then(ContainerFlowsIT::tokenEndpointFollowsTheSession)));
            steps.add(step(container, "the first page after signing out calls logoutUser, the page after it nothing",
                    deployment.then(ContainerFlowsIT::signOutCallsLogoutUserOnce)));
            steps.add(step(container, "bob signing in after alice on the same browser: logoutUser, then a token for 1002",
                    deployment.then(ContainerFlowsIT::aSecondVisitorSignsTheFirstOneOut)));
            steps.add(step(container, "an asynchronous page answers 200 in full, with the widget's block before </body>",
                    deployment.then(ContainerFlowsIT::anAsyncPageIsServedWhole)));
            steps.add(step("stops", deployment::stop));
            return DynamicContainer.dynamicContainer(container.label + " (" + container.namespace.name().toLowerCase()
                    + ")", steps.stream());
        });
    }

    private static DynamicTest step(String name, Executable body) {
        return DynamicTest.dynamicTest(name, body);
    }

    private static DynamicTest step(EmbeddedContainer container, String name, Executable body) {
        return DynamicTest.dynamicTest(name, body);
    }

    // ---- the flows ----------------------------------------------------------------------

    static void anonymousVisitorGetsTheSnippetAlone(Deployment d) throws Exception {
        Page page = new Client(d.demo).get("/");
        Widget.assertAnonymous(page);
        Page original = new Client(d.plain).get("/");
        assertEquals(200, original.status());
        assertEquals(0, original.snippets(), "the filter off adds nothing");
        String block = Widget.insertedBeforeBodyEnd(original.bytes(), page.bytes());
        assertEquals(1, Page.count(block, Page.SNIPPET_ID), block);
        // The context path is in every URL the filter writes: here, the emulator's script.
        assertTrue(block.contains("src=\"" + CONTEXT + "/zendesk-widget/emulator.js?key="), block);
        assertTrue(page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("zwidget_")),
                "an anonymous visitor gets no cookie from the filter: " + page.headers().allValues("Set-Cookie"));
    }

    static void nonPagesPassThroughUntouched(Deployment d) throws Exception {
        Client alice = Client.signedIn(d.demo, "alice");
        Client aliceWithoutFilter = Client.signedIn(d.plain, "alice");

        Page json = alice.get("/api/orders");
        assertEquals(200, json.status());
        assertArrayEquals(Orders.json(Widget.ALICE).getBytes(UTF_8), json.bytes(), json::text);
        assertSame(d, aliceWithoutFilter.get("/api/orders"), json);

        Page csv = alice.get("/export.csv");
        assertEquals(200, csv.status());
        assertArrayEquals(Orders.csv(Widget.ALICE).getBytes(UTF_8), csv.bytes(), csv::text);
        assertEquals("attachment; filename=\"orders-1001.csv\"", csv.header("Content-Disposition"));
        assertSame(d, aliceWithoutFilter.get("/export.csv"), csv);

        Page error = new Client(d.demo).get("/api/orders");
        assertEquals(401, error.status());
        assertSame(d, new Client(d.plain).get("/api/orders"), error);

        Page redirect = new Client(d.demo).get("/export.csv");
        assertEquals(302, redirect.status());
        assertEquals(CONTEXT + "/login", URI.create(redirect.location()).getPath());
        assertSame(d, new Client(d.plain).get("/export.csv"), redirect);
    }

    static void signInPutsAVerifiedTokenOnTheAccountPage(Deployment d) throws Exception {
        Client alice = new Client(d.demo);
        // The form, as a browser shows it first: a servlet forwarding to a JSP, for an anonymous visitor.
        Page form = wholePage(alice.get("/login"));
        Widget.assertAnonymous(form);
        assertTrue(form.text().contains("name=\"username\""), form::text);
        alice.signIn("alice");
        Page account = wholePage(alice.get("/account"));
        DecodedJWT jwt = Widget.assertSignedIn(account, Widget.ALICE);
        assertEquals(DEMO_KEY_ID, jwt.getKeyId());
        assertExpiresInSeconds(jwt);
        assertTrue(account.text().contains("A-1001-1"), "the application's own account page");
        assertEquals(List.of("no-store, private"), account.headers().allValues("Cache-Control"));
    }

    static void tokenEndpointFollowsTheSession(Deployment d) throws Exception {
        Client alice = Client.signedIn(d.demo, "alice");
        Page token = alice.postToken();
        assertEquals(200, token.status(), token::text);
        assertEquals("no-store", token.header("Cache-Control"));
        assertTrue(token.header("Content-Type").replace(" ", "").toLowerCase().startsWith("application/json"),
                token.header("Content-Type"));
        String jwt = (String) json(token.text()).get("jwt");
        assertNotNull(jwt, token.text());
        assertExpiresInSeconds(Widget.verifyFor(jwt, Widget.ALICE));

        assertEquals(302, alice.post("/logout", Map.of()).status());
        Page afterSignOut = alice.postToken();
        assertEquals(401, afterSignOut.status(), afterSignOut::text);
        assertEquals(0, Page.tokens(afterSignOut.text()));
    }

    static void signOutCallsLogoutUserOnce(Deployment d) throws Exception {
        Client visitor = Client.signedIn(d.demo, "alice");
        Widget.assertSignedIn(wholePage(visitor.get("/account")), Widget.ALICE);
        Page signOut = visitor.post("/logout", Map.of());
        assertEquals(302, signOut.status());
        assertEquals(CONTEXT + "/", URI.create(signOut.location()).getPath());

        Page first = visitor.get("/");
        assertEquals(200, first.status());
        assertEquals("logout", first.widgetHeader());
        String block = Widget.insertedBeforeBodyEnd(new Client(d.plain).get("/").bytes(), first.bytes());
        assertEquals(1, Page.count(block, LOGOUT_CALL), block);
        assertFalse(block.contains("'loginUser'"), block);
        assertEquals(0, Page.tokens(block), "no token after sign-out");
        assertTrue(block.contains("'POST','" + CONTEXT + TOKEN_PATH + "'"), "reports back under the context path: "
                + block);

        // What the page's script does once logoutUser ran: the endpoint's 401 ends the sign-out.
        assertEquals(401, visitor.postToken().status());
        Page next = visitor.get("/");
        Widget.assertAnonymous(next);
        assertFalse(next.text().contains(LOGOUT_CALL), "logoutUser only once");
    }

    static void aSecondVisitorSignsTheFirstOneOut(Deployment d) throws Exception {
        Client shared = Client.signedIn(d.demo, "alice");
        Widget.assertSignedIn(wholePage(shared.get("/account")), Widget.ALICE);
        shared.post("/logout", Map.of());
        shared.signIn("bob");

        Page account = wholePage(shared.get("/account"));
        assertEquals(1, Page.count(account.text(), LOGOUT_THEN_LOGIN), account::text);
        DecodedJWT jwt = Widget.verifyFor(Page.token(account.text()), BOB);
        assertEquals("1002", jwt.getClaim("external_id").asString());
        assertEquals("no-store, private", account.header("Cache-Control"));

        Page next = shared.get("/account");
        assertFalse(next.text().contains(LOGOUT_THEN_LOGIN), () -> "logoutUser only once:\n" + next.text());
        Widget.assertSignedIn(next, BOB);
    }

    static void anAsyncPageIsServedWhole(Deployment d) throws Exception {
        Page original = new Client(d.plain).get("/async");
        assertEquals(200, original.status(), original::text);
        byte[] expected = AsyncPageServlet.page(CONTEXT).getBytes(UTF_8);
        assertArrayEquals(expected, original.bytes(), original::text);

        Page page = new Client(d.demo).get("/async");
        assertEquals(200, page.status(), "a filter not declared async-supported makes startAsync() fail: "
                + page.text());
        assertTrue(page.text().endsWith("</html>\n"), page::text);
        // Written on another thread and completed there: the block goes in on complete().
        String block = Widget.insertedBeforeBodyEnd(expected, page.bytes());
        assertEquals(1, Page.count(block, Page.SNIPPET_ID), block);
        assertEquals("anonymous", page.widgetHeader());
    }

    // ---- checks -------------------------------------------------------------------------

    /** A 200 whose page arrived in full, to its own {@code </html>}. */
    private static Page wholePage(Page page) {
        assertEquals(200, page.status(), page::text);
        String text = page.text();
        assertTrue(text.endsWith("</html>\n"), () -> "page cut short (X-Zendesk-Widget: " + page.widgetHeader()
                + "), it ends with: " + text.substring(Math.max(0, text.length() - 60)));
        return page;
    }

    /** {@code exp} is a whole number of seconds since the epoch, a few minutes ahead, not milliseconds. */
    private static void assertExpiresInSeconds(DecodedJWT jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.getPayload()), UTF_8);
        Object exp = json(payload).get("exp");
        assertTrue(exp instanceof Number, payload);
        long seconds = ((Number) exp).longValue();
        long now = Instant.now().getEpochSecond();
        assertTrue(seconds > now && seconds <= now + Widget.tokenTtl().toSeconds() + 5, payload);
    }

    /**
     * The same status, body and headers as the filter-off deployment, but for what differs
     * between any two servers: Date, the session id's value, the port in an absolute Location,
     * and the demo's diagnostic {@code X-Zendesk-Widget: none; <reason>}.
     */
    private static void assertSame(Deployment d, Page withoutFilter, Page page) {
        assertEquals(withoutFilter.status(), page.status());
        assertArrayEquals(withoutFilter.bytes(), page.bytes(), page::text);
        Map<String, List<String>> expected = comparable(withoutFilter, d.plain);
        Map<String, List<String>> actual = comparable(page, d.demo);
        List<String> debug = actual.remove("X-Zendesk-Widget");
        if (debug != null) {
            assertEquals(1, debug.size());
            assertTrue(debug.get(0).startsWith("none; "), debug.get(0));
        }
        assertEquals(expected, actual);
    }

    private static Map<String, List<String>> comparable(Page page, URI base) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(page.headers().map());
        headers.remove("date");
        headers.computeIfPresent("set-cookie", (name, values) -> values.stream()
                .map(v -> v.replaceFirst("=[^;]*", "=<value>")).toList());
        headers.computeIfPresent("location", (name, values) -> values.stream()
                .map(v -> v.replace(base.getScheme() + "://" + base.getAuthority(), "")).toList());
        return headers;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    // ---- one container with the two deployments -----------------------------------------

    /** A container with the demo at {@value #CONTEXT}, filter on ({@link #demo}) and off ({@link #plain}). */
    static final class Deployment {

        private final EmbeddedContainer container;
        private EmbeddedContainer.Running on;
        private EmbeddedContainer.Running off;
        private Throwable failedStart;
        private long started;
        URI demo;
        URI plain;

        Deployment(EmbeddedContainer container) {
            this.container = container;
        }

        void start() throws Exception {
            started = System.nanoTime();
            try {
                Path war = container.namespace.war();
                Path dir = WORK.resolve(container.name().toLowerCase());
                deleteTree(dir);
                Path enabled = explode(war, dir.resolve("filter-on/demo"));
                Path disabled = explode(war, dir.resolve("filter-off/demo"));
                disableFilter(disabled.resolve("WEB-INF/web.xml"));
                ClassLoader loader = container.newClassLoader();
                on = container.start(loader, enabled, CONTEXT, dir.resolve("filter-on/work"));
                off = container.start(loader, disabled, CONTEXT, dir.resolve("filter-off/work"));
                // The home page (a JSP) answers on both, compiled once here.
                for (URI base : List.of(on.base, off.base)) {
                    Page home = new Client(base).get("/");
                    assertEquals(200, home.status(), () -> base + " answers:\n" + home.text());
                }
                demo = on.base;
                plain = off.base;
                System.out.printf("%s: started both deployments in %d ms%n", container.label, millisSince(started));
            } catch (Throwable e) {
                failedStart = e;
                stop();
                throw e;
            }
        }

        /** A flow that runs only once the container started, failing with the start's reason. */
        Executable then(Flow flow) {
            return () -> {
                if (demo == null) {
                    throw new AssertionError(container.label + " did not start", failedStart);
                }
                flow.run(this);
            };
        }

        void stop() throws Exception {
            try {
                if (off != null) {
                    off.close();
                }
            } finally {
                if (on != null) {
                    on.close();
                }
                on = null;
                off = null;
                if (started != 0) {
                    System.out.printf("%s: %d ms from start to stop%n", container.label, millisSince(started));
                }
            }
        }

        private static long millisSince(long nanos) {
            return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
        }
    }

    @FunctionalInterface
    interface Flow {
        void run(Deployment deployment) throws Exception;
    }

    /** The filter-off copy: {@code enabled=false} as the first init-param of the filter. */
    static void disableFilter(Path webXml) throws IOException {
        String xml = Files.readString(webXml);
        String classLine = "<filter-class>dev.zwidget.ZendeskWidgetFilter</filter-class>";
        int at = xml.indexOf("<init-param>", xml.indexOf(classLine));
        assertTrue(at > 0, "the filter's first init-param in " + webXml);
        Files.writeString(webXml, xml.substring(0, at)
                + "<init-param><param-name>enabled</param-name><param-value>false</param-value></init-param>\n    "
                + xml.substring(at));
    }

    static Path explode(Path war, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(war))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("entry outside the war: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        return dir;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ---- a browser over HTTP ------------------------------------------------------------

    /** One browser: its cookies, no redirects followed, every response as sent. */
    static final class Client {

        private static final Duration TIMEOUT = Duration.ofSeconds(30);
        private final URI base;
        private final HttpClient http;

        Client(URI base) {
            this.base = base;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(TIMEOUT).build();
        }

        static Client signedIn(URI base, String username) throws Exception {
            Client client = new Client(base);
            client.signIn(username);
            return client;
        }

        /** The demo's sign-in form, posted as a browser does; it redirects to the account page. */
        void signIn(String username) throws Exception {
            Page response = post("/login", Map.of("username", username, "password", Users.PASSWORD));
            assertEquals(302, response.status(), response::text);
            assertEquals(CONTEXT + "/account", URI.create(response.location()).getPath());
        }

        Page get(String path) throws IOException, InterruptedException {
            return send(request(path).GET().build());
        }

        Page post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
                    .collect(Collectors.joining("&"));
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        /** What the widget's script sends for a fresh token. */
        Page postToken() throws IOException, InterruptedException {
            return send(request(TOKEN_PATH).header("X-Requested-With", "XMLHttpRequest")
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(base.resolve(path.substring(1))).timeout(TIMEOUT);
        }

        private Page send(HttpRequest request) throws IOException, InterruptedException {
            var response = http.send(request, BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return new Page(response.statusCode(), response.headers(), body.readAllBytes());
            }
        }
    }
}
