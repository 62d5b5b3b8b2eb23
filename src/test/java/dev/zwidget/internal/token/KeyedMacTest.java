package dev.zwidget.internal.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import java.security.ProviderException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.MacSpi;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyedMacTest {

    private static final byte[] KEY = "a-shared-secret-of-some-length".getBytes(StandardCharsets.UTF_8);

    /**
     * A provider whose HmacSHA256 cannot be copied, as a PKCS#11 token's: the MACs must still
     * be right (before the fallback, building the minter failed and the filter did not start).
     */
    @Test
    void aProviderThatCannotCopyAMacStillSignsEveryMessage() throws Exception {
        KeyedMac keyed = new KeyedMac(KEY, new NoCopyProvider());
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(new SecretKeySpec(KEY, "HmacSHA256"));
        for (int i = 0; i < 20; i++) {
            byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(reference.doFinal(message), keyed.mac(message));
        }
    }

    @Test
    void theUsualProviderCopiesAndSignsTheSame() throws Exception {
        KeyedMac keyed = new KeyedMac(KEY);
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] message = "one message".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(reference.doFinal(message), keyed.mac(message));
        assertArrayEquals(reference.doFinal(message), keyed.mac(message));
    }

    /**
     * More threads than slots, so that threads share slots: each message's MAC is the one a Mac
     * of its own gives, whatever the other threads sign meanwhile.
     */
    @Test
    void threadsSigningAtOnceEachGetTheMacOfTheirOwnMessage() throws Exception {
        KeyedMac keyed = new KeyedMac(KEY);
        int threads = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        int wrong = 0;
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    Mac reference = Mac.getInstance("HmacSHA256");
                    reference.init(new SecretKeySpec(KEY, "HmacSHA256"));
                    start.await();
                    int mismatches = 0;
                    for (int i = 0; i < 2000; i++) {
                        byte[] head = ("thread " + thread + " ").getBytes(StandardCharsets.UTF_8);
                        byte[] body = ("message " + i).getBytes(StandardCharsets.UTF_8);
                        reference.update(head);
                        if (!Arrays.equals(reference.doFinal(body), keyed.mac(head, body))) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                wrong += result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, wrong);
    }

    /**
     * A Mac whose update failed holds part of a message: it must not sign the next one (which
     * it would if it went back to its slot whatever happened).
     */
    @Test
    void aMessageWhoseMacFailedHalfWayLeavesNothingBehindForTheNext() throws Exception {
        KeyedMac keyed = new KeyedMac(KEY, new NoCopyProvider());
        byte[] half = "!half".getBytes(StandardCharsets.UTF_8);
        assertThrows(ProviderException.class, () -> keyed.mac(half, "rest".getBytes(StandardCharsets.UTF_8)));
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] next = "the next message".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(reference.doFinal(next), keyed.mac(next));
    }

    static final class NoCopyProvider extends Provider {
        NoCopyProvider() {
            super("ZwidgetNoCopy", "1.0", "HmacSHA256 that cannot be cloned");
            put("Mac.HmacSHA256", NoCopyHmac.class.getName());
        }
    }

    /** Delegates to the JDK's HmacSHA256 and, like a PKCS#11 Mac, is not Cloneable. */
    public static final class NoCopyHmac extends MacSpi {
        private final Mac inner;

        public NoCopyHmac() throws GeneralSecurityException {
            inner = Mac.getInstance("HmacSHA256", "SunJCE");
        }

        @Override
        protected int engineGetMacLength() {
            return inner.getMacLength();
        }

        @Override
        protected void engineInit(Key key, AlgorithmParameterSpec params) throws java.security.InvalidKeyException,
                java.security.InvalidAlgorithmParameterException {
            inner.init(key, params);
        }

        @Override
        protected void engineUpdate(byte input) {
            inner.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            inner.update(input, offset, len);
            if (len > 0 && input[offset] == '!') {
                // A token removed half way through a message: the bytes are in, the call fails.
                throw new ProviderException("token removed");
            }
        }

        @Override
        protected void engineUpdate(ByteBuffer input) {
            inner.update(input);
        }

        @Override
        protected byte[] engineDoFinal() {
            return inner.doFinal();
        }

        @Override
        protected void engineReset() {
            inner.reset();
        }
    }
}
