package dev.zwidget.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load benchmark's tables, from the runs of each {@code variant/page}: per run, requests per
 * second, p99 latency in µs, the server's CPU µs per request and the collections during the run.
 */
final class LoadReport {

    private LoadReport() {
    }

    static void print(String[] pages, String[] variants, Map<String, List<double[]>> results, int rounds) {
        ratios(pages, variants, results, rounds);
        pauses(pages, variants, results, rounds);
    }

    /**
     * Throughput and p99 against no filter, and the server's CPU time per request (this JVM's
     * CPU time over a run divided by its requests): CPU that a neighbour on a shared machine takes
     * is not counted in it, so it moves much less between rounds than requests per second do.
     */
    private static void ratios(String[] pages, String[] variants, Map<String, List<double[]>> results, int rounds) {
        System.out.println();
        System.out.println("| page | variant | req/s (median) | p99 µs (median) | throughput ratio min / median / max"
                + " | p99 ratio (median) | server CPU µs/request (median) | CPU ratio min / median / max |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String page : pages) {
            List<double[]> plain = results.get("plain/" + page);
            for (String variant : variants) {
                List<double[]> runs = results.get(variant + "/" + page);
                double[] ratios = new double[rounds];
                double[] p99Ratios = new double[rounds];
                double[] cpuRatios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratios[r] = runs.get(r)[0] / plain.get(r)[0];
                    p99Ratios[r] = runs.get(r)[1] / plain.get(r)[1];
                    cpuRatios[r] = runs.get(r)[2] / plain.get(r)[2];
                }
                Arrays.sort(ratios);
                Arrays.sort(cpuRatios);
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.2f / %.2f / %.2f | %.2f | %.1f"
                        + " | %.2f / %.2f / %.2f |%n", page, variant, median(runs, 0), median(runs, 1), ratios[0],
                        median(ratios), ratios[rounds - 1], median(p99Ratios), median(runs, 2), cpuRatios[0],
                        median(cpuRatios), cpuRatios[rounds - 1]);
            }
        }
    }

    /**
     * How often the server stopped for a collection during a run, and the filter's p99 ratio in
     * the rounds where neither run had one and in those where only the filter's had: a young
     * collection holds every connection for a few ms, so a one-second run with one can have a p99
     * its pages' own work does not explain, and the filter allocates a few KB per signed-in page.
     */
    private static void pauses(String[] pages, String[] variants, Map<String, List<double[]>> results, int rounds) {
        System.out.println();
        System.out.println("| page | collections per run, mean: " + String.join(" / ", variants) + " | filter p99 ratio"
                + " (median), rounds where neither run had one | where only the filter's run had one |");
        System.out.println("|---|---|---|---|");
        for (String page : pages) {
            List<double[]> plain = results.get("plain/" + page);
            List<double[]> filter = results.get("filter/" + page);
            List<Double> neither = new ArrayList<>();
            List<Double> onlyFilter = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                double ratio = filter.get(r)[1] / plain.get(r)[1];
                if (plain.get(r)[3] == 0) {
                    (filter.get(r)[3] == 0 ? neither : onlyFilter).add(ratio);
                }
            }
            StringBuilder means = new StringBuilder();
            for (String variant : variants) {
                means.append(means.length() == 0 ? "" : " / ")
                        .append(String.format(Locale.ROOT, "%.2f", mean(results.get(variant + "/" + page), 3)));
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", page, means, medianOf(neither),
                    medianOf(onlyFilter));
        }
    }

    private static double mean(List<double[]> runs, int index) {
        return runs.stream().mapToDouble(r -> r[index]).average().orElse(Double.NaN);
    }

    private static String medianOf(List<Double> ratios) {
        return ratios.isEmpty() ? "none" : String.format(Locale.ROOT, "%.2f (%d rounds)",
                median(ratios.stream().mapToDouble(Double::doubleValue).toArray()), ratios.size());
    }

    private static double median(List<double[]> runs, int index) {
        return median(runs.stream().mapToDouble(r -> r[index]).toArray());
    }

    static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        int n = copy.length;
        return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
    }
}
