package dev.zwidget.internal.ops;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one filter instance has done since it started, counted with {@link LongAdder}s so that
 * request threads never contend: pages by outcome (the debug header's words), pages the block
 * went into, tokens, token endpoint answers, errors. Read through the filter's MBean.
 */
public final class FilterStats {

    private static final String NONE = "none; ";

    private final ConcurrentHashMap<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> skips = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, LongAdder> endpoint = new ConcurrentHashMap<>();
    private final LongAdder spliced = new LongAdder();
    private final LongAdder minted = new LongAdder();
    private final LongAdder placedByView = new LongAdder();
    private final LongAdder logouts = new LongAdder();
    private final LongAdder resolverErrors = new LongAdder();
    private final LongAdder mintErrors = new LongAdder();

    /** A page decided: {@code label} is what the debug header says ({@code login}, {@code none; …}). */
    public void decided(String label) {
        if (label.startsWith(NONE)) {
            // Kept whole: a substring per response is an allocation the JSON path does not need.
            count(skips, label);
            return;
        }
        count(outcomes, label);
        if (label.startsWith("logout")) {
            logouts.increment();
        }
    }

    /** A request the filter did not touch at all (excluded path, method, XHR…). */
    public void skipped(String reason) {
        count(skips, reason);
    }

    public void tokenMinted() {
        minted.increment();
    }

    public void spliced() {
        spliced.increment();
    }

    public void placedByView() {
        placedByView.increment();
    }

    public void endpointAnswered(int status) {
        endpoint.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    public void resolverError() {
        resolverErrors.increment();
    }

    public void mintError() {
        mintErrors.increment();
    }

    public long tokensMinted() {
        return minted.sum();
    }

    public long pagesSpliced() {
        return spliced.sum();
    }

    public long pagesPlacedByView() {
        return placedByView.sum();
    }

    public long logoutsSent() {
        return logouts.sum();
    }

    public long resolverErrors() {
        return resolverErrors.sum();
    }

    public long mintErrors() {
        return mintErrors.sum();
    }

    /** Pages that were planned a block, by what it does ({@code login}, {@code anonymous}…). */
    public Map<String, Long> pagesByOutcome() {
        return snapshot(outcomes);
    }

    /** Responses and requests left untouched, by reason (the debug header's reasons). */
    public Map<String, Long> skippedByReason() {
        Map<String, Long> byReason = new TreeMap<>();
        skips.forEach((key, count) -> byReason.merge(key.startsWith(NONE) ? key.substring(NONE.length()) : key,
                count.sum(), Long::sum));
        return byReason;
    }

    public Map<String, Long> tokenEndpointAnswers() {
        Map<String, Long> answers = new TreeMap<>();
        endpoint.forEach((status, count) -> answers.put(Integer.toString(status), count.sum()));
        return answers;
    }

    private static void count(ConcurrentHashMap<String, LongAdder> counts, String key) {
        // Reasons are a small fixed set of phrases, plus a status or content type: bounded, but
        // capped all the same so that no request can grow the map without end.
        LongAdder adder = counts.get(key);
        if (adder == null) {
            adder = counts.size() < 200 ? counts.computeIfAbsent(key, k -> new LongAdder())
                    : counts.computeIfAbsent("(other)", k -> new LongAdder());
        }
        adder.increment();
    }

    private static Map<String, Long> snapshot(ConcurrentHashMap<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }
}
