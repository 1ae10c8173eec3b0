"""Summarises models-vs-peer.sh's rows against one peer side: per configuration and thread count, the range (min-max
over rounds) of Java's images/s, the peer's, their ratio within each round with, from three rounds on, the geometric
mean ratio and its 95% t-interval over rounds (on the log ratios), the peak resident memory of each side, the split
of a training step (batch assembly, gradient pass, Adam update; ms per step) and the machine's load in each round.
Usage: /usr/bin/python3 reproductions/bench/models-vs-peer-summary.py rows.tsv [peer side, default pytorch]"""
import csv
import math
import statistics
import sys
from collections import defaultdict

# Two-sided 95% quantiles of Student's t for 1-30 degrees of freedom (rounds - 1).
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def span(values, fmt):
    low, high = min(values), max(values)
    return fmt.format(low) if fmt.format(low) == fmt.format(high) else f"{fmt.format(low)}-{fmt.format(high)}"


rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
peer = sys.argv[2] if len(sys.argv) > 2 else "pytorch"
if not any(r["side"] == peer for r in rows):
    sys.exit(f"{sys.argv[1]}: no rows of side '{peer}' (sides there: {sorted({r['side'] for r in rows})})")
by = defaultdict(dict)
for r in rows:
    if r["side"] in ("java", peer):
        by[(r["configuration"], r["threads"], r["round"])][r["side"]] = r
configs = list(dict.fromkeys(r["configuration"] for r in rows))


def mean_ratio(ratios):
    """Geometric mean of the per-round ratios and its 95% t-interval ("" below three rounds)."""
    if len(ratios) < 3:
        return ""
    logs = [math.log(r) for r in ratios]
    m, half = statistics.mean(logs), T975[min(len(logs) - 1, 30) - 1] * statistics.stdev(logs) / math.sqrt(len(logs))
    return f"{math.exp(m):.2f} [{math.exp(m - half):.2f}, {math.exp(m + half):.2f}]"


def pairs_of(c, threads=None):
    """The rounds of configuration c (at one thread count; None: every count) that hold both sides."""
    return [v for (cc, t, _), v in sorted(by.items()) if cc == c and threads in (None, t) and len(v) == 2]


def by_threads():
    """(configuration, thread count, its rounds) in table order, where there are rounds."""
    for threads in ("1", "2"):
        for c in configs:
            if pairs_of(c, threads):
                yield c, threads, pairs_of(c, threads)


for measure, title in (("infer_img_s", "Inference"), ("train_img_s", "Training")):
    print(f"\n{title}, images/s (range over rounds; ratio Java/{peer} within each round)\n")
    print(f"| configuration | threads | Java | {peer} | ratio | mean ratio [95% CI] |")
    print("|---|---|---|---|---|---|")
    for c, threads, pairs in by_threads():
        j = [float(p["java"][measure]) for p in pairs]
        p = [float(p[peer][measure]) for p in pairs]
        ratios = [a / b for a, b in zip(j, p)]
        print(f"| {c} | {threads} | {span(j, '{:,.0f}')} | {span(p, '{:,.0f}')} | {span(ratios, '{:.2f}')} | "
              f"{mean_ratio(ratios)} |")
print(f"\nPeak resident memory, MiB (range over rounds and thread counts; ratio Java/{peer} within each pair)\n")
print(f"| configuration | Java | {peer} | ratio |")
print("|---|---|---|---|")
for c in configs:
    pairs = pairs_of(c)
    j = [float(p["java"]["peak_rss_mib"]) for p in pairs]
    p = [float(p[peer]["peak_rss_mib"]) for p in pairs]
    print(f"| {c} | {span(j, '{:,.0f}')} | {span(p, '{:,.0f}')} | {span([a / b for a, b in zip(j, p)], '{:.2f}')} |")
print("\nA training step, ms (range over rounds): batch assembly, gradient pass, Adam update\n")
print(f"| configuration | threads | Java batch | {peer} batch | Java pass | {peer} pass | Java update | {peer} update |")
print("|---|---|---|---|---|---|---|---|")
for c, threads, pairs in by_threads():
    cells = [span([float(p[side][measure]) for p in pairs], "{:.1f}")
             for measure in ("batch_ms", "pass_ms", "update_ms") for side in ("java", peer)]
    print(f"| {c} | {threads} | " + " | ".join(cells) + " |")
if "load1" in rows[0]:
    print("\nThe machine's 1-minute load average when each run started (range over the round's runs of every side)\n")
    print("| round | load |")
    print("|---|---|")
    for r in dict.fromkeys(row["round"] for row in rows):
        print(f"| {r} | {span([float(row['load1']) for row in rows if row['round'] == r], '{:.2f}')} |")
