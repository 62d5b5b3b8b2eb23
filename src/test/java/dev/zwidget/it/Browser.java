package dev.zwidget.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;

/** A cookie-keeping client over {@link WidgetServer}, as one browser visiting several pages. */
final class Browser {

    private final WidgetServer server;
    private final Map<String, String> cookies;

    Browser(WidgetServer server) {
        this(server, new LinkedHashMap<>());
    }

    private Browser(WidgetServer server, Map<String, String> cookies) {
        this.server = server;
        this.cookies = cookies;
    }

    /** The same browser (the same cookies) sending its next requests to another node. */
    Browser on(WidgetServer node) {
        return new Browser(node, cookies);
    }

    HttpTester.Response get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    HttpTester.Response post(String path, String... headers) throws Exception {
        return send("POST", path, headers);
    }

    /** Asks the token endpoint for a fresh token, as the page's script does. */
    HttpTester.Response tokenRequest() throws Exception {
        return post("/zendesk-widget/token", "X-Requested-With: XMLHttpRequest");
    }

    HttpTester.Response send(String method, String path, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of(headers));
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder("Cookie: ");
            cookies.forEach((name, value) -> header.append(name).append('=').append(value).append("; "));
            all.add(header.substring(0, header.length() - 2));
        }
        HttpTester.Response response = server.request(method, path, all.toArray(new String[0]));
        for (String setCookie : response.getValuesList("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            boolean expired = setCookie.toLowerCase().contains("max-age=0");
            if (expired || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void dropCookie(String name) {
        cookies.remove(name);
    }
}
