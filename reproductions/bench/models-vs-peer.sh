#!/usr/bin/env bash
# Training and inference images/s and peak resident memory of the six configurations against the PyTorch peer,
# one configuration per process (so each peak is that configuration's own), in interleaved rounds: every round
# runs each configuration on both sides back to back, Java first in odd rounds and PyTorch first in even ones, at
# 1 and 2 threads. Ratios are taken within a round, so a drift of the (shared) machine cancels out of them.
# Run from the repository root after `mvn -B install -DskipTests`; needs Debian's python3-torch.
# Each side also gives the mean split of a training step: batch assembly, gradient pass, Adam update (ms).
# Usage: reproductions/bench/models-vs-peer.sh [rounds, default 3] [output folder, default /tmp/vae-models-vs-peer]
#        [thread counts, default "1 2"] [configurations, default all six, e.g. "mnist/vae cifar10/ae"]
set -uo pipefail
rounds=${1:-3}
out=${2:-/tmp/vae-models-vs-peer}
thread_counts=${3:-1 2}
configs=${4:-mnist/vae mnist/vae-upsample mnist/ae cifar10/vae cifar10/vae-upsample cifar10/ae}
data=$(cd .. && pwd)/shared/data
mkdir -p "$out"
rows="$out/rows.tsv"
printf 'round\tthreads\tside\tconfiguration\ttrain_img_s\tinfer_img_s\tpeak_rss_mib\tbatch_ms\tpass_ms\tupdate_ms\n' > "$rows"
java_side() { # threads configuration
  mvn -B -o -q -pl vae-core exec:exec@bench-models -Dbench.threads="$1" -Dbench.config="$2" 2>&1 \
    | awk -F'\t' -v c="$2" '$1"/"$2 == c {print $4"\t"$5"\t"$7"\t"$8"\t"$9"\t"$10}'
}
peer_side() {
  OMP_NUM_THREADS="$1" OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 vae-core/src/bench/python/throughput_peer.py \
    "$data" 30 2 "$2" 2>&1 | awk -F'\t' -v c="$2" '$1"/"$2 == c {print $4"\t"$5"\t"$6"\t"$7"\t"$8"\t"$9}'
}
for round in $(seq 1 "$rounds"); do
  for threads in $thread_counts; do
    for config in $configs; do
      if (( round % 2 )); then order="java pytorch"; else order="pytorch java"; fi
      for side in $order; do
        if [[ $side == java ]]; then result=$(java_side "$threads" "$config"); else result=$(peer_side "$threads" "$config"); fi
        [[ -n $result ]] || { echo "round $round $side $config at $threads threads gave no row" >&2; exit 1; }
        printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$threads" "$side" "$config" "$result" | tee -a "$rows"
      done
    done
  done
done
/usr/bin/python3 "$(dirname "$0")/models-vs-peer-summary.py" "$rows" | tee "$out/summary.md"
