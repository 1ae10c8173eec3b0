#!/usr/bin/env bash
# The likelihood bounds of trained runs (their metrics.json reports: NLL, ELBO, analytic ELBO) recomputed
# independently in float64 with PyTorch from each run's exported weights, test images and importance-sampling
# noise (vae-core/src/bench/python/likelihood_reference.py), the way MarginalLikelihoodReferenceTest checks
# small models. Every run folder under the given results folder that holds model.zip and a likelihood report is
# checked. Run from the repository root after `mvn -B install -DskipTests`; needs Debian's python3-torch.
# A run that already has its case in <result.json> is not checked again (delete the file to recheck everything),
# and the cases there are kept: the runs of a suite are checked as their models land (model.zip is not committed).
# Usage: reproductions/bench/likelihood-vs-reference.sh <suite results folder> <result.json> [export folder]
set -euo pipefail
results=$1
out=$2
exports=${3:-$(mktemp -d)}  # only the runs checked now
mkdir -p "$exports"
found=0
while IFS= read -r model; do
  run=$(dirname "$model")
  grep -q '"likelihood"' "$run/metrics.json" 2>/dev/null || continue
  [[ -f "$out" ]] && grep -qF "\"run\": \"$(realpath --relative-to=. "$run")\"" "$out" && continue
  name=$(realpath --relative-to="$results" "$run" | tr '/' '_')
  [[ -f "$exports/$name.zip" ]] || mvn -B -q -pl vae-core exec:exec -Dbench.threads=1 \
    -Dexec.args="-classpath %classpath org.vaerepro.model.LikelihoodRunExport $(realpath "$run") $exports/$name.zip" \
    < /dev/null # Maven would read the rest of the run list
  found=$((found + 1))
done < <(find "$results" -name model.zip | sort)
(( found > 0 )) || { echo "no run under $results has model.zip, a likelihood report and no case in $out" >&2; exit 1; }
OMP_NUM_THREADS=1 /usr/bin/python3 vae-core/src/bench/python/likelihood_reference.py "$exports" "$out"
