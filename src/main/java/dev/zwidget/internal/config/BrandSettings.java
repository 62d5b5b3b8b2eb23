package dev.zwidget.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One brand of a multi-brand deployment ({@code brands}): the host names it is served on, its
 * own widget key and signing keys, and how its external ids differ from the other brands' (a
 * prefix, or another property path), since Zendesk needs them unique per brand. Immutable;
 * {@link #toString()} shows no secret.
 */
public final class BrandSettings {

    private final String name;
    private final Set<String> hosts;
    private final String widgetKey;
    private final List<SigningKey> signingKeys;
    private final String externalIdPrefix;
    private final String externalIdPath;

    BrandSettings(String name, Set<String> hosts, String widgetKey, List<SigningKey> signingKeys,
            String externalIdPrefix, String externalIdPath) {
        this.name = name;
        this.hosts = Collections.unmodifiableSet(new LinkedHashSet<>(hosts));
        this.widgetKey = widgetKey;
        this.signingKeys = Collections.unmodifiableList(new ArrayList<>(signingKeys));
        this.externalIdPrefix = externalIdPrefix;
        this.externalIdPath = externalIdPath;
    }

    /** The brand's name in the params ({@code brand.<name>.…}): lower-case letters, digits, '-'. */
    public String name() {
        return name;
    }

    /** The request host names (lower case, no port) this brand is served on. */
    public Set<String> hosts() {
        return hosts;
    }

    public String widgetKey() {
        return widgetKey;
    }

    /** The brand's signing keys, the active one first. */
    public List<SigningKey> signingKeys() {
        return signingKeys;
    }

    /** Put before every external id of this brand, or {@code null}. */
    public String externalIdPrefix() {
        return externalIdPrefix;
    }

    /** The property path of this brand's external id, or {@code null} for the filter's. */
    public String externalIdPath() {
        return externalIdPath;
    }

    @Override
    public String toString() {
        return "Brand[" + name + ", hosts=" + hosts + ", widgetKey=" + widgetKey + ", keys=" + signingKeys
                + (externalIdPrefix != null ? ", externalIdPrefix=" + externalIdPrefix : "")
                + (externalIdPath != null ? ", externalId=" + externalIdPath : "") + "]";
    }
}
