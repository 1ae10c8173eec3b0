"""Puts the project's per-epoch validation curves beside the PyTorch peer's (issue #13 item 7).

    /usr/bin/python3 vae-core/src/bench/python/compare_learning_curves.py <suite output folder> <out folder> \
        mnist-vae-d10=peer-mnist.json cifar-vae-d256=peer-cifar10.json

For each experiment: the project's runs (<suite folder>/<id>/seed-<n>/training.json) and the peer's seeds.
Writes <out>/<id>.png (validation loss, PSNR and LPIPS against epoch, one line per seed and framework) and
<out>/<id>.json (per epoch: each side's mean, min and max over seeds, whether the project's mean lies
within the peer's seed range, and Welch's two-sided t-test of the two sides' seeds with its p-value adjusted by
Holm's method over every (epoch, measure) compared for that experiment), and prints Markdown tables.
Needs matplotlib and SciPy (Debian: python3-matplotlib, python3-scipy).
"""
import glob
import json
import os
import sys

import matplotlib
from scipy import stats

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

METRICS = [("loss", "validation loss (per image)"), ("psnr", "validation PSNR (dB)"), ("lpips", "validation LPIPS")]


def project_curves(suite_folder, experiment):
    curves = {}
    for path in sorted(glob.glob(os.path.join(suite_folder, experiment, "seed-*", "training.json"))):
        seed = path.split("seed-")[-1].split(os.sep)[0]
        with open(path) as f:
            epochs = json.load(f)["result"]["epochs"]
        curves[seed] = [e["validation"] for e in epochs]
    return curves


def peer_curves(path):
    with open(path) as f:
        peer = json.load(f)
    return {seed: [e["validation"] for e in epochs] for seed, epochs in peer["seeds"].items()}, peer


def summary(curves, metric, epoch):
    values = [c[epoch][metric] for c in curves.values() if len(c) > epoch]
    return {"mean": sum(values) / len(values), "min": min(values), "max": max(values), "n": len(values)}


def holm(p_values):
    """Holm's step-down adjustment (as R's p.adjust(p, "holm")): the k-th smallest p times (m - k + 1), kept
    monotone and capped at 1."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    adjusted, running = [0.0] * len(p_values), 0.0
    for rank, i in enumerate(order):
        running = max(running, (len(p_values) - rank) * p_values[i])
        adjusted[i] = min(1.0, running)
    return adjusted


def welch(ours, theirs, metric, epoch):
    a = [c[epoch][metric] for c in ours.values() if len(c) > epoch]
    b = [c[epoch][metric] for c in theirs.values() if len(c) > epoch]
    t, p = stats.ttest_ind(a, b, equal_var=False)
    return {"t": float(t), "p": float(p)}


def main():
    suite_folder, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for pair in sys.argv[3:]:
        experiment, peer_file = pair.split("=", 1)
        ours = project_curves(suite_folder, experiment)
        theirs, peer = peer_curves(peer_file)
        epochs = min(min(len(c) for c in ours.values()), min(len(c) for c in theirs.values()))
        figure, axes = plt.subplots(1, 3, figsize=(15, 4))
        rows = []
        for axis, (metric, label) in zip(axes, METRICS):
            for seed, curve in ours.items():
                axis.plot(range(1, len(curve) + 1), [v[metric] for v in curve], "o-", color="tab:blue",
                          label=f"vae-repro seed {seed}")
            for seed, curve in theirs.items():
                axis.plot(range(1, len(curve) + 1), [v[metric] for v in curve], "s--", color="tab:orange",
                          label=f"PyTorch seed {seed}")
            axis.set_xlabel("epoch")
            axis.set_ylabel(label)
            axis.grid(alpha=0.3)
        axes[0].legend(fontsize=7)
        figure.suptitle(f"{experiment}: vae-repro (ND4J) vs PyTorch peer ({peer['framework']}), validation curves")
        figure.tight_layout()
        figure.savefig(os.path.join(out, f"{experiment}.png"), dpi=90)
        for epoch in range(epochs):
            row = {"epoch": epoch + 1}
            for metric, _ in METRICS:
                a, b = summary(ours, metric, epoch), summary(theirs, metric, epoch)
                row[metric] = {"project": a, "peer": b, "projectMeanWithinPeerRange": b["min"] <= a["mean"] <= b["max"],
                               "difference": a["mean"] - b["mean"]}
            rows.append(row)
        tests = [(row, metric) for row in rows for metric, _ in METRICS]
        for (row, metric), adjusted in zip(tests, holm([welch(ours, theirs, m, r["epoch"] - 1)["p"] for r, m in tests])):
            row[metric]["welch"] = dict(welch(ours, theirs, metric, row["epoch"] - 1), holm=adjusted)
        with open(os.path.join(out, f"{experiment}.json"), "w") as f:
            json.dump({"experiment": experiment, "peer": peer["command"], "epochs": rows}, f, indent=1)
        print(f"\n{experiment} (project seeds {sorted(ours)}, peer seeds {sorted(theirs)}); mean [min, max] over seeds")
        print("| epoch | val. loss vae-repro | val. loss PyTorch | PSNR vae-repro | PSNR PyTorch | LPIPS vae-repro | LPIPS PyTorch |")
        print("|---|---|---|---|---|---|---|")
        for row in rows:
            cells = []
            for metric, _ in METRICS:
                fmt = "{:.4f}" if metric == "lpips" else "{:.2f}"
                for side in ("project", "peer"):
                    s = row[metric][side]
                    cells.append(f"{fmt.format(s['mean'])} [{fmt.format(s['min'])}, {fmt.format(s['max'])}]")
            print(f"| {row['epoch']} | " + " | ".join(cells) + " |")
        print(f"\nWelch's two-sided t-test, project vs peer seeds; p, and p adjusted by Holm over the {len(tests)} tests")
        print("| epoch | loss t | loss p (Holm) | PSNR t | PSNR p (Holm) | LPIPS t | LPIPS p (Holm) |")
        print("|---|---|---|---|---|---|---|")
        for row in rows:
            cells = [f"{row[m]['welch']['t']:+.2f} | {row[m]['welch']['p']:.3f} ({row[m]['welch']['holm']:.2f})"
                     for m, _ in METRICS]
            print(f"| {row['epoch']} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
