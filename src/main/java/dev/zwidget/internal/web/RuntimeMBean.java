package dev.zwidget.internal.web;

import dev.zwidget.ZendeskWidgetFilterMXBean;
import dev.zwidget.internal.ops.FilterStats;
import java.util.Map;

/** The MBean of one running filter: reads its counters and settings, never the secret. */
public final class RuntimeMBean implements ZendeskWidgetFilterMXBean {

    private final WidgetRuntime runtime;
    private final FilterStats stats;

    public RuntimeMBean(WidgetRuntime runtime) {
        this.runtime = runtime;
        this.stats = runtime.stats();
    }

    @Override
    public long getPagesSpliced() {
        return stats.pagesSpliced();
    }

    @Override
    public long getPagesPlacedByView() {
        return stats.pagesPlacedByView();
    }

    @Override
    public Map<String, Long> getPagesByOutcome() {
        return stats.pagesByOutcome();
    }

    @Override
    public Map<String, Long> getSkippedByReason() {
        return stats.skippedByReason();
    }

    @Override
    public long getTokensMinted() {
        return runtime.tokensMinted();
    }

    @Override
    public Map<String, Long> getTokenEndpointAnswers() {
        return stats.tokenEndpointAnswers();
    }

    @Override
    public long getLogoutsSent() {
        return stats.logoutsSent();
    }

    @Override
    public long getResolverErrors() {
        return stats.resolverErrors();
    }

    @Override
    public long getMintErrors() {
        return stats.mintErrors();
    }

    @Override
    public String getMintingDisabledBecause() {
        String why = runtime.mintingBrokenBecause();
        return why == null ? "" : why;
    }

    @Override
    public String getConfiguration() {
        return runtime.configuration();
    }
}
