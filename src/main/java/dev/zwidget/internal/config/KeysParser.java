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

    /**
     * Hides every secret of {@code prefix + keys} and {@code prefix + secret} before any value is
     * quoted ({@code prefix} is empty for the filter's own keys, {@code brand.<name>.} for a brand's).
     */
    static void hideEarly(ParamReader in, ParamValues values, String prefix) {
        List<String> raws = new ArrayList<>();
        raws.add(in.raw(prefix + SECRET));
        for (String[] entry : entries(in.raw(prefix + KEYS))) {
            raws.add(entry[1]);
        }
        for (String raw : raws) {
            try {
                String secret = values.expand(prefix + KEYS, raw);
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
        return configured(in, "");
    }

    private static boolean configured(ParamReader in, String prefix) {
        return !blank(in.raw(prefix + KEYS));
    }

    /** A brand's keys, in either form, under {@code prefix} ({@code brand.<name>.}); {@code null} on a problem. */
    static List<SigningKey> readBrand(ParamReader in, String prefix) {
        if (configured(in, prefix)) {
            return read(in, WidgetMode.MESSENGER, prefix);
        }
        rejectActiveKeyAlone(in, prefix);
        String secret = in.required(prefix + SECRET, "the brand's signing key's secret, best as ${env:NAME}");
        if (secret != null) {
            in.hide(secret);
        }
        String keyId = SettingsParser.matching(in, in.required(prefix + KEY_ID, "the key ID shown in Admin Center"),
                prefix + KEY_ID, KEY_ID_SYNTAX, "must look like app_… (the key ID shown in Admin Center)");
        return secret == null || keyId == null ? null
                : java.util.Collections.singletonList(new SigningKey(keyId, Secret.of(secret)));
    }

    /** A blank param counts as absent, as everywhere (an override descriptor can blank one out). */
    private static boolean blank(String raw) {
        return raw == null || raw.trim().isEmpty();
    }

    /** The keys of {@code keys}, the active one first; problems go to {@code in}. */
    static List<SigningKey> read(ParamReader in, WidgetMode mode) {
        return read(in, mode, "");
    }

    private static List<SigningKey> read(ParamReader in, WidgetMode mode, String prefix) {
        String keysParam = prefix + KEYS;
        if (mode == WidgetMode.CLASSIC) {
            in.problem(keysParam, keysParam + " is for the messaging widget's signing keys; classic mode signs with the"
                    + " one Chat shared secret in " + SECRET);
            return null;
        }
        if (!blank(in.raw(prefix + KEY_ID)) || !blank(in.raw(prefix + SECRET))) {
            in.problem(keysParam, keysParam + " replaces " + prefix + KEY_ID + " and " + prefix + SECRET
                    + ": set either " + keysParam + " or " + prefix + KEY_ID + " and " + prefix + SECRET + ", not both");
        }
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        List<String[]> entries = entries(in.raw(keysParam));
        for (int i = 0; i < entries.size(); i++) {
            String[] entry = entries.get(i);
            String where = keysParam + " entry " + (i + 1);
            if (entry[0] == null) {
                in.problem(keysParam, where + " must be keyId:secret, such as app_123:${env:ZENDESK_SECRET}");
            } else if (!KEY_ID_SYNTAX.matcher(entry[0]).matches()) {
                in.problem(keysParam, where + ": the key ID must look like app_… (the key ID shown in Admin Center)");
            } else if (keys.containsKey(entry[0])) {
                in.problem(keysParam, where + ": key ID " + entry[0] + " is listed twice");
            } else {
                String secret = in.expandPart(keysParam, entry[1]);
                if (secret == null) {
                    in.problem(keysParam, where + " (" + entry[0] + ") has no secret once expanded");
                } else {
                    in.hide(secret);
                    keys.put(entry[0], new SigningKey(entry[0], Secret.of(secret)));
                }
            }
        }
        if (entries.size() > MAX_SIGNING_KEYS) {
            in.problem(keysParam, keysParam + " lists " + entries.size() + " keys; Zendesk holds at most "
                    + MAX_SIGNING_KEYS + " signing keys per account");
        }
        return activeFirst(in, keys, prefix);
    }

    /** {@code activeKey} only means something next to {@code keys}. */
    static void rejectActiveKeyAlone(ParamReader in) {
        rejectActiveKeyAlone(in, "");
    }

    private static void rejectActiveKeyAlone(ParamReader in, String prefix) {
        if (!blank(in.raw(prefix + ACTIVE_KEY))) {
            in.problem(prefix + ACTIVE_KEY, prefix + ACTIVE_KEY + " names one of the keys in " + prefix + KEYS
                    + ", which is not set");
        }
    }

    private static List<SigningKey> activeFirst(ParamReader in, Map<String, SigningKey> keys, String prefix) {
        if (keys.isEmpty()) {
            return null;
        }
        List<SigningKey> ordered = new ArrayList<>(keys.values());
        String active = in.optional(prefix + ACTIVE_KEY);
        if (active != null) {
            SigningKey chosen = keys.get(active);
            if (chosen == null) {
                in.invalid(prefix + ACTIVE_KEY, active, "is not one of the key IDs in " + prefix + KEYS + " ("
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
