package dev.zwidget.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.zwidget.internal.config.ParamValues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the demo's pages must carry, checked without relying on the widget's JavaScript (which
 * the emulator will replace): the snippet tag by its id, the token as a JWT verified with
 * java-jwt the way Zendesk does, and where the filter put them, byte for byte against the
 * same page rendered with the filter disabled.
 */
final class Widget {

    static final User ALICE = new User(1001L, "Alice", "alice@example.com");
    static final String LOGOUT_CALL = "'logoutUser'";

    /** The filter's init-params from webapp/WEB-INF/web.xml, expanded as the filter expands them. */
    private static final Map<String, String> PARAMS = filterParams();

    private Widget() {
    }

    /** An anonymous visitor's page: the snippet once, no token, no sign-in or sign-out call. */
    static void assertAnonymous(Page page) {
        assertEquals(200, page.status(), page::text);
        assertEquals("anonymous", page.widgetHeader());
        assertEquals(1, page.snippets(), "one snippet tag");
        assertEquals(0, Page.tokens(page.text()), "no token");
        assertFalse(page.text().contains("'loginUser'") || page.text().contains(LOGOUT_CALL), page.text());
    }

    /** A signed-in visitor's page: the snippet once and one token for {@code user}, never cached. */
    static DecodedJWT assertSignedIn(Page page, User user) {
        assertEquals(200, page.status(), page::text);
        assertEquals("login", page.widgetHeader());
        assertEquals(1, page.snippets(), "one snippet tag");
        assertEquals("no-store, private", page.header("Cache-Control"));
        return verifyFor(Page.token(page.text()), user);
    }

    /** Verifies signature, key id, claims and lifetime with the demo's configured key. */
    static DecodedJWT verifyFor(String token, User user) {
        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(PARAMS.get("secret")))
                .withClaim("scope", "user")
                .withClaim("name", user.getName())
                .withClaim("email", user.getEmail())
                .build()
                .verify(token);
        assertEquals(PARAMS.get("keyId"), jwt.getKeyId());
        assertEquals("HS256", jwt.getAlgorithm());
        // A JSON string: Zendesk rejects a numeric external_id, and the demo's id is a long.
        assertEquals(Long.toString(user.getId()), jwt.getClaim("external_id").asString());
        long ttl = jwt.getExpiresAtAsInstant().getEpochSecond() - jwt.getIssuedAtAsInstant().getEpochSecond();
        assertEquals(tokenTtl().toSeconds(), ttl, "exp = iat + tokenTtl");
        return jwt;
    }

    /**
     * Asserts that {@code page} is {@code original} with one block inserted right before the
     * original's last {@code </body>}, and returns the block.
     */
    static String insertedBeforeBodyEnd(byte[] original, byte[] page) {
        int at = new String(original, StandardCharsets.ISO_8859_1).lastIndexOf("</body>");
        assertTrue(at > 0, "the page has a </body>");
        int length = page.length - original.length;
        assertTrue(length > 0, "something was inserted");
        assertArrayEquals(Arrays.copyOfRange(original, 0, at), Arrays.copyOfRange(page, 0, at),
                "every byte before </body> is the application's");
        assertArrayEquals(Arrays.copyOfRange(original, at, original.length),
                Arrays.copyOfRange(page, at + length, page.length), "every byte from </body> on is the application's");
        return new String(page, at, length, StandardCharsets.UTF_8);
    }

    /**
     * Asserts that {@code page} is {@code original} with one contiguous block inserted, and
     * returns where: {@code [from, to)} in {@code page}, the leftmost of the equivalent places.
     */
    static int[] insertion(byte[] original, byte[] page) {
        int length = page.length - original.length;
        assertTrue(length > 0, "something was inserted");
        int prefix = 0;
        while (prefix < original.length && original[prefix] == page[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < original.length && original[original.length - 1 - suffix] == page[page.length - 1 - suffix]) {
            suffix++;
        }
        int from = original.length - suffix;
        assertTrue(from <= prefix, "the page is the application's bytes plus one inserted block");
        return new int[] {from, from + length};
    }

    static Duration tokenTtl() {
        String ttl = PARAMS.get("tokenTtl");
        return ttl.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(ttl)) : Duration.parse(ttl);
    }

    private static Map<String, String> filterParams() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document webXml = factory.newDocumentBuilder().parse(DemoServer.WEBAPP.resolve("WEB-INF/web.xml").toFile());
            NodeList params = null;
            NodeList filters = webXml.getElementsByTagNameNS("*", "filter");
            for (int i = 0; i < filters.getLength(); i++) {
                Element filter = (Element) filters.item(i);
                if ("zendesk-widget".equals(text(filter, "filter-name"))) {
                    params = filter.getElementsByTagNameNS("*", "init-param");
                }
            }
            ParamValues values = ParamValues.system();
            Map<String, String> expanded = new LinkedHashMap<>();
            for (int i = 0; i < params.getLength(); i++) {
                Element param = (Element) params.item(i);
                String name = text(param, "param-name");
                expanded.put(name, values.expand(name, text(param, "param-value")));
            }
            return expanded;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the filter's init-params from web.xml", e);
        }
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagNameNS("*", child).item(0).getTextContent().trim();
    }
}
