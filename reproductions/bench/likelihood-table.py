"""The likelihood table of a suite's runs (reproductions/README.md): per run, the epochs it trained, its test
NLL and negative ELBO with their standard errors over the declared test images, the KL term and NLL in bits per
dimension, the test PSNR and the processor that trained it; whether its training equals, bit for bit, the same run
in the suite its suite is compared with (every epoch's training loss, reconstruction, KL, validation loss and PSNR,
and the test PSNR), or the first epoch's loss difference where it does not; and, given likelihood-vs-reference.sh's
result, the difference of the Java NLL from the float64 PyTorch computation on the same exported run (marked when
the checked model was a retrain whose Java NLL differs from the listed run's).
The runs are those `vae:export -Dvae.export=likelihood` (org.vaerepro.experiment.LikelihoodRunExport) lists in runs.json
(current for the suite as declared now, with a likelihood report; with the compared suite's run where that is
current): this script decides nothing about which run counts.
Usage: /usr/bin/python3 reproductions/bench/likelihood-table.py <runs.json> [likelihood-reference.json]"""
import json
import sys
from pathlib import Path

runs = json.loads(Path(sys.argv[1]).read_text())
if runs.get("format", {}).get("kind") != "vae-repro-likelihood-runs" or runs["format"].get("version") != 1:
    sys.exit(f"{sys.argv[1]}: expected format vae-repro-likelihood-runs version 1 (vae:export -Dvae.export=likelihood)")
reference = json.loads(Path(sys.argv[2]).read_text())["cases"] if len(sys.argv) > 2 else {}


def read(path):
    return json.loads(path.read_text())


def same_training(training, report, other):
    a, b = training["result"]["epochs"], read(other / "training.json")["result"]["epochs"]
    fields = ("loss", "reconstruction", "kl")
    same = len(a) == len(b) and all(
        all(x[f] == y[f] for f in fields) and all((x["validation"] or {}).get(f) == (y["validation"] or {}).get(f)
                                                  for f in ("loss", "psnr"))
        for x, y in zip(a, b))
    same = same and report["metrics"]["psnr"] == read(other / "metrics.json")["metrics"]["psnr"]
    return "yes" if same else f"no (epoch 1 loss {a[0]['loss'] - b[0]['loss']:+.4f})"


print("| run | epochs (best) | test PSNR | NLL ± SE (nats) | -ELBO ± SE | KL | NLL bits/dim "
      "| processor | training = seed 1 of the compared suite | Java - PyTorch NLL |")
print("|---|---|---|---|---|---|---|---|---|---|")
for row in runs["runs"]:
    run = Path(row["folder"])
    report = read(run / "metrics.json")
    likelihood = report["metrics"]["likelihood"]
    convergence = report["convergence"]
    training = read(run / "training.json")
    identity = same_training(training, report, Path(row["compared"])) if row.get("compared") else "(no current run)"
    nll, elbo = likelihood["nll"], likelihood["negativeElbo"]
    case = reference.get(row["run"])
    check = f"{case['difference']['nll']:+.1e}" if case else "not checked"
    if case and case["java"]["nll"]["mean"] != nll["mean"]:
        check += f" (on a retrain: Java NLL {case['java']['nll']['mean']:.2f})"
    cpu = training["provenance"]["environment"]["cpu"]
    processor = cpu[cpu.find("(") + 1:-1] if "(" in cpu else cpu
    epochs = (f"{convergence['epochsTrained']} ({convergence['bestEpoch'] + 1})" if convergence
              else f"{len(training['result']['epochs'])} (no early stopping)")
    print(f"| {row['run']} | {epochs} "
          f"| {report['metrics']['psnr']:.3f} | {nll['mean']:.2f} ± {nll['standardError']:.2f} "
          f"| {elbo['mean']:.2f} ± {elbo['standardError']:.2f} | {likelihood['kl']['mean']:.2f} "
          f"| {likelihood['nllBitsPerDimension']:.4f} | {processor} | {identity} | {check} |")
