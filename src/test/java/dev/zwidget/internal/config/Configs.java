package dev.zwidget.internal.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.ServletException;
import java.util.HashMap;
import java.util.Map;

/** Shared fixtures: a minimal valid configuration and shortcuts to parse it. */
final class Configs {

    static final String SECRET_VALUE = "Xq9-s3cr3t_VALUE+/=zz";
    static final Map<String, String> ENV = Map.of(
            "ZENDESK_SECRET", SECRET_VALUE,
            "ZENDESK_KEY", "env-widget-key",
            "EMPTY", "  ");
    static final ParamValues VALUES = new ParamValues(ENV::get, Map.of("zendesk.keyId", "app_fromsys")::get);

    private Configs() {
    }

    /** The three required params, valid; a fresh mutable map each time. */
    static Map<String, String> minimal() {
        Map<String, String> params = new HashMap<>();
        params.put("widgetKey", "abc-123_XYZ");
        params.put("keyId", "app_64f1a2b3c4d5e6");
        params.put("secret", "${env:ZENDESK_SECRET}");
        return params;
    }

    static FilterSettings parse(Map<String, String> params) throws ServletException {
        return SettingsParser.parse("zendesk", params, VALUES, Configs.class.getClassLoader());
    }

    /** The message of the exception that parsing must throw. */
    static String failure(Map<String, String> params) {
        return assertThrows(ServletException.class, () -> parse(params)).getMessage();
    }

    static Map<String, String> with(String name, String value) {
        Map<String, String> params = minimal();
        params.put(name, value);
        return params;
    }
}
