package dev.zwidget.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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

    private static final String[] PAGES = {"string", "chars", "bytes", "orders.jsp", "json"};
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 5);
        int seconds = Integer.getInteger("seconds", 5);
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
            for (String variant : LoadServer.VARIANTS) {
                for (String page : PAGES) {
                    wrk(base + "/" + variant + "/" + page, marker, 2, connections);
                }
            }
            Map<String, List<double[]>> results = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (String page : PAGES) {
                    for (int v = 0; v < LoadServer.VARIANTS.length; v++) {
                        String variant = LoadServer.VARIANTS[(v + round) % LoadServer.VARIANTS.length];
                        double[] run = wrk(base + "/" + variant + "/" + page, marker, seconds, connections);
                        results.computeIfAbsent(variant + "/" + page, k -> new ArrayList<>()).add(run);
                    }
                }
                System.out.printf("round %d of %d done%n", round + 1, rounds);
            }
            report(results, rounds);
            server.resetAllocation();
            allocation(server, base, marker);
            largePage(server.port(), marker);
        }
    }

    /** The marker cookie a signed-in browser holds, so each wrk request is one of its page views. */
    private static String markerCookie(int port) throws IOException {
        String head = new String(get(port, "/filter/string", null, false), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("(?im)^Set-Cookie: (zwidget_signed_in=[^;\\r\\n]+)").matcher(head);
        if (!m.find()) {
            throw new IllegalStateException("the filter set no marker cookie: " + head.substring(0, Math.min(600, head.length())));
        }
        return m.group(1);
    }

    private static double[] wrk(String url, String cookie, int seconds, int connections) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-H", "Cookie: " + cookie, "-H", "Accept: text/html", url).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0 || out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk failed for " + url + ":\n" + out);
        }
        Matcher rps = RPS.matcher(out);
        Matcher p99 = P99.matcher(out);
        if (!rps.find() || !p99.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        double micros = Double.parseDouble(p99.group(1)) * ("s".equals(p99.group(2)) ? 1e6
                : "ms".equals(p99.group(2)) ? 1e3 : 1);
        return new double[] {Double.parseDouble(rps.group(1)), micros};
    }

    private static void report(Map<String, List<double[]>> results, int rounds) {
        System.out.println();
        System.out.println("| page | variant | req/s (median) | p99 µs (median) | throughput ratio min / median / max | p99 ratio (median) |");
        System.out.println("|---|---|---|---|---|---|");
        for (String page : PAGES) {
            List<double[]> plain = results.get("plain/" + page);
            for (String variant : LoadServer.VARIANTS) {
                List<double[]> runs = results.get(variant + "/" + page);
                double[] ratios = new double[rounds];
                double[] p99Ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratios[r] = runs.get(r)[0] / plain.get(r)[0];
                    p99Ratios[r] = runs.get(r)[1] / plain.get(r)[1];
                }
                Arrays.sort(ratios);
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.2f / %.2f / %.2f | %.2f |%n", page, variant,
                        median(runs, 0), median(runs, 1), ratios[0], median(ratios), ratios[rounds - 1],
                        median(p99Ratios));
            }
        }
    }

    private static void allocation(LoadServer server, String base, String marker) throws Exception {
        for (String variant : LoadServer.VARIANTS) {
            for (String page : PAGES) {
                wrk(base + "/" + variant + "/" + page, marker, 2, 2);
            }
        }
        System.out.println();
        System.out.println("| page | bytes allocated per request on the request thread: plain / filter / naive |");
        System.out.println("|---|---|");
        for (String page : PAGES) {
            System.out.printf("| %s | %d / %d / %d |%n", page, server.allocatedPerRequest("/plain/" + page),
                    server.allocatedPerRequest("/filter/" + page), server.allocatedPerRequest("/naive/" + page));
        }
    }

    /** Time to the first byte of the body of a 10 MB page, median of 15, without and with the filter. */
    private static void largePage(int port, String marker) throws IOException {
        System.out.println();
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String variant : new String[] {"plain", "filter"}) {
            double[] times = new double[15];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                get(port, "/" + variant + "/large", marker, true);
                times[i] = (System.nanoTime() - start) / 1e3;
            }
            Arrays.sort(times);
            medians.put(variant, median(times));
        }
        System.out.printf(Locale.ROOT, "10 MB page, time to first body byte (median of 15): plain %.0f µs, filter %.0f µs, ratio %.2f%n",
                medians.get("plain"), medians.get("filter"), medians.get("filter") / medians.get("plain"));
    }

    /**
     * One GET over a fresh socket. With {@code firstByteOnly} it returns as soon as the first byte
     * of the body arrives (and drops the connection); otherwise it returns the head.
     */
    private static byte[] get(int port, String path, String cookie, boolean firstByteOnly) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: bench\r\nAccept: text/html\r\nConnection: close\r\n"
                    + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            if (firstByteOnly) {
                in.read();
            }
            return head.toByteArray();
        }
    }

    private static double median(List<double[]> runs, int index) {
        double[] values = runs.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return median(values);
    }

    private static double median(double[] sorted) {
        double[] copy = sorted.clone();
        Arrays.sort(copy);
        int n = copy.length;
        return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
    }
}
