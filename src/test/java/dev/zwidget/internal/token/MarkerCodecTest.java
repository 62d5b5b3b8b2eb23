package dev.zwidget.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.internal.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MarkerCodecTest {

    private static final String SECRET = "s3cr3t-Shared-Value-from-Admin-Center";
    private final MarkerCodec codec = new MarkerCodec(Secret.of(SECRET));

    @Test
    void deterministicForTheSameSecretAndId() {
        assertEquals(codec.valueFor("1001"), codec.valueFor("1001"));
        assertEquals(codec.valueFor("1001"), new MarkerCodec(Secret.of(SECRET)).valueFor("1001"));
    }

    @Test
    void differsAcrossIdsAndSecrets() {
        assertNotEquals(codec.valueFor("1001"), codec.valueFor("1002"));
        assertNotEquals(codec.valueFor("1001"),
                new MarkerCodec(Secret.of(SECRET + "x")).valueFor("1001"));
    }

    @Test
    void matchesTheDocumentedDerivation() throws Exception {
        byte[] derived = hmac(SECRET.getBytes(StandardCharsets.UTF_8),
                "zendesk-widget-filter marker cookie v1".getBytes(StandardCharsets.US_ASCII));
        byte[] mac = hmac(derived, "山田-1001".getBytes(StandardCharsets.UTF_8));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(mac, 16));
        assertEquals(expected, codec.valueFor("山田-1001"));
        // Not a MAC made directly with the signing secret.
        byte[] direct = hmac(SECRET.getBytes(StandardCharsets.UTF_8),
                "1001".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(direct, 16)), codec.valueFor("1001"));
    }

    @Test
    void valuesAreWellFormedAndNeverContainTheId() {
        for (String id : new String[] {"1001", "a", "ana@example.com", "x".repeat(255), ""}) {
            String value = codec.valueFor(id);
            assertEquals(22, value.length());
            assertTrue(MarkerCodec.isWellFormed(value), value);
            if (!id.isEmpty()) {
                assertFalse(value.contains(id), value);
            }
        }
    }

    @Test
    void wellFormedness() {
        assertTrue(MarkerCodec.isWellFormed("AbCdEfGhIjKlMnOpQr_-09"));
        assertFalse(MarkerCodec.isWellFormed(null));
        assertFalse(MarkerCodec.isWellFormed(""));
        assertFalse(MarkerCodec.isWellFormed("AbCdEfGhIjKlMnOpQr_-0"));
        assertFalse(MarkerCodec.isWellFormed("AbCdEfGhIjKlMnOpQr_-090"));
        assertFalse(MarkerCodec.isWellFormed("AbCdEfGhIjKlMnOpQr+/09"));
        assertFalse(MarkerCodec.isWellFormed("AbCdEfGhIjKlMnOpQr_-0="));
        assertFalse(MarkerCodec.isWellFormed("AbCdEfGhIjKlMnOpQr_-0\u00e9"));
        assertFalse(MarkerCodec.isWellFormed("AbCdEfGhIjKlMnOpQr_-0 "));
    }

    @Test
    void matchesOnlyTheRightId() {
        String value = codec.valueFor("1001");
        assertTrue(codec.matches(value, "1001"));
        assertFalse(codec.matches(value, "1002"));
        assertFalse(codec.matches(value.substring(1), "1001"));
        assertFalse(codec.matches(value + "A", "1001"));
        assertFalse(codec.matches("ü" + value.substring(1), "1001"));
        assertFalse(codec.matches(null, "1001"));
        assertFalse(codec.matches(value, null));
    }

    @Test
    void toStringDoesNotShowTheSecret() {
        assertFalse(codec.toString().contains(SECRET));
    }

    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    @Test
    void whileAKeyIsRotatedMarkersOfTheOtherKeysStillMatchButAreNotCurrent() {
        MarkerCodec rotated = new MarkerCodec(java.util.List.of(Secret.of("new-key-secret"), Secret.of(SECRET)));
        String old = codec.valueFor("1001");
        assertTrue(rotated.matches(old, "1001"));
        assertFalse(rotated.isCurrent(old, "1001"));
        assertFalse(rotated.matches(old, "1002"));
        assertEquals(new MarkerCodec(Secret.of("new-key-secret")).valueFor("1001"), rotated.valueFor("1001"));
        assertTrue(rotated.isCurrent(rotated.valueFor("1001"), "1001"));
        assertFalse(new MarkerCodec(Secret.of("new-key-secret")).matches(old, "1001"), "a removed key no longer counts");
    }
}
