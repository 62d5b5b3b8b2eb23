package dev.zwidget.internal.config;

import static dev.zwidget.internal.config.InitParams.BRANDS;
import static dev.zwidget.internal.config.InitParams.BRAND_PREFIX;
import static dev.zwidget.internal.config.InitParams.MODE;
import static dev.zwidget.internal.config.InitParams.UNKNOWN_HOST;
import static dev.zwidget.internal.config.InitParams.USER_RESOLVER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code brands} and each brand's {@code brand.<name>.*} params:
 * {@code hosts} (required), {@code widgetKey} (required), {@code keyId} and {@code secret} or
 * {@code keys} and {@code activeKey} (as the filter's own), {@code externalIdPrefix} and
 * {@code externalId}; and {@code unknownHost}. Problems go to the one start-up report.
 */
final class BrandsParser {

    private static final Pattern BRAND_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern PREFIX = Pattern.compile("[\\x21-\\x7e]{1,64}");
    /** What follows {@code brand.<name>.}. */
    private static final String HOSTS = "hosts";
    private static final String EXTERNAL_ID_PREFIX = "externalIdPrefix";
    private static final List<String> SUFFIXES = Arrays.asList(HOSTS, InitParams.WIDGET_KEY, InitParams.KEY_ID,
            InitParams.SECRET, InitParams.KEYS, InitParams.ACTIVE_KEY, EXTERNAL_ID_PREFIX, InitParams.EXTERNAL_ID);

    private BrandsParser() {
    }

    /** Hides the brands' secrets before any value is quoted. */
    static void hideEarly(ParamReader in, ParamValues values) {
        // Once per brand, not per param: each pass expands the brand's ${env:} and file: secrets.
        Set<String> brands = new LinkedHashSet<>();
        for (String name : in.namesStartingWith(BRAND_PREFIX)) {
            brands.add(name.substring(BRAND_PREFIX.length(), Math.max(BRAND_PREFIX.length(), name.lastIndexOf('.'))));
        }
        for (String brand : brands) {
            KeysParser.hideEarly(in, values, BRAND_PREFIX + brand + ".");
        }
    }

    /** The brands, in the order {@code brands} names them; empty when it is not set. */
    static List<BrandSettings> read(ParamReader in, FilterSettings.Builder b) {
        List<BrandSettings> brands = new ArrayList<>();
        String list = in.optional(BRANDS);
        b.unknownHostGetsDefault = unknownHost(in);
        if (list == null) {
            if (!in.namesStartingWith(BRAND_PREFIX).isEmpty()) {
                in.problem(BRANDS, BRAND_PREFIX + "* params are set but " + BRANDS + " (the list of brand names)"
                        + " is not");
            }
            return brands;
        }
        if (b.mode == WidgetMode.CLASSIC) {
            in.problem(MODE, BRANDS + " is for the messaging widget; classic mode serves one brand");
            return brands;
        }
        Map<String, String> hostOwners = new HashMap<>();
        Set<String> listed = new LinkedHashSet<>();
        for (String raw : list.split(",")) {
            String name = raw.trim();
            if (!BRAND_NAME.matcher(name).matches()) {
                in.invalid(BRANDS, name, "is not a brand name: 1 to 32 lower-case letters, digits or '-'");
                continue;
            }
            BrandSettings brand = brand(in, name, b, hostOwners);
            if (brand != null) {
                brands.add(brand);
            }
            listed.add(name);
        }
        List<String> warnings = new ArrayList<>(b.warnings);
        warnings.addAll(unknownBrandParams(in, listed));
        b.warnings = warnings;
        return brands;
    }

    /**
     * A typo in a brand's param, or params of a brand {@code brands} does not list, would
     * otherwise be ignored without a word, like any unknown init-param is not.
     */
    private static List<String> unknownBrandParams(ParamReader in, Set<String> listed) {
        List<String> warnings = new ArrayList<>();
        for (String param : in.namesStartingWith(BRAND_PREFIX)) {
            int dot = param.lastIndexOf('.');
            String brand = param.substring(BRAND_PREFIX.length(), Math.max(BRAND_PREFIX.length(), dot));
            String suffix = param.substring(dot + 1);
            if (!listed.contains(brand)) {
                warnings.add("init-param '" + param + "' is ignored: '" + brand + "' is not one of " + BRANDS);
            } else if (!SUFFIXES.contains(suffix)) {
                warnings.add(InitParams.unknownParam(param, suffix, BRAND_PREFIX + brand + ".", SUFFIXES,
                        "known for a brand"));
            }
        }
        return warnings;
    }

    private static BrandSettings brand(ParamReader in, String name, FilterSettings.Builder b,
            Map<String, String> hostOwners) {
        String prefix = BRAND_PREFIX + name + ".";
        Set<String> hosts = new LinkedHashSet<>();
        String hostList = in.required(prefix + HOSTS, "the host names this brand is served on");
        for (String raw : hostList == null ? new String[0] : hostList.split(",")) {
            String host = raw.trim().toLowerCase(Locale.ROOT);
            String owner = hostOwners.put(host, name);
            if (!HOST.matcher(host).matches()) {
                in.invalid(prefix + HOSTS, host, "is not a host name (no scheme, port or path)");
            } else if (owner != null && !owner.equals(name)) {
                in.problem(prefix + HOSTS, prefix + HOSTS + ": " + host + " is already a host of brand " + owner);
            } else {
                hosts.add(host);
            }
        }
        String widgetKey = SettingsParser.widgetKey(in, prefix + InitParams.WIDGET_KEY);
        List<SigningKey> keys = KeysParser.readBrand(in, prefix);
        String idPrefix = SettingsParser.matching(in, in.optional(prefix + EXTERNAL_ID_PREFIX),
                prefix + EXTERNAL_ID_PREFIX, PREFIX, "must be 1 to 64 printable ASCII characters, such as beta:");
        String idPath = SettingsParser.propertyPath(in, prefix + InitParams.EXTERNAL_ID);
        if (idPath != null && b.userResolver != null) {
            in.problem(USER_RESOLVER, USER_RESOLVER + " cannot be combined with " + prefix + InitParams.EXTERNAL_ID
                    + ": the resolver alone decides the external id (use " + prefix + EXTERNAL_ID_PREFIX + ")");
        }
        if (hosts.isEmpty() || widgetKey == null || keys == null) {
            return null;
        }
        return new BrandSettings(name, hosts, widgetKey, keys, idPrefix, idPath);
    }

    private static boolean unknownHost(ParamReader in) {
        String value = in.optional(UNKNOWN_HOST);
        if (value == null || "default".equals(value)) {
            return true;
        }
        if (!"none".equals(value)) {
            in.invalid(UNKNOWN_HOST, value, "must be default (the filter's own widget key and keys) or none"
                    + " (no widget on a host no brand names)");
        }
        return false;
    }
}
