package dev.zwidget.internal.sso;

import dev.zwidget.internal.config.SsoSettings;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the SSO form posts the token: {@code https://{subdomain}.zendesk.com/access/jwt}, or the
 * host-mapped Help Center's {@code /access/jwt} (or, in emulator mode, the filter's local
 * stand-in), carrying the parameters Zendesk sent to the remote login URL. {@code return_to} is
 * carried only when it is an https URL on one of the configured Zendesk hosts: anything else is
 * dropped, so the remote login URL can never be used as an open redirect. The other parameters
 * are carried only when they are the digits Zendesk sends. Immutable.
 */
final class ZendeskTarget {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    private static final int MAX_RETURN_TO = 2048;

    private final Set<String> hosts;
    private final String accessUrl;
    private final String formActionSource;

    /**
     * @param standInUrl the emulator's local {@code /access/jwt}, or {@code null} for Zendesk's
     */
    ZendeskTarget(SsoSettings settings, String standInUrl) {
        Set<String> allowed = new LinkedHashSet<>();
        if (settings.helpCenterHost() != null) {
            allowed.add(settings.helpCenterHost());
        }
        if (settings.subdomain() != null) {
            allowed.add(settings.subdomain() + ".zendesk.com");
        }
        this.hosts = Collections.unmodifiableSet(allowed);
        // The host-mapped Help Center when there is one: the visitor stays on the host they came from.
        String origin = "https://" + hosts.iterator().next();
        this.accessUrl = standInUrl != null ? standInUrl : origin + "/access/jwt";
        this.formActionSource = standInUrl != null ? "'self'" : origin;
    }

    /** The CSP {@code form-action} source that allows exactly this target. */
    String formActionSource() {
        return formActionSource;
    }

    /** The form's action: the access URL with the accepted parameters of the remote login request. */
    String action(String returnTo, String brandId, String localeId, String timestamp) {
        StringBuilder url = new StringBuilder(accessUrl);
        char separator = '?';
        String accepted = acceptedReturnTo(returnTo);
        for (String[] param : Arrays.asList(new String[] {"return_to", accepted},
                new String[] {"brand_id", digits(brandId)}, new String[] {"locale_id", digits(localeId)},
                new String[] {"timestamp", digits(timestamp)})) {
            if (param[1] != null) {
                url.append(separator).append(param[0]).append('=').append(encode(param[1]));
                separator = '&';
            }
        }
        return url.toString();
    }

    /** {@code returnTo} when it is an https URL on a configured Zendesk host, else {@code null}. */
    String acceptedReturnTo(String returnTo) {
        if (returnTo == null || returnTo.isEmpty() || returnTo.length() > MAX_RETURN_TO) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(returnTo);
        } catch (URISyntaxException e) {
            return null;
        }
        // No user info (https://zendesk.com@evil.example/ names evil.example), only the default port.
        boolean ok = "https".equalsIgnoreCase(uri.getScheme()) && uri.getRawUserInfo() == null
                && uri.getHost() != null && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))
                && (uri.getPort() == -1 || uri.getPort() == 443);
        return ok ? returnTo : null;
    }

    private static String digits(String value) {
        return value != null && DIGITS.matcher(value).matches() ? value : null;
    }

    static String encode(String value) {
        try {
            return URLEncoder.encode(value, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    @Override
    public String toString() {
        return "ZendeskTarget[" + accessUrl + ", hosts=" + hosts + "]";
    }
}
