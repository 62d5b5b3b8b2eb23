package dev.zwidget.internal.config;

import static dev.zwidget.internal.config.InitParams.ACTIVE_KEY;
import static dev.zwidget.internal.config.InitParams.KEYS;
import static dev.zwidget.internal.config.InitParams.KEY_ID;
import static dev.zwidget.internal.config.InitParams.MAX_SIGNING_KEYS;
import static dev.zwidget.internal.config.InitParams.SECRET;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the messaging signing keys: either the one-key form ({@code keyId} and {@code secret})
 * or {@code keys}, a comma-separated list of {@code keyId:secret} entries in which each secret
 * is expanded on its own ({@code app_new:${env:NEW_SECRET}, app_old:${env:OLD_SECRET}}), with
 * {@code activeKey} naming the key that signs (the first by default). Several keys let a site
 * rotate without a gap: tokens already handed out still verify while a new key signs.
 *
 * <p>No message ever quotes an entry: a mistyped entry may hold a secret in the wrong place.
 */
final class KeysParser {

    static final Pattern KEY_ID_SYNTAX = Pattern.compile("app_[A-Za-z0-9_-]{1,124}");

    private KeysParser() {
    }

    /** Hides every secret of {@code keys} before any value is quoted, as for {@code secret}. */
    static void hideEarly(ParamReader in, ParamValues values) {
        for (String[] entry : entries(in.raw(KEYS))) {
            try {
                String secret = values.expand(KEYS, entry[1]);
                if (secret != null) {
                    in.hide(secret);
                }
            } catch (ConfigProblem reportedLater) {
                // read() reports it.
            }
        }
    }

    /** Whether the deployment uses {@code keys} rather than the one-key form. */
    static boolean configured(ParamReader in) {
        return !blank(in.raw(KEYS));
    }

    /** A blank param counts as absent, as everywhere (an override descriptor can blank one out). */
    private static boolean blank(String raw) {
        return raw == null || raw.trim().isEmpty();
    }

    /** The keys of {@code keys}, the active one first; problems go to {@code in}. */
    static List<SigningKey> read(ParamReader in, WidgetMode mode) {
        if (mode == WidgetMode.CLASSIC) {
            in.problem(KEYS, KEYS + " is for the messaging widget's signing keys; classic mode signs with the"
                    + " one Chat shared secret in " + SECRET);
            return null;
        }
        if (!blank(in.raw(KEY_ID)) || !blank(in.raw(SECRET))) {
            in.problem(KEYS, KEYS + " replaces " + KEY_ID + " and " + SECRET + ": set either " + KEYS
                    + " or " + KEY_ID + " and " + SECRET + ", not both");
        }
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        List<String[]> entries = entries(in.raw(KEYS));
        for (int i = 0; i < entries.size(); i++) {
            String[] entry = entries.get(i);
            String where = KEYS + " entry " + (i + 1);
            if (entry[0] == null) {
                in.problem(KEYS, where + " must be keyId:secret, such as app_123:${env:ZENDESK_SECRET}");
            } else if (!KEY_ID_SYNTAX.matcher(entry[0]).matches()) {
                in.problem(KEYS, where + ": the key ID must look like app_… (the key ID shown in Admin Center)");
            } else if (keys.containsKey(entry[0])) {
                in.problem(KEYS, where + ": key ID " + entry[0] + " is listed twice");
            } else {
                String secret = in.expandPart(KEYS, entry[1]);
                if (secret == null) {
                    in.problem(KEYS, where + " (" + entry[0] + ") has no secret once expanded");
                } else {
                    in.hide(secret);
                    keys.put(entry[0], new SigningKey(entry[0], Secret.of(secret)));
                }
            }
        }
        if (entries.size() > MAX_SIGNING_KEYS) {
            in.problem(KEYS, KEYS + " lists " + entries.size() + " keys; Zendesk holds at most "
                    + MAX_SIGNING_KEYS + " signing keys per account");
        }
        return activeFirst(in, keys);
    }

    /** {@code activeKey} only means something next to {@code keys}. */
    static void rejectActiveKeyAlone(ParamReader in) {
        if (!blank(in.raw(ACTIVE_KEY))) {
            in.problem(ACTIVE_KEY, ACTIVE_KEY + " names one of the keys in " + KEYS + ", which is not set");
        }
    }

    private static List<SigningKey> activeFirst(ParamReader in, Map<String, SigningKey> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        List<SigningKey> ordered = new ArrayList<>(keys.values());
        String active = in.optional(ACTIVE_KEY);
        if (active != null) {
            SigningKey chosen = keys.get(active);
            if (chosen == null) {
                in.invalid(ACTIVE_KEY, active, "is not one of the key IDs in " + KEYS + " ("
                        + String.join(", ", keys.keySet()) + ")");
                return null;
            }
            ordered.remove(chosen);
            ordered.add(0, chosen);
        }
        return ordered;
    }

    /** Each entry as {keyId, raw secret}; {null, null} for an entry without a colon. */
    private static List<String[]> entries(String raw) {
        List<String[]> entries = new ArrayList<>();
        if (raw == null || raw.trim().isEmpty()) {
            return entries;
        }
        for (String entry : raw.split(",", -1)) {
            int colon = entry.indexOf(':');
            entries.add(colon < 0 ? new String[2]
                    : new String[] {entry.substring(0, colon).trim(), entry.substring(colon + 1).trim()});
        }
        return entries;
    }
}
