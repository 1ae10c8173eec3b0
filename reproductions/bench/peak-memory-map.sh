#!/usr/bin/env bash
# Where a benchmark process's memory is at its peak: runs the command, samples /proc/<pid>/smaps every 0.5 s and keeps
# the sample with the largest resident set (the command must exec its JVM or Python so that its pid is the process
# measured; `mvn exec:exec` forks, so run java directly), then summarises it with peak-memory-map.py.
# Usage: reproductions/bench/peak-memory-map.sh <output prefix> <command...>
set -uo pipefail
out=$1; shift
"$@" > "$out.stdout" 2>&1 &
pid=$!
best=0
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/^VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null)
  if [[ -n $rss && $rss -gt $best ]]; then
    best=$rss
    cat "/proc/$pid/smaps" > "$out.smaps.partial" 2>/dev/null && mv "$out.smaps.partial" "$out.smaps"
  fi
  sleep 0.5
done
wait "$pid"
echo "largest sampled resident set: $((best / 1024)) MiB"
/usr/bin/python3 "$(dirname "$0")/peak-memory-map.py" "$out.smaps"
