"""Splits inference passes into their oneDNN kernels from a ONEDNN_VERBOSE=1 (oneDNN 3.x, libtorch) or DNNL_VERBOSE=1
(oneDNN 2.x, ND4J) log: per primitive (kind, implementation, propagation, problem), the calls per pass, the minimum
and median time of a call, and their products with the calls, the time per pass (the minimum is the least disturbed
by other load on a shared machine); then the sums per kind. A pass's time outside oneDNN (dense
layers on MKL, element-wise ops, the framework's own work) is the pass's wall time less these sums.
Usage: /usr/bin/python3 reproductions/bench/onednn-profile.py <verbose log> <passes the log holds, warm-ups included>"""
import statistics
import sys
from collections import defaultdict

if len(sys.argv) != 3:
    sys.exit(__doc__)
path, passes = sys.argv[1], int(sys.argv[2])
calls = defaultdict(list)
version = "?"
for line in open(path, errors="replace"):
    if not (line.startswith("onednn_verbose,") or line.startswith("dnnl_verbose,")):
        continue
    fields = line.rstrip("\n").split(",")
    if "info" in fields[:3] and "oneDNN" in line:
        version = next(f for f in fields if f.startswith("oneDNN"))
    if "exec" not in fields[:4]:
        continue
    i = fields.index("exec")
    try:
        ms = float(fields[-1])
    except ValueError:
        continue
    calls[(fields[i + 2], fields[i + 3], fields[i + 4], fields[-2])].append(ms)
if not calls:
    sys.exit(f"{path}: no oneDNN exec lines (run with ONEDNN_VERBOSE=1, or DNNL_VERBOSE=1 for oneDNN 2.x)")
print(f"# {version}, {passes} passes\n")
print("| kind | implementation | propagation | problem | calls/pass | min ms | median ms | ms/pass (min) | ms/pass (median) |")
print("|---|---|---|---|---|---|---|---|---|")
kinds = defaultdict(lambda: [0.0, 0.0])
for (kind, impl, prop, problem), times in sorted(calls.items(), key=lambda kv: -min(kv[1]) * len(kv[1])):
    per_pass = len(times) / passes
    low, median = min(times), statistics.median(times)
    kinds[kind][0] += per_pass * low
    kinds[kind][1] += per_pass * median
    print(f"| {kind} | {impl} | {prop} | {problem} | {per_pass:.2f} | {low:.3f} | {median:.3f} | {per_pass * low:.2f} | "
          f"{per_pass * median:.2f} |")
print("\n| kind | ms/pass (min) | ms/pass (median) |")
print("|---|---|---|")
for kind, (low, median) in sorted(kinds.items(), key=lambda kv: -kv[1][0]):
    print(f"| {kind} | {low:.2f} | {median:.2f} |")
print(f"| all oneDNN | {sum(k[0] for k in kinds.values()):.2f} | {sum(k[1] for k in kinds.values()):.2f} |")
