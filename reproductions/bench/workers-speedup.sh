#!/usr/bin/env bash
# Wall time of the ci suite (seed 1 of each of the 15 rows, train + evaluate) with 1 worker x 2 threads
# (serial, in the Maven JVM) against 2 workers x 1 thread, in the order serial, workers, workers, serial so
# that a drift of the machine during the measurement shows as a difference between the pairs.
# Run from the repository root after `mvn -B install -DskipTests`, with nothing else running.
# Usage: reproductions/bench/workers-speedup.sh [output folder, default /tmp/vae-workers-speedup]
set -uo pipefail
out=${1:-/tmp/vae-workers-speedup}
mkdir -p "$out"
run() { # name workers threadsPerWorker
  rm -rf "$out/$1"
  local t0 t1
  t0=$(date +%s.%N)
  OMP_NUM_THREADS=2 mvn -B -o -pl reproductions vae:train vae:evaluate -Dvae.suite=suites/ci.json -Dvae.firstSeeds=1 \
    -Dvae.outputDirectory="$out/$1" -Dvae.workers="$2" -Dvae.threadsPerWorker="$3" > "$out/$1.log" 2>&1 || echo "$1 FAILED, see $out/$1.log"
  t1=$(date +%s.%N)
  echo "$1 workers=$2 threadsPerWorker=$3 wall_s=$(echo "$t1 - $t0" | bc)" | tee -a "$out/times.txt"
}
run serial-a 1 0
run workers-a 2 1
run workers-b 2 1
run serial-b 1 0
awk '{split($NF, kv, "=")} /^serial/ {s += kv[2]; ns++} /^workers/ {w += kv[2]; nw++} END {printf "speed-up (mean serial / mean workers): %.2fx\n", (s/ns)/(w/nw)}' "$out/times.txt"
