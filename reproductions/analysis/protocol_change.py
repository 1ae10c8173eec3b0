#!/usr/bin/env python3
"""What changing a seed-tables protocol did to each experiment's numbers, seed for seed and cell for cell.

Compares each experiment's runs as committed at an earlier git revision (the old protocol) with the runs in
the results folder now (the new one). A run counts on a side only when its result is current for that side's
suite file, as the page decides it (RunStatus, listed by vae-core's CurrentRunsExport: the old side from the
revision's suite file and results, extracted with git archive), so a run of the old protocol still sitting in
the folder is not taken for a new one.

For every experiment with new runs it prints: per seed, epochs trained (best epoch) and PSNR / LPIPS under
both protocols; per cell, mean ± half-width of the 95% Student t interval on each side, and the difference
of the means (new minus old) ± the half-width of its Welch 95% interval, with the two-sided Welch p (when
both sides have at least 2 seeds); and the paired difference over the seeds on both sides (mean of the per-seed
differences ± half-width of its Student t 95% interval, paired t p): a seed fixes initialisation, shuffling and
noise, so a run continued from its checkpoint is its old run trained further, and a run retrained from scratch
retraces its old run up to the processor's rounding (the old MNIST d=2 runs were trained on another processor:
epoch-1 validation loss 164.485 there, 164.511 here, for mnist-vae-d2 seed 1). Then the bottleneck steps (d to the next size, same architecture and
dataset): the step's PSNR and LPIPS difference under each protocol.

Needs numpy and scipy (Debian: python3-numpy python3-scipy) and vae-core's test classes (`mvn -B install
-DskipTests`); reads git through the git command.
Usage: python3 reproductions/analysis/protocol_change.py <old revision> [experiment-id prefix, default mnist-]
Run from the repository root.
"""
import json
import pathlib
import subprocess
import sys
import tempfile

import numpy as np
from scipy import stats

SUITE = 'reproductions/suites/seed-tables.json'
RESULTS = 'reproductions/results/seed-tables'
STOPPING = ('epochs', 'patience', 'minDelta')


def git_show(revision, path):
    done = subprocess.run(['git', 'show', f'{revision}:{path}'], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def declared(suite_text):
    """Each experiment's stopping fields, the defaults filled in."""
    suite = json.loads(suite_text)
    defaults = suite.get('defaults', {})
    return {e['id']: {**{k: defaults.get(k) for k in STOPPING}, **{k: e[k] for k in STOPPING if k in e}}
            | {'latentDim': e.get('latentDim', defaults.get('latentDim')),
               'architecture': e.get('architecture', defaults.get('architecture'))}
            for e in suite['experiments']}


def current_runs(suite_file, output_folder):
    """{experiment: {seed: numbers}} of the runs whose results are current for the suite file (RunStatus)."""
    with tempfile.TemporaryDirectory() as scratch:
        listing = pathlib.Path(scratch) / 'runs.json'
        arguments = (f'-classpath %classpath org.vaerepro.experiment.CurrentRunsExport '
                     f'{pathlib.Path(suite_file).resolve()} {pathlib.Path(output_folder).resolve()} {listing}')
        done = subprocess.run(['mvn', '-B', '-q', '-o', '-pl', 'vae-core', 'exec:exec', '-Dbench.threads=1',
                               f'-Dexec.args={arguments}'], stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f'CurrentRunsExport failed for {suite_file}:\n{done.stdout}{done.stderr}')
        listed = json.loads(listing.read_text())
    found = {}
    for run in listed['runs']:
        folder = pathlib.Path(run['folder'])
        metrics = json.loads((folder / 'metrics.json').read_text())
        convergence = json.loads((folder / 'training.json').read_text())['result']['convergence']
        found.setdefault(run['experiment'], {})[run['seed']] = {
            'psnr': metrics['metrics']['psnr'], 'lpips': metrics['metrics']['lpips'],
            'epochs': convergence['epochsTrained'], 'best': convergence['bestEpoch'] + 1}
    return found


def old_runs(revision):
    """current_runs at the revision: its suite file and results, extracted with git archive."""
    with tempfile.TemporaryDirectory() as tree:
        archive = subprocess.run(['git', 'archive', revision, SUITE, RESULTS], capture_output=True, check=True)
        subprocess.run(['tar', '-x', '-C', tree], input=archive.stdout, check=True)
        return current_runs(f'{tree}/{SUITE}', f'{tree}/{pathlib.Path(RESULTS).parent}')


def summary(values):
    values = np.asarray(values, dtype=float)
    if len(values) < 2:
        return f'{values.mean():.4f} (1 seed)' if len(values) else 'none'
    half = stats.t.ppf(0.975, len(values) - 1) * values.std(ddof=1) / np.sqrt(len(values))
    return f'{values.mean():.4f} ± {half:.4f} (n {len(values)})'


def welch(new, old):
    new, old = np.asarray(new, dtype=float), np.asarray(old, dtype=float)
    if len(new) < 2 or len(old) < 2:
        return 'fewer than two seeds on a side, no test'
    vn, vo = new.var(ddof=1) / len(new), old.var(ddof=1) / len(old)
    df = (vn + vo) ** 2 / (vn ** 2 / (len(new) - 1) + vo ** 2 / (len(old) - 1))
    half = stats.t.ppf(0.975, df) * np.sqrt(vn + vo)
    p = stats.ttest_ind(new, old, equal_var=False).pvalue
    return f'{new.mean() - old.mean():+.4f} ± {half:.4f} (Welch 95%, df {df:.1f}), p {p:.3g}'


def paired(new, old):
    differences = np.asarray(new, dtype=float) - np.asarray(old, dtype=float)
    if len(differences) < 2:
        return 'fewer than two seeds on both sides, no test'
    half = stats.t.ppf(0.975, len(differences) - 1) * differences.std(ddof=1) / np.sqrt(len(differences))
    p = stats.ttest_rel(new, old).pvalue
    return f'{differences.mean():+.4f} ± {half:.4f} (paired t 95%, {len(differences)} seeds), p {p:.3g}'


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    revision, prefix = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else 'mnist-'
    old_text = git_show(revision, SUITE)
    if old_text is None:
        sys.exit(f'{SUITE} does not exist at revision {revision}')
    old_protocol, new_protocol = declared(old_text), declared(pathlib.Path(SUITE).read_text())
    old_current, new_current = old_runs(revision), current_runs(SUITE, pathlib.Path(RESULTS).parent)
    cells = {}
    for experiment, protocol in new_protocol.items():
        if not experiment.startswith(prefix) or experiment not in old_protocol:
            continue
        old, new = old_current.get(experiment, {}), new_current.get(experiment, {})
        if not new:
            continue
        cells[experiment] = (protocol, old, new)
        print(f'{experiment}: old {dict((k, old_protocol[experiment][k]) for k in STOPPING)}, '
              f'new {dict((k, protocol[k]) for k in STOPPING)}')
        for seed in sorted(set(old) | set(new)):
            describe = lambda r: (f"{r['epochs']} epochs (best {r['best']}), {r['psnr']:.3f} dB, LPIPS {r['lpips']:.4f}"
                                  if r else 'not run')
            print(f'  seed {seed}: old {describe(old.get(seed))}; new {describe(new.get(seed))}')
        both = sorted(set(old) & set(new))
        for metric in ('psnr', 'lpips'):
            o, n = [r[metric] for r in old.values()], [r[metric] for r in new.values()]
            print(f'  {metric.upper():5} old {summary(o)}; new {summary(n)}; new - old {welch(n, o)}; '
                  f'paired {paired([new[s][metric] for s in both], [old[s][metric] for s in both])}')
    print('bottleneck steps (PSNR, LPIPS difference of the means, larger d minus smaller):')
    by_family = {}
    for experiment, (protocol, old, new) in cells.items():
        by_family.setdefault(protocol['architecture'], []).append((protocol['latentDim'], old, new))
    for architecture, sizes in by_family.items():
        sizes.sort(key=lambda size: size[0])
        for (d1, old1, new1), (d2, old2, new2) in zip(sizes, sizes[1:]):
            step = lambda a, b, m: np.mean([r[m] for r in b.values()]) - np.mean([r[m] for r in a.values()])
            print(f'  {architecture} d={d1}→{d2}: old {step(old1, old2, "psnr"):+.3f} dB, {step(old1, old2, "lpips"):+.4f}; '
                  f'new {step(new1, new2, "psnr"):+.3f} dB, {step(new1, new2, "lpips"):+.4f} '
                  f'(new seeds {len(new1)} + {len(new2)})')


if __name__ == '__main__':
    main()
