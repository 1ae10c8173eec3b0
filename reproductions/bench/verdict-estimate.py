"""Time to a verdict, estimated from measured rates: how long a suite's training and its forward passes take on the
project and on a peer side, from models-vs-peer.sh's rows (the geometric mean over rounds of each side's training and
inference images/s at one thread count, per dataset/architecture) and the suite's protocol (epochs, training images,
validation and test images). Where a results folder is given, each row's epochs are the ones its committed run of seed 1
trained (early stopping), read from training.json. What neither side's rate covers (LPIPS, SSIM, the pictures, the
likelihood) is left out of both; the peer has no LPIPS of its own (docs/benchmarks.md says what that leaves open).
Rows whose configuration was not measured on both sides are left out, and named.
Usage: /usr/bin/python3 reproductions/bench/verdict-estimate.py rows.tsv suite.json [peer side, default libtorch]
       [threads, default 2] [results folder of the suite]"""
import csv
import json
import math
import os
import sys
from collections import defaultdict

TRAIN_SIZE = {"mnist": 60000, "cifar10": 50000}
TEST_SIZE = {"mnist": 10000, "cifar10": 10000}

if len(sys.argv) < 3:
    sys.exit(__doc__)
rows_path, suite_path = sys.argv[1], sys.argv[2]
peer = sys.argv[3] if len(sys.argv) > 3 else "libtorch"
threads = sys.argv[4] if len(sys.argv) > 4 else "2"
results = sys.argv[5] if len(sys.argv) > 5 else None

rates = defaultdict(list)
for r in csv.DictReader(open(rows_path), delimiter="\t"):
    if r["threads"] == threads:
        rates[(r["side"], r["configuration"], "train")].append(float(r["train_img_s"]))
        rates[(r["side"], r["configuration"], "infer")].append(float(r["infer_img_s"]))


def rate(side, configuration, kind):
    values = rates[(side, configuration, kind)]
    return math.exp(sum(math.log(v) for v in values) / len(values))


def measured(configuration):
    return all(rates.get((side, configuration, kind)) for side in ("java", peer) for kind in ("train", "infer"))


suite = json.load(open(suite_path))
defaults = suite.get("defaults", {})
print(f"Suite {suite['suite']}, {threads} threads, rates from {rows_path} (geometric means over rounds)\n")
print(f"| experiment | epochs | training images | forward images | java s | {peer} s | ratio {peer}/java |")
print("|---|---|---|---|---|---|---|")
totals = [0.0, 0.0]
left_out = []
for e in suite["experiments"]:
    spec = {**defaults, **e}
    dataset, configuration = spec["dataset"], f"{spec['dataset']}/{spec['architecture']}"
    if not measured(configuration):
        left_out.append(e["id"])
        continue
    validation = spec.get("validation", 0)
    per_epoch = spec.get("trainSubset", TRAIN_SIZE[dataset] - validation)
    epochs = spec["epochs"]
    if results:
        training = os.path.join(results, e["id"], f"seed-{spec['seed']}", "training.json")
        if os.path.exists(training):
            epochs = len(json.load(open(training))["result"]["epochs"])
    trained = epochs * per_epoch
    forward = epochs * validation + spec.get("testSubset", TEST_SIZE[dataset])
    seconds = [trained / rate(side, configuration, "train") + forward / rate(side, configuration, "infer")
               for side in ("java", peer)]
    totals = [t + s for t, s in zip(totals, seconds)]
    print(f"| {e['id']} | {epochs} | {trained:,} | {forward:,} | {seconds[0]:,.0f} | {seconds[1]:,.0f} | "
          f"{seconds[1] / seconds[0]:.2f} |")
if totals[0] == 0:
    sys.exit(f"{rows_path}: no configuration of suite {suite['suite']} measured on both sides at {threads} threads")
print(f"| all above | | | | {totals[0]:,.0f} | {totals[1]:,.0f} | {totals[1] / totals[0]:.2f} |")
if left_out:
    print(f"\nLeft out (configuration not measured at {threads} threads on both sides): {', '.join(left_out)}")
