package dev.zwidget.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load benchmark: {@code wrk} over real sockets against {@link LoadServer}'s three variants
 * of the same pages, in interleaved rounds (the order of the variants rotates each round), and
 * the ratios against no filter with their min/median/max over the rounds. Run it with
 * {@code bench/load.sh}; {@code -Drounds}, {@code -Dseconds}, {@code -Dconnections} tune it.
 */
public final class LoadBenchmark {

    /**
     * The variants measured, {@code plain} first, all served by {@link LoadServer}: by default
     * without the filter, with it and the naive injector; {@code -Dvariants=plain,filter,bare}
     * sets the filter against a filter that only wraps.
     */
    private static final String[] VARIANTS = LoadServer.variants(listProperty("variants", "plain,filter,naive"));
    /**
     * The pages measured: all by default, or those named by {@code -Dpages=bytes,json}. Each is
     * requested as a browser navigates to a page, but {@code json-fetch}, the same JSON requested
     * as a script's {@code fetch()} is.
     */
    private static final String[] PAGES = listProperty("pages", "string,chars,bytes,orders.jsp,json,json-fetch").split(",");
    /** Requests for the 10 MB page's first byte, per variant. */
    private static final int SAMPLES = 101;
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    /** The server runs in this JVM, which is otherwise idle while wrk runs. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LoadBenchmark() {
    }

    /** A list-valued property; the pom passes an empty one unless told, which means the default here. */
    private static String listProperty(String name, String byDefault) {
        String value = System.getProperty(name, "").trim();
        return value.isEmpty() ? byDefault : value;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 21);
        int seconds = Integer.getInteger("seconds", 1);
        int connections = Integer.getInteger("connections", 8);
        try (LoadServer server = new LoadServer()) {
            String base = "http://127.0.0.1:" + server.port();
            String marker = markerCookie(server.port());
            if (Boolean.getBoolean("serve")) {
                // For profiling: the server alone, driven by hand (wrk -H "Cookie: <marker>" …).
                System.out.printf("serving %s, marker cookie %s%n", base, marker);
                Thread.sleep(Long.MAX_VALUE);
            }
            System.out.printf("load benchmark: %d rounds x %d s per run, %d connections, wrk -t1%n",
                    rounds, seconds, connections);
            for (String variant : VARIANTS) {
                for (String page : PAGES) {
                    wrk(base, variant, page, marker, 2, connections);
                }
            }
            Map<String, List<double[]>> results = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (String page : PAGES) {
                    for (int v = 0; v < VARIANTS.length; v++) {
                        // Rotated, and reversed every other round, so that no variant always runs
                        // right after another (the naive injector's garbage is collected in the
                        // run after its own).
                        int n = VARIANTS.length;
                        int at = (round % 2 == 0 ? v : n - 1 - v) + round / 2;
                        String variant = VARIANTS[at % n];
                        double[] run = wrk(base, variant, page, marker, seconds, connections);
                        results.computeIfAbsent(variant + "/" + page, k -> new ArrayList<>()).add(run);
                    }
                }
                System.out.printf("round %d of %d done%n", round + 1, rounds);
            }
            if (rounds > 0) {
                LoadReport.print(PAGES, VARIANTS, results, rounds);
            }
            server.resetAllocation();
            allocation(server, base, marker);
            largePage(server, server.port(), marker);
        }
    }

    /** The marker cookie a signed-in browser holds, so each wrk request is one of its page views. */
    private static String markerCookie(int port) throws IOException {
        String head = new String(RawHttp.get(port, "/filter/string", null), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("(?im)^Set-Cookie: (zwidget_signed_in=[^;\\r\\n]+)").matcher(head);
        if (!m.find()) {
            throw new IllegalStateException("the filter set no marker cookie: " + head.substring(0, Math.min(600, head.length())));
        }
        return m.group(1);
    }

    private static double[] wrk(String base, String variant, String page, String cookie, int seconds, int connections)
            throws Exception {
        String url = base + "/" + variant + "/" + page;
        long collectionsBefore = collections();
        long cpuBefore = OS.getProcessCpuTime();
        List<String> command = new ArrayList<>(Arrays.asList("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
                "--latency", "-H", "Cookie: " + cookie));
        // Of what Chrome's fetch() sends, the headers that tell it from a navigation: the filter
        // turns such a request away by its Sec-Fetch-Dest.
        command.addAll(page.endsWith("-fetch")
                ? Arrays.asList("-H", "Accept: */*", "-H", "Sec-Fetch-Mode: cors", "-H", "Sec-Fetch-Dest: empty")
                : Arrays.asList("-H", "Accept: text/html"));
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0 || out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk failed for " + url + ":\n" + out);
        }
        long cpuNanos = OS.getProcessCpuTime() - cpuBefore;
        long collections = collections() - collectionsBefore;
        Matcher rps = RPS.matcher(out);
        Matcher p99 = P99.matcher(out);
        Matcher requests = REQUESTS.matcher(out);
        if (!rps.find() || !p99.find() || !requests.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        double micros = Double.parseDouble(p99.group(1)) * ("s".equals(p99.group(2)) ? 1e6
                : "ms".equals(p99.group(2)) ? 1e3 : 1);
        double cpuMicrosPerRequest = cpuNanos / 1e3 / Long.parseLong(requests.group(1));
        return new double[] {Double.parseDouble(rps.group(1)), micros, cpuMicrosPerRequest, collections};
    }

    /**
     * Collections so far in this JVM, which hosts the server (and this harness, which allocates
     * little while wrk runs): on Java 17's default G1 each is a pause of a few ms. A collector
     * with concurrent cycles counts those too.
     */
    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    private static void allocation(LoadServer server, String base, String marker) throws Exception {
        for (String variant : VARIANTS) {
            for (String page : PAGES) {
                wrk(base, variant, page, marker, 2, 2);
            }
        }
        System.out.println();
        System.out.println("| page | bytes allocated per request on the request thread: " + String.join(" / ", VARIANTS)
                + " |");
        System.out.println("|---|---|");
        for (String page : PAGES) {
            StringBuilder row = new StringBuilder("| " + page + " | ");
            for (int v = 0; v < VARIANTS.length; v++) {
                row.append(v == 0 ? "" : " / ").append(server.allocatedPerRequest("/" + VARIANTS[v] + "/" + page));
            }
            System.out.println(row.append(" |"));
        }
    }

    /**
     * Time to the first byte of the body of a 10 MB page, median of {@link #SAMPLES} requests alternating
     * between the variants, and what one request allocates on its thread.
     */
    private static void largePage(LoadServer server, int port, String marker) throws IOException {
        System.out.println();
        Map<String, double[]> times = new LinkedHashMap<>();
        // Many samples: a first byte takes 2-8 ms here whichever the variant, so a median of few
        // moved by a third between runs.
        times.put("plain", new double[SAMPLES]);
        times.put("filter", new double[SAMPLES]);
        for (int i = 0; i < 20; i++) {
            // Warm-up: the large page's small writes take paths the other pages do not.
            for (String variant : times.keySet()) {
                RawHttp.firstBodyByteMicros(port, "/" + variant + "/large", marker);
            }
        }
        server.resetAllocation();
        for (int i = 0; i < SAMPLES; i++) {
            // Which goes first alternates, so that neither always follows the other.
            for (String variant : i % 2 == 0 ? new String[] {"plain", "filter"} : new String[] {"filter", "plain"}) {
                times.get(variant)[i] = RawHttp.firstBodyByteMicros(port, "/" + variant + "/large", marker);
            }
        }
        double plain = LoadReport.median(times.get("plain"));
        double filter = LoadReport.median(times.get("filter"));
        // Each filter request against the plain one next to it: a burst of a neighbour's load
        // on a shared machine then weighs on both sides of a ratio instead of on one median.
        double[] paired = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            paired[i] = times.get("filter")[i] / times.get("plain")[i];
        }
        System.out.printf(Locale.ROOT, "10 MB page, time to first body byte (median of %d): plain %.0f µs, "
                + "filter %.0f µs, ratio of the medians %.2f, median of the paired ratios %.2f; allocated per"
                + " request: plain %d B, filter %d B%n", SAMPLES, plain, filter, filter / plain,
                LoadReport.median(paired),
                server.allocatedPerRequest("/plain/large"), server.allocatedPerRequest("/filter/large"));
    }
}
