package org.vaerepro.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.vaerepro.statistics.SampleSummary;

/**
 * Summarises models-vs-peer.sh's rows against one peer side, as markdown tables: per configuration and thread count,
 * the range (min-max over rounds) of Java's images/s and the peer's, their ratio within each round and, from three
 * rounds on, the geometric mean ratio with its 95% Student-t interval over rounds (on the log ratios,
 * {@link SampleSummary}); the peak resident memory of each side; the split of a training step; the machine's load in
 * each round. Usage: {@code PeerComparisonSummary rows.tsv [peer side, default pytorch]}.
 */
public final class PeerComparisonSummary {
    private PeerComparisonSummary() {
    }

    /** One row of rows.tsv: a side's measurement of one configuration at one thread count in one round. */
    record Row(Map<String, String> columns) {
        String get(String column) {
            String value = columns.get(column);
            if (value == null) {
                throw new IllegalArgumentException("rows.tsv has no column '" + column + "'");
            }
            return value;
        }

        double number(String column) {
            return Double.parseDouble(get(column));
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: PeerComparisonSummary rows.tsv [peer side, default pytorch]");
        }
        List<Row> rows = read(Path.of(args[0]));
        String peer = args.length > 1 ? args[1] : "pytorch";
        System.out.print(summary(rows, peer));
    }

    static List<Row> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split("\t");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Map<String, String> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                columns.put(header[i], i < cells.length ? cells[i] : "");
            }
            rows.add(new Row(columns));
        }
        return rows;
    }

    /** A pair of one round: Java's row and the peer's. */
    record Pair(Row java, Row peer) {
    }

    static String summary(List<Row> rows, String peer) {
        if (rows.stream().noneMatch(r -> r.get("side").equals(peer))) {
            throw new IllegalArgumentException("no rows of side '" + peer + "' (sides there: "
                    + rows.stream().map(r -> r.get("side")).distinct().sorted().toList() + ")");
        }
        Map<List<String>, Map<String, Row>> byRound = new TreeMap<>((a, b) -> String.join("\u0000", a)
                .compareTo(String.join("\u0000", b)));
        for (Row r : rows) {
            if (r.get("side").equals("java") || r.get("side").equals(peer)) {
                byRound.computeIfAbsent(List.of(r.get("configuration"), r.get("threads"), r.get("round")),
                        k -> new LinkedHashMap<>()).put(r.get("side"), r);
            }
        }
        Set<String> configs = new LinkedHashSet<>();
        rows.forEach(r -> configs.add(r.get("configuration")));
        StringBuilder out = new StringBuilder();
        for (String[] measure : new String[][] {{"infer_img_s", "Inference"}, {"train_img_s", "Training"}}) {
            out.append(String.format("%n%s, images/s (range over rounds; ratio Java/%s within each round)%n%n",
                    measure[1], peer));
            out.append(String.format("| configuration | threads | Java | %s | ratio | mean ratio [95%% CI] |%n", peer));
            out.append("|---|---|---|---|---|---|\n");
            for (String threads : List.of("1", "2")) {
                for (String config : configs) {
                    List<Pair> pairs = pairs(byRound, config, threads, peer);
                    if (pairs.isEmpty()) {
                        continue;
                    }
                    List<Double> java = values(pairs, Pair::java, measure[0]);
                    List<Double> other = values(pairs, Pair::peer, measure[0]);
                    List<Double> ratios = new ArrayList<>();
                    for (int i = 0; i < java.size(); i++) {
                        ratios.add(java.get(i) / other.get(i));
                    }
                    out.append(String.format("| %s | %s | %s | %s | %s | %s |%n", config, threads, span(java, "%,.0f"),
                            span(other, "%,.0f"), span(ratios, "%.2f"), meanRatio(ratios)));
                }
            }
        }
        out.append(String.format("%nPeak resident memory, MiB (range over rounds and thread counts; ratio Java/%s "
                + "within each pair)%n%n| configuration | Java | %s | ratio |%n|---|---|---|---|%n", peer, peer));
        for (String config : configs) {
            List<Pair> pairs = pairs(byRound, config, null, peer);
            List<Double> java = values(pairs, Pair::java, "peak_rss_mib");
            List<Double> other = values(pairs, Pair::peer, "peak_rss_mib");
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < java.size(); i++) {
                ratios.add(java.get(i) / other.get(i));
            }
            out.append(String.format("| %s | %s | %s | %s |%n", config, span(java, "%,.0f"), span(other, "%,.0f"),
                    span(ratios, "%.2f")));
        }
        out.append(String.format("%nA training step, ms (range over rounds): batch assembly, gradient pass, Adam update%n%n"
                + "| configuration | threads | Java batch | %1$s batch | Java pass | %1$s pass | Java update | %1$s update |%n"
                + "|---|---|---|---|---|---|---|---|%n", peer));
        for (String threads : List.of("1", "2")) {
            for (String config : configs) {
                List<Pair> pairs = pairs(byRound, config, threads, peer);
                if (pairs.isEmpty()) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String column : List.of("batch_ms", "pass_ms", "update_ms")) {
                    cells.add(span(values(pairs, Pair::java, column), "%.1f"));
                    cells.add(span(values(pairs, Pair::peer, column), "%.1f"));
                }
                out.append("| ").append(config).append(" | ").append(threads).append(" | ")
                        .append(String.join(" | ", cells)).append(" |\n");
            }
        }
        if (rows.get(0).columns().containsKey("load1")) {
            out.append(String.format("%nThe machine's 1-minute load average when each run started (range over the "
                    + "round's runs of every side)%n%n| round | load |%n|---|---|%n"));
            Set<String> rounds = new LinkedHashSet<>();
            rows.forEach(r -> rounds.add(r.get("round")));
            for (String round : rounds) {
                out.append("| ").append(round).append(" | ").append(span(rows.stream()
                        .filter(r -> r.get("round").equals(round)).map(r -> r.number("load1")).toList(), "%.2f"))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    /** The rounds of {@code config} at {@code threads} (null: every count) that hold both sides, in round order. */
    private static List<Pair> pairs(Map<List<String>, Map<String, Row>> byRound, String config, String threads,
            String peer) {
        List<Pair> pairs = new ArrayList<>();
        byRound.forEach((key, sides) -> {
            if (key.get(0).equals(config) && (threads == null || key.get(1).equals(threads)) && sides.size() == 2) {
                pairs.add(new Pair(sides.get("java"), sides.get(peer)));
            }
        });
        return pairs;
    }

    private static List<Double> values(List<Pair> pairs, Function<Pair, Row> side, String column) {
        return pairs.stream().map(p -> side.apply(p).number(column)).toList();
    }

    /** "1.03" when every value prints alike, else "0.98-1.10". */
    static String span(List<Double> values, String format) {
        String low = String.format(Locale.ROOT, format, values.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        String high = String.format(Locale.ROOT, format, values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        return low.equals(high) ? low : low + "-" + high;
    }

    /** The geometric mean of the per-round ratios and its 95% t-interval ("" below three rounds). */
    static String meanRatio(List<Double> ratios) {
        if (ratios.size() < 3) {
            return "";
        }
        SampleSummary logs = SampleSummary.of(ratios.stream().mapToDouble(Math::log).toArray(), SampleSummary.CONFIDENCE_95);
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", Math.exp(logs.mean()), Math.exp(logs.low()),
                Math.exp(logs.high()));
    }
}
