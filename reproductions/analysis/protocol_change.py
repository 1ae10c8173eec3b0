#!/usr/bin/env python3
"""What changing a seed-tables protocol did to each experiment's numbers, seed for seed and cell for cell.

Extracts the suite files and seed-tables results of an earlier git revision (the old protocol) with git archive and
runs `vae:compare`: the suite as declared now, on the results now, against the old suite file on the old results
(org.vaerepro.regression.SuiteComparison, written to reproductions/results/seed-tables/judgement.json as its
"comparison"). A run counts on a side only when its result is current for that side's suite file (RunStatus), so a
run of the old protocol still sitting in the folder is not taken for a new one. This script prints the comparison;
it computes nothing.

For every experiment measured on both sides whose id starts with the prefix it prints the spec fields that changed;
per seed, epochs trained (best epoch) and PSNR / LPIPS under both protocols; per cell, the interval on each side,
the difference of the means with its interval and p, and the paired difference over the seeds on both sides, each
exactly as judgement.json's `comparison` holds it (Java's SuiteComparison computes every one of them): a
seed fixes initialisation, shuffling and noise, so a run continued from its checkpoint is its old run trained
further, and a run retrained from scratch retraces its old run up to the processor's rounding (the old MNIST d=2
runs were trained on another processor: epoch-1 validation loss 164.485 there, 164.511 here, for mnist-vae-d2
seed 1). Then the bottleneck steps (d to the next size, same architecture and dataset): the step's PSNR and LPIPS
difference of the means under each protocol.

Needs the plugin installed (`mvn -B install -DskipTests`); reads git through the git command.
Usage: python3 reproductions/analysis/protocol_change.py <old revision> [experiment-id prefix, default mnist-]
Run from the repository root.
"""
import json
import pathlib
import sys
import tempfile

from revision import RESULTS, SUITES, extract, goal

SUITE = f'{SUITES}/seed-tables.json'


def summary(cell):
    if cell['n'] < 2:
        return f"{cell['mean']:.4f} (1 seed)"
    return f"{cell['mean']:.4f} ± {cell['halfWidth']:.4f} (n {cell['n']})"


def welch(difference):
    if difference['test'] is None:
        return 'fewer than two seeds on a side, no test'
    return (f"{difference['meanDifference']:+.4f} ± {difference['halfWidth']:.4f} "
            f"(Welch 95%, df {difference['test']['degreesOfFreedom']:.1f}), p {difference['twoSidedP']:.3g}")


def paired(test):
    if test is None:
        return 'fewer than two seeds on both sides, no test'
    d = test['differences']
    return f"{d['mean']:+.4f} ± {d['halfWidth']:.4f} (paired t 95%, {d['n']} seeds), p {test['twoSidedP']:.3g}"


def describe(run):
    if run is None:
        return 'not run'
    return f"{run['epochsTrained']} epochs (best {run['bestEpoch']}), {run['psnr']:.3f} dB, LPIPS {run['lpips']:.4f}"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    revision, prefix = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else 'mnist-'
    with tempfile.TemporaryDirectory() as tree:
        suites, results = extract(revision, 'seed-tables', tree)
        goal('compare', suite=pathlib.Path(SUITE).resolve(), outputDirectory=pathlib.Path(RESULTS).resolve(),
             compareWith=suites / 'seed-tables.json', compareOutputDirectory=results)
    judgement = json.loads((pathlib.Path(RESULTS) / 'seed-tables' / 'judgement.json').read_text())
    order = list(dict.fromkeys(run['experiment'] for run in judgement['judged']['runs']))  # the suite's order
    rows = sorted((row for row in judgement['comparison']['rows'] if row['here']['id'].startswith(prefix)),
                  key=lambda row: order.index(row['here']['id']))
    for row in rows:
        changes = ', '.join(f"{c['field']} {c['before']} → {c['after']}" for c in row['changes'])
        print(f"{row['here']['id']}: {changes or 'no spec field changed'}")
        for pair in row['seeds']:
            print(f"  seed {pair['seed']}: old {describe(pair['there'])}; new {describe(pair['here'])}")
        for metric in ('psnr', 'lpips'):
            print(f"  {metric.upper():5} old {summary(row['there'][metric])}; new {summary(row['here'][metric])}; "
                  f"new - old {welch(row[metric])}; paired {paired(row['paired' + metric.capitalize()])}")
    print('bottleneck steps (PSNR, LPIPS difference of the means, larger d minus smaller):')
    seeds = {row['here']['id']: row['here']['seedsMeasured'] for row in rows}
    for step in judgement['comparison']['steps']:
        if step['fromId'] in seeds and step['toId'] in seeds:
            print(f"  {step['architecture']} d={step['fromDim']}→{step['toDim']}: old {step['therePsnr']:+.3f} dB, "
                  f"{step['thereLpips']:+.4f}; new {step['herePsnr']:+.3f} dB, {step['hereLpips']:+.4f} "
                  f"(new seeds {seeds[step['fromId']]} + {seeds[step['toId']]})")


if __name__ == '__main__':
    main()
