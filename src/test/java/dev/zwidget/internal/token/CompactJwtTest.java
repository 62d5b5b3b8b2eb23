package dev.zwidget.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CompactJwtTest {

    private static final String SECRET = "a-shared-secret-of-some-length";
    private static final byte[] KEY = SECRET.getBytes(StandardCharsets.UTF_8);

    private static String decoded(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    @Test
    void signatureIsJavaJwtsOwnHs256OverHeaderDotClaims() {
        CompactJwt jwt = new CompactJwt(KEY, "app_1");
        Algorithm stock = Algorithm.HMAC256(KEY);
        for (int i = 0; i < 50; i++) {
            String token = jwt.sign(new JsonClaims().string("external_id", "user-" + i).number("n", i).close());
            String[] parts = token.split("\\.");
            byte[] expected = stock.sign(parts[0].getBytes(StandardCharsets.US_ASCII),
                    parts[1].getBytes(StandardCharsets.US_ASCII));
            assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(expected), parts[2]);
            JWT.require(stock).build().verify(token);
        }
    }

    @Test
    void headerIsExactlyAlgTypAndTheKeyIdWhenThereIsOne() {
        String withKid = new CompactJwt(KEY, "app_\"1\"").sign("{}").split("\\.")[0];
        assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"app_\\\"1\\\"\"}", decoded(withKid));
        String without = new CompactJwt(KEY, null).sign("{}").split("\\.")[0];
        assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", decoded(without));
    }

    @Test
    void claimsOfEveryTypeDecodeWithJavaJwt() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("plan \"gold\"", "a\\b");
        fields.put("seats", 12);
        fields.put("ratio", 0.5);
        fields.put("trial", false);
        fields.put("none", null);
        fields.put("infinite", Double.POSITIVE_INFINITY);
        fields.put("nan", Double.NaN);
        fields.put("negative zero", -0.0);
        fields.put("large", 1.0E21);
        fields.put("small", 1.0E-7);
        fields.put("nested", Arrays.asList(Collections.singletonMap("k", Arrays.asList(1, "two", null))));
        String token = new CompactJwt(KEY, null).sign(new JsonClaims()
                .value("tags", Arrays.asList("vip", "line\nbreak"))
                .value("user_fields", fields)
                .value("locale_id", 1176L)
                .bool("flag", true)
                .close());
        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(KEY)).build().verify(token);
        assertEquals(Arrays.asList("vip", "line\nbreak"), jwt.getClaim("tags").asList(String.class));
        assertEquals(1176L, jwt.getClaim("locale_id").asLong());
        assertEquals(Boolean.TRUE, jwt.getClaim("flag").asBoolean());
        Map<String, Object> decodedFields = jwt.getClaim("user_fields").asMap();
        assertEquals("a\\b", decodedFields.get("plan \"gold\""));
        assertEquals(12, ((Number) decodedFields.get("seats")).intValue());
        assertEquals(0.5, decodedFields.get("ratio"));
        assertEquals(false, decodedFields.get("trial"));
        assertEquals(true, decodedFields.containsKey("none"));
        assertEquals("Infinity", decodedFields.get("infinite"), "no bare Infinity: that is not JSON");
        assertEquals("NaN", decodedFields.get("nan"));
        assertEquals(-0.0, decodedFields.get("negative zero"));
        assertEquals(1.0E21, decodedFields.get("large"));
        assertEquals(1.0E-7, decodedFields.get("small"));
        assertEquals(Arrays.asList(Collections.singletonMap("k", Arrays.asList(1, "two", null))),
                decodedFields.get("nested"));
    }

    /** The keyed Mac is shared by every request thread: each token must carry its own signature. */
    @Test
    void threadsSigningAtOnceEachGetTheirOwnSignature() throws Exception {
        CompactJwt jwt = new CompactJwt(KEY, "app_1");
        Algorithm stock = Algorithm.HMAC256(KEY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 3_000; i++) {
                        String token = jwt.sign(new JsonClaims().number("t", thread).number("i", i).close());
                        DecodedJWT decoded = JWT.require(stock).build().verify(token);
                        assertEquals(i, decoded.getClaim("i").asInt());
                        assertEquals(thread, decoded.getClaim("t").asInt());
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toStringNamesNoKey() {
        // Pinned whole: a key printed as bytes, hex or base64 would not contain the secret's text.
        assertEquals("CompactJwt[HS256, key redacted]", new CompactJwt(KEY, "app_1").toString());
    }
}
