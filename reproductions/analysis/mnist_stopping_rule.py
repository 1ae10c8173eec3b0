#!/usr/bin/env python3
"""Did the MNIST rows of seed-tables train long enough, and which stopping rule would let them converge?

Runs `vae:stopping-rule` (org.vaerepro.regression.StoppingRuleStudy) on the MNIST experiments of seed-tables, as
committed at a git revision (suite files and results extracted with git archive) or, without one, in the working
tree, and prints the study; it computes nothing. Only current runs count (RunStatus). For each run the study fits the
validation loss of epochs 5 on to a power law a + b * epoch^-c (Levenberg-Marquardt) and gives the fit, its residual
standard deviation (the epoch-to-epoch noise), how fast the fitted loss still fell at the last epoch, and the first
epoch at which the fitted curve's 4-epoch gain falls below minDelta 0.1 (the "horizon": where the rule could stop on
convergence rather than on noise).

Then it runs early-stopping rules (train.Convergence: best = a loss lower than the previous best by more than
minDelta; stop after `patience` epochs without one; at most `maximum` epochs) 2,000 times per run on the fitted curve
plus Gaussian noise of the fit's residual sd, and prints per rule: median and 90th-percentile stop epoch, the share
stopped before the horizon, the share at the maximum, and the mean excess of the kept model's fitted loss over the
fitted loss at epoch 100. Deterministic (seeded generator).

Needs the plugin installed (`mvn -B install -DskipTests`).
Usage: python3 reproductions/analysis/mnist_stopping_rule.py [revision]
Run from the repository root.
"""
import json
import pathlib
import sys
import tempfile

from revision import RESULTS, SUITES, extract, goal


def study(suites, results, out):
    suite = suites / 'seed-tables.json'
    mnist = [e['id'] for e in json.loads(suite.read_text())['experiments'] if e['id'].startswith('mnist-')]
    goal('stopping-rule', suite=suite, outputDirectory=results, experiments=','.join(mnist),
         **{'stoppingRule.file': out})
    return json.loads(out.read_text())


def main():
    with tempfile.TemporaryDirectory() as tree:
        out = pathlib.Path(tree, 'stopping-rule.json')
        if len(sys.argv) > 1:
            found = study(*extract(sys.argv[1], 'seed-tables', tree), out)
        else:
            found = study(pathlib.Path(SUITES).resolve(), pathlib.Path(RESULTS).resolve(), out)
    min_delta = found['parameters']['minDelta']
    for run in sorted(found['runs'], key=lambda run: run['run']):
        fit, trained = run['fit'], run['epochsTrained']
        horizon = (f"4-epoch gain < {min_delta} from epoch {run['horizon']}  fitted loss there "
                   f"{run['fittedLossAtHorizon']:.2f}" if run['horizon'] is not None
                   else f"4-epoch gain >= {min_delta} up to epoch 1000")
        print(f"{run['run']:24s} epochs {trained:3d}  fit a={fit['a']:8.2f} b={fit['b']:6.1f} c={fit['c']:.2f}  "
              f"resid sd {fit['residualStandardDeviation']:.2f}  slope@{trained} {run['fallRateAtLast']:.3f}/epoch  "
              f"{horizon} vs now {run['lastLoss']:.2f}")
    for rule in found['rules']:
        print(f"max {rule['maximum']} patience {rule['patience']:2d}: stop median {rule['medianStop']:4.0f}"
              f" p90 {rule['stop90']:4.0f}  stopped before the horizon {rule['stoppedBeforeHorizon']:6.1%}"
              f"  at the maximum {rule['atMaximum']:6.1%}"
              f"  kept model's fitted loss above epoch 100's {rule['keptLossAboveReference']:.2f}"
              f"  mean epochs {rule['meanStop']:.1f}")


if __name__ == '__main__':
    main()
