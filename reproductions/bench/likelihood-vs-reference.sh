#!/usr/bin/env bash
# The likelihood bounds of a suite's trained runs (their metrics.json reports: NLL, ELBO, analytic ELBO) recomputed
# independently in float64 with PyTorch from each run's exported weights, test images and importance-sampling noise
# (vae-core/src/bench/python/likelihood_reference.py), the way MarginalLikelihoodReferenceTest checks small models.
# `vae:export -Dvae.export=likelihood` picks the runs by their status, as the page does: current for the suite as
# declared now, with a likelihood report and their model.zip, and no case yet in <result.json> (delete the file to
# recheck everything); the cases there are kept, so a suite's runs are checked as their models land (model.zip is not
# committed). It also lists every current run with a likelihood report in <export folder>/runs.json, the list
# likelihood-table.py reads. Run from the repository root after `mvn -B install -DskipTests`; needs Debian's
# python3-torch.
# Usage: reproductions/bench/likelihood-vs-reference.sh <suite.json> <output folder> <result.json> [export folder]
set -euo pipefail
suite=$(realpath "$1")
output=$(realpath "$2")
out=$3
exports=$(realpath -m "${4:-$(mktemp -d)}")
mvn -B -q -pl reproductions vae:export -Dvae.export=likelihood -Dvae.suite="$suite" -Dvae.outputDirectory="$output" \
  -Dvae.exportDirectory="$exports" -Dvae.likelihoodReference="$(realpath -m "$out")"
listed=$(/usr/bin/python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["runs"]))' "$exports/runs.json")
if (( listed == 0 )); then
  echo "no run of $suite in $output is current with a likelihood report: nothing to check" >&2
  exit 1
fi
if ! compgen -G "$exports/*.zip" > /dev/null; then
  echo "nothing new to check: each of the $listed current run(s) with a likelihood report has its case in $out" \
    "or no model.zip (see $exports/runs.json)"
  exit 0
fi
OMP_NUM_THREADS=1 /usr/bin/python3 vae-core/src/bench/python/likelihood_reference.py "$exports" "$out"
