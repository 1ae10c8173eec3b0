"""The likelihood table of a suite's runs (reproductions/README.md): per run, the epochs it trained, its test
NLL and negative ELBO with their standard errors over the declared test images, the KL term and NLL in bits per
dimension, the test PSNR and the processor that trained it; whether its training equals, bit for bit, the same experiment's seed-1 run in
another suite's results (every epoch's training loss, reconstruction, KL, validation loss and PSNR, and the test
PSNR), or the first epoch's loss difference where it does not; and, given likelihood-vs-reference.sh's result,
the difference of the Java NLL from the float64 PyTorch computation on the same exported run.
Usage: /usr/bin/python3 reproductions/bench/likelihood-table.py <suite results> <compared suite results>
       [likelihood-reference.json]"""
import json
import sys
from pathlib import Path

results, compared = Path(sys.argv[1]), Path(sys.argv[2])
reference = json.loads(Path(sys.argv[3]).read_text())["cases"] if len(sys.argv) > 3 else {}


def read(path):
    return json.loads(path.read_text())


def same_training(training, report, other):
    a, b = training["result"]["epochs"], read(other / "training.json")["result"]["epochs"]
    fields = ("loss", "reconstruction", "kl")
    same = len(a) == len(b) and all(
        all(x[f] == y[f] for f in fields) and all(x["validation"][f] == y["validation"][f] for f in ("loss", "psnr"))
        for x, y in zip(a, b))
    same = same and report["metrics"]["psnr"] == read(other / "metrics.json")["metrics"]["psnr"]
    return "yes" if same else f"no (epoch 1 loss {a[0]['loss'] - b[0]['loss']:+.4f})"


print("| run | epochs (best) | test PSNR | NLL ± SE (nats) | -ELBO ± SE | KL | NLL bits/dim "
      "| processor | training = seed 1 of the compared suite | Java - PyTorch NLL |")
print("|---|---|---|---|---|---|---|---|---|---|")
for metrics_file in sorted(results.glob("*/metrics.json")):
    run = metrics_file.parent
    report = read(metrics_file)
    likelihood = report["metrics"].get("likelihood")
    if likelihood is None:
        continue
    convergence = report["convergence"]
    training = read(run / "training.json")
    other = compared / run.name / "seed-1"
    identity = same_training(training, report, other) if (other / "training.json").exists() else "(no such run)"
    case = reference.get(run.name)
    check = f"{case['difference']['nll']:+.1e}" if case else "not checked"
    nll, elbo = likelihood["nll"], likelihood["negativeElbo"]
    cpu = training["provenance"]["environment"]["cpu"]
    processor = cpu[cpu.find("(") + 1:-1] if "(" in cpu else cpu
    print(f"| {run.name} | {convergence['epochsTrained']} ({convergence['bestEpoch'] + 1}) "
          f"| {report['metrics']['psnr']:.3f} | {nll['mean']:.2f} ± {nll['standardError']:.2f} "
          f"| {elbo['mean']:.2f} ± {elbo['standardError']:.2f} | {likelihood['kl']['mean']:.2f} "
          f"| {likelihood['nllBitsPerDimension']:.4f} | {processor} | {identity} | {check} |")
