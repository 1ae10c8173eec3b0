#!/usr/bin/env bash
# Training and inference images/s and peak resident memory of the six configurations against the PyTorch peers,
# one configuration per process (so each peak is that configuration's own), in interleaved rounds: every round
# runs each configuration on every side back to back, in one order in odd rounds and the reverse in even ones; all
# rounds of one thread count come before the next. Ratios are taken within a round, so a drift of the (shared) machine cancels out of them; each
# row records the machine's 1-minute load average when it started, so a noisy round shows.
# Sides (default all five):
#   java            this project (vae-core's ModelThroughputBenchmark)
#   libtorch        libtorch 2.7.1 through DJL (vae-bench-peers), glibc tuned as PyTorch's performance guide says
#   libtorch-glibc  the same with glibc's default allocator
#   pytorch         Debian's python3-torch (throughput_peer.py), glibc tuned
#   pytorch-glibc   the same with glibc's default allocator
# Each side also gives the mean split of a training step: batch assembly, gradient pass, Adam update (ms).
# Run from the repository root of a fresh clone or a built tree (it builds and resolves what it needs first; needs
# Debian's python3-torch and libopenblas0-pthread). build-facts.txt records each side's engine build (version, BLAS,
# oneDNN version and ISA from its verbose lines) and the processor.
# Usage: reproductions/bench/models-vs-peer.sh [rounds, default 3] [output folder, default /tmp/vae-models-vs-peer]
#        [thread counts, default "1 2"] [configurations, default all six, e.g. "mnist/vae cifar10/ae"] [sides]
# BENCH_STEPS (default 30): batches per epoch on every side (1 warm-up and 2 measured epochs; inference over as many
# test batches); MAVEN_REPO_LOCAL: a Maven repository other than ~/.m2.
set -uo pipefail
rounds=${1:-3}
out=${2:-/tmp/vae-models-vs-peer}
thread_counts=${3:-1 2}
configs=${4:-mnist/vae mnist/vae-upsample mnist/ae cifar10/vae cifar10/vae-upsample cifar10/ae}
sides=${5:-java libtorch libtorch-glibc pytorch pytorch-glibc}
steps=${BENCH_STEPS:-30}
data=$(cd .. && pwd)/shared/data
mvn_opts=(-B ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL})
# PyTorch's CPU allocator does not cache: with glibc's default mmap and trim thresholds each step hands its
# activations back to the kernel and faults them in again. These are the settings the tuning guide recommends.
tuned_glibc=(MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967296 MALLOC_TOP_PAD_=268435456)
mkdir -p "$out"
# Online once (a fresh clone has nothing resolved; this also writes the peer's TorchScript module), offline after.
mvn "${mvn_opts[@]}" -q -pl vae-core,vae-bench-peers -am -Plibtorch install -DskipTests \
  || { echo "build failed" >&2; exit 1; }

java_side() { # threads configuration [environment]
  env "${@:3}" mvn "${mvn_opts[@]}" -o -q -pl vae-core exec:exec@bench-models -Dbench.threads="$1" -Dbench.config="$2" \
    -Dbench.steps="$steps" 2>&1 \
    | awk -F'\t' -v c="$2" '$1"/"$2 == c {print $4"\t"$5"\t"$7"\t"$8"\t"$9"\t"$10}'
}
libtorch_side() {
  env "${@:3}" mvn "${mvn_opts[@]}" -o -q -pl vae-bench-peers -Plibtorch exec:exec@bench-libtorch -Dbench.threads="$1" \
    -Dbench.config="$2" -Dbench.steps="$steps" 2>&1 | awk -F'\t' -v c="$2" '$1"/"$2 == c {print $4"\t"$5"\t"$6"\t"$7"\t"$8"\t"$9}'
}
pytorch_side() {
  env "${@:3}" OMP_NUM_THREADS="$1" OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 vae-core/src/bench/python/throughput_peer.py \
    "$data" "$steps" 2 "$2" 2>&1 | awk -F'\t' -v c="$2" '$1"/"$2 == c {print $4"\t"$5"\t"$6"\t"$7"\t"$8"\t"$9}'
}
run_side() { # side threads configuration
  case $1 in
    java) java_side "$2" "$3" ;;
    libtorch) libtorch_side "$2" "$3" "${tuned_glibc[@]}" ;;
    libtorch-glibc) libtorch_side "$2" "$3" ;;
    pytorch) pytorch_side "$2" "$3" "${tuned_glibc[@]}" ;;
    pytorch-glibc) pytorch_side "$2" "$3" ;;
    *) echo "unknown side '$1': expected java, libtorch, libtorch-glibc, pytorch or pytorch-glibc" >&2; return 1 ;;
  esac
}

facts="$out/build-facts.txt"
{
  echo "# processor"; grep -m1 'model name' /proc/cpuinfo; grep -m1 'cpu family' /proc/cpuinfo
  grep -m1 -P '^model\t' /proc/cpuinfo; echo "cores: $(nproc)"
  echo "vector flags: $(grep -m1 '^flags' /proc/cpuinfo | grep -oE 'avx2|avx512[a-z_0-9]*|amx[a-z_0-9]*' | sort -u | tr '\n' ' ')"
  echo "# java: ND4J (header line; oneDNN from DNNL_VERBOSE)"
  DNNL_VERBOSE=1 mvn "${mvn_opts[@]}" -o -q -pl vae-core exec:exec@bench-models -Dbench.threads=1 -Dbench.config=mnist/ae \
    -Dbench.steps=1 -Dbench.epochs=0 2>&1 | grep -aoE '# vae-repro.*|dnnl_verbose,info,(oneDNN|cpu).*' | sort -u
  echo "# libtorch: DJL (header line; oneDNN from ONEDNN_VERBOSE)"
  ONEDNN_VERBOSE=1 mvn "${mvn_opts[@]}" -o -q -pl vae-bench-peers -Plibtorch exec:exec@bench-libtorch -Dbench.threads=1 \
    -Dbench.config=mnist/ae -Dbench.steps=1 -Dbench.epochs=0 2>&1 | grep -aoE '# libtorch.*|onednn_verbose,v1,info,(oneDNN|cpu).*' | sort -u
  echo "# pytorch: Debian python3-torch"
  OMP_NUM_THREADS=1 /usr/bin/python3 vae-core/src/bench/python/throughput_peer.py "$data" 1 0 mnist/ae 2>&1 | grep -a '^# '
  /usr/bin/python3 -c 'import torch; print(torch.__config__.show()); print(torch.__config__.parallel_info())'
  echo "# allocator settings of the tuned sides: ${tuned_glibc[*]}"
} > "$facts" 2>&1
cat "$facts"

rows="$out/rows.tsv"
printf 'round\tthreads\tside\tconfiguration\ttrain_img_s\tinfer_img_s\tpeak_rss_mib\tbatch_ms\tpass_ms\tupdate_ms\tload1\n' > "$rows"
read -ra forward <<<"$sides"
reverse=()
for (( i=${#forward[@]}-1; i>=0; i-- )); do reverse+=("${forward[i]}"); done
# Thread counts outermost, so that a run stopped early has every round of the first thread count.
for threads in $thread_counts; do
  for round in $(seq 1 "$rounds"); do
    for config in $configs; do
      if (( round % 2 )); then order=("${forward[@]}"); else order=("${reverse[@]}"); fi
      for side in "${order[@]}"; do
        load=$(cut -d' ' -f1 /proc/loadavg)
        result=$(run_side "$side" "$threads" "$config")
        [[ -n $result ]] || { echo "round $round $side $config at $threads threads gave no row" >&2; exit 1; }
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$threads" "$side" "$config" "$result" "$load" | tee -a "$rows"
      done
    done
  done
done
for side in "${forward[@]}"; do
  [[ $side == java ]] && continue
  mvn "${mvn_opts[@]}" -o -q -Dstyle.color=never -pl vae-core exec:exec@bench-summary -Dbench.rows="$(realpath "$rows")" \
    -Dbench.side="$side" | tee "$out/summary-$side.md"
done
