"""Plots and tabulates the project's per-epoch validation curves beside the PyTorch peer's (issue #13 item 7), from
the comparisons `vae:compare-peer` writes (org.vaerepro.regression.PeerCurveComparison: per epoch and measure, each
side's mean, min and max over its seeds, whether the project's mean lies within the peer's seed range, and Welch's
two-sided t-test of the two sides' seeds with its p adjusted by Holm's method over every (epoch, measure) compared
for that experiment; the project's side is its current runs alone). This script computes nothing:

    mvn -B -q -pl reproductions vae:compare-peer -Dvae.suite=suites/cross-check.json \
        -Dvae.outputDirectory=$PWD/reproductions/results -Dvae.peerCurves=results/cross-check/pytorch-peer
    /usr/bin/python3 vae-core/src/bench/python/compare_learning_curves.py reproductions/results/cross-check/comparison

For each <id>.json in the folder: writes <id>.png beside it (validation loss, PSNR and LPIPS against epoch, one line
per seed and framework) and prints Markdown tables. Needs matplotlib (Debian: python3-matplotlib).
"""
import glob
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

METRICS = [("loss", "validation loss (per image)"), ("psnr", "validation PSNR (dB)"), ("lpips", "validation LPIPS")]
FORMAT = {"kind": "vae-repro-peer-curves", "version": 1}


def plot(comparison, path):
    figure, axes = plt.subplots(1, 3, figsize=(15, 4))
    for axis, (metric, label) in zip(axes, METRICS):
        for seed, curve in comparison["projectCurves"].items():
            axis.plot(range(1, len(curve) + 1), [v[metric] for v in curve], "o-", color="tab:blue",
                      label=f"vae-repro seed {seed}")
        for seed, curve in comparison["peerCurves"].items():
            axis.plot(range(1, len(curve) + 1), [v[metric] for v in curve], "s--", color="tab:orange",
                      label=f"PyTorch seed {seed}")
        axis.set_xlabel("epoch")
        axis.set_ylabel(label)
        axis.grid(alpha=0.3)
    axes[0].legend(fontsize=7)
    figure.suptitle(f"{comparison['experiment']}: vae-repro (ND4J) vs PyTorch peer ({comparison['peerFramework']}), "
                    "validation curves")
    figure.tight_layout()
    figure.savefig(path, dpi=90)


def tables(comparison):
    print(f"\n{comparison['experiment']} (project seeds {sorted(comparison['projectCurves'])}, peer seeds "
          f"{sorted(comparison['peerCurves'])}); mean [min, max] over seeds")
    print("| epoch | val. loss vae-repro | val. loss PyTorch | PSNR vae-repro | PSNR PyTorch | LPIPS vae-repro | LPIPS PyTorch |")
    print("|---|---|---|---|---|---|---|")
    for row in comparison["epochs"]:
        cells = []
        for metric, _ in METRICS:
            fmt = "{:.4f}" if metric == "lpips" else "{:.2f}"
            for side in ("project", "peer"):
                s = row[metric][side]
                cells.append(f"{fmt.format(s['mean'])} [{fmt.format(s['min'])}, {fmt.format(s['max'])}]")
        print(f"| {row['epoch']} | " + " | ".join(cells) + " |")
    print(f"\nWelch's two-sided t-test, project vs peer seeds; p, and p adjusted by Holm over the "
          f"{comparison['tests']} tests")
    print("| epoch | loss t | loss p (Holm) | PSNR t | PSNR p (Holm) | LPIPS t | LPIPS p (Holm) |")
    print("|---|---|---|---|---|---|---|")
    for row in comparison["epochs"]:
        cells = [f"{row[m]['welch']['t']:+.2f} | {row[m]['p']:.3f} ({row[m]['holmP']:.2f})" for m, _ in METRICS]
        print(f"| {row['epoch']} | " + " | ".join(cells) + " |")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    files = sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))
    comparisons = [json.load(open(path)) for path in files]
    comparisons = [(path, c) for path, c in zip(files, comparisons) if c.get("format") == FORMAT]
    if not comparisons:
        sys.exit(f"no {FORMAT['kind']} version {FORMAT['version']} file in {sys.argv[1]}: run vae:compare-peer first")
    for path, comparison in comparisons:
        plot(comparison, path[:-len(".json")] + ".png")
        tables(comparison)


if __name__ == "__main__":
    main()
