#!/usr/bin/env python3
"""Did the MNIST rows of seed-tables train long enough, and which stopping rule would let them converge?

Reads every MNIST run's training.json under a seed-tables results folder (default: the committed
reproductions/results/seed-tables). For each run it fits the validation loss of epochs 5 on to a power law
a + b * epoch^-c and prints the fit, its residual standard deviation (the epoch-to-epoch noise), the slope at
the last epoch, and the first epoch at which the fitted curve's 4-epoch gain falls below minDelta 0.1 (the
"horizon": where the rule could stop on convergence rather than on noise).

Then it simulates early-stopping rules (best = a loss lower than the previous best by more than minDelta;
stop after `patience` epochs without one; at most `maximum` epochs) 2,000 times per run on the fitted curve
plus Gaussian noise of the fit's residual sd, and prints per rule: median and 90th-percentile stop epoch, the
share stopped before the horizon, the share at the maximum, and the mean excess of the kept model's fitted
loss over the fitted loss at epoch 100. Deterministic (seeded generator).

Needs numpy and scipy (Debian: python3-numpy python3-scipy).
Usage: python3 reproductions/analysis/mnist_stopping_rule.py [results/seed-tables folder]
"""
import glob
import json
import pathlib
import sys

import numpy as np
from scipy.optimize import curve_fit

MIN_DELTA = 0.1
SIMULATIONS = 2000


def power_law(epoch, a, b, c):
    return a + b * np.power(epoch, -c)


def fit(path):
    epochs = json.load(open(path))['result']['epochs']
    loss = np.array([epoch['validation']['loss'] for epoch in epochs])
    e = np.arange(1, len(loss) + 1, dtype=float)
    tail = e >= 5  # the first epochs fall much faster than any power law fitted to the rest
    params, _ = curve_fit(power_law, e[tail], loss[tail], p0=(loss[-1] - 5, 50, 1), maxfev=20000)
    noise = (loss[tail] - power_law(e[tail], *params)).std(ddof=3)
    horizon = next(k for k in range(5, 1000) if power_law(k, *params) - power_law(k + 4, *params) < MIN_DELTA)
    return len(loss), loss[-1], params, noise, horizon


def stop_epoch(params, noise, patience, maximum, rng):
    curve = power_law(np.arange(1, maximum + 1, dtype=float), *params) + rng.normal(0, noise, maximum)
    best, best_epoch, since = np.inf, 0, 0
    for k in range(maximum):
        if curve[k] < best - MIN_DELTA:
            best, best_epoch, since = curve[k], k + 1, 0
        else:
            since += 1
            if since >= patience:
                return k + 1, best_epoch
    return maximum, best_epoch


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1
                        else pathlib.Path(__file__).resolve().parents[1] / 'results' / 'seed-tables')
    fits = []
    for path in sorted(glob.glob(str(root / 'mnist-*' / 'seed-*' / 'training.json'))):
        run = str(pathlib.Path(path).parent.relative_to(root))
        trained, last, params, noise, horizon = fit(path)
        a, b, c = params
        slope = b * c * trained ** (-c - 1)
        print(f"{run:24s} epochs {trained:3d}  fit a={a:8.2f} b={b:6.1f} c={c:.2f}  resid sd {noise:.2f}"
              f"  slope@{trained} {slope:.3f}/epoch  4-epoch gain < {MIN_DELTA} from epoch {horizon}"
              f"  fitted loss there {power_law(horizon, *params):.2f} vs now {last:.2f}")
        fits.append((params, noise, horizon))
    if not fits:
        sys.exit(f"no MNIST training.json under {root}")
    rng = np.random.default_rng(1)
    for maximum in (25, 60, 80):
        for patience in (4, 6, 8, 10):
            stops, early, at_max, excess = [], [], [], []
            for params, noise, horizon in fits:
                for _ in range(SIMULATIONS):
                    stop, best = stop_epoch(params, noise, patience, maximum, rng)
                    stops.append(stop)
                    early.append(stop < horizon)
                    at_max.append(stop == maximum)
                    excess.append(power_law(best, *params) - power_law(100, *params))
            print(f"max {maximum} patience {patience:2d}: stop median {np.median(stops):4.0f}"
                  f" p90 {np.percentile(stops, 90):4.0f}  stopped before the horizon {np.mean(early):6.1%}"
                  f"  at the maximum {np.mean(at_max):6.1%}"
                  f"  kept model's fitted loss above epoch 100's {np.mean(excess):.2f}"
                  f"  mean epochs {np.mean(stops):.1f}")


if __name__ == '__main__':
    main()
