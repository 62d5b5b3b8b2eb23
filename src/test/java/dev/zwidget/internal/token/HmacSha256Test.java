package dev.zwidget.internal.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

    private static final byte[] KEY = "a-shared-secret-of-some-length".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsExactlyAsJavaJwtsOwnHs256() {
        Algorithm stock = Algorithm.HMAC256(KEY);
        HmacSha256 keyedOnce = new HmacSha256(KEY);
        for (int i = 0; i < 50; i++) {
            byte[] header = ("{\"alg\":\"HS256\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            byte[] payload = ("{\"external_id\":\"user-" + i + "\"}").getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(stock.sign(header, payload), keyedOnce.sign(header, payload));
        }
    }

    /** The keyed Mac is shared by every request thread: each signature must be its own. */
    @Test
    void threadsSigningAtOnceEachGetTheirOwnSignature() throws Exception {
        Algorithm stock = Algorithm.HMAC256(KEY);
        HmacSha256 keyedOnce = new HmacSha256(KEY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        byte[] payload = ("{\"t\":" + thread + ",\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                        byte[] header = "{}".getBytes(StandardCharsets.UTF_8);
                        assertArrayEquals(stock.sign(header, payload), keyedOnce.sign(header, payload));
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
}
