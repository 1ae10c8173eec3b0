"""PyTorch peer of StepProfileBenchmark: where one training step's gradient pass (forward + backward, no optimizer
update), or one reconstruction (inference under no_grad: encoder, decoder at the posterior mean, sigmoid), spends its
time, per op, for one configuration, with the same model, data, batch and protocol.

Run with Debian's python3-torch (the last argument: gradient, the default, or reconstruct):
    OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 vae-core/src/bench/python/step_profile_peer.py ../shared/data mnist/vae 20 [reconstruct]
Each pass after 5 unprofiled ones is profiled on its own (torch.autograd.profiler, CPU); an op's time is its self
CPU time (children excluded, so a wrapper such as aten::convolution is not counted twice), reported as the minimum
over passes and the median, grouped as on the Java side: convolution kernels (any op whose name has "conv", in any case),
matrix products (addmm, mm, bmm) and everything else. The profiler adds its own cost per op (about 10-30 us).
"""
import os
import statistics
import sys
from collections import defaultdict

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from throughput_peer import Model, blas_library, read_cifar, read_mnist  # noqa: E402


def group(name):
    if "conv" in name.lower():
        return "convolution kernels"
    if name in ("aten::addmm", "aten::mm", "aten::bmm"):
        return "matrix products"
    return "other"


def main():
    root, config = sys.argv[1], sys.argv[2]
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    pass_name = sys.argv[4] if len(sys.argv) > 4 else "gradient"
    if pass_name not in ("gradient", "reconstruct"):
        sys.exit(f"pass {pass_name!r}: expected gradient or reconstruct")
    run = (lambda x: model.reconstruct(x)) if pass_name == "reconstruct" else (lambda x: model.loss(x).backward())
    dataset, arch = config.split("/", 1)
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    torch.set_flush_denormal(True)
    torch.manual_seed(1)
    batch, warm_up = 128, 5
    n = batch * (warm_up + steps)
    # Inference reads test images, as StepProfileBenchmark does.
    if dataset == "mnist":
        split = "t10k" if pass_name == "reconstruct" else "train"
        images, d = read_mnist(f"{root}/mnist/{split}-images-idx3-ubyte.gz")[:n], 10
    else:
        split = "test_batch" if pass_name == "reconstruct" else "data_batch_1"
        images, d = read_cifar([f"{root}/cifar-10-batches-bin/{split}.bin"])[:n], 128
    data = torch.from_numpy(images.copy())
    model = Model(arch, images.shape[1], images.shape[2], d)
    per_pass, calls = [], {}
    for step in range(warm_up + steps):
        x = data[step * batch:(step + 1) * batch].float().div_(255)
        model.zero_grad(set_to_none=True)
        if step < warm_up:
            run(x)
            continue
        with torch.autograd.profiler.profile() as prof:
            run(x)
        times = defaultdict(float)
        for event in prof.key_averages():
            times[event.key] += event.self_cpu_time_total / 1000.0
            calls[event.key] = event.count
        per_pass.append(times)
    print(f"# pytorch {torch.__version__} {pass_name} profile: {config}, d={d}, batch {batch}, {steps} passes, "
          f"threads {torch.get_num_threads()}, BLAS {blas_library()}")
    print("op\tcalls\tmin_ms\tmedian_ms\tgroup")
    ops = sorted({op for p in per_pass for op in p}, key=lambda op: -statistics.median(p.get(op, 0) for p in per_pass))
    groups, total = defaultdict(lambda: [0.0, 0.0]), [0.0, 0.0]
    for op in ops:
        ms = sorted(p.get(op, 0.0) for p in per_pass)
        low, median = ms[0], ms[len(ms) // 2]
        print(f"{op}\t{calls.get(op, 0)}\t{low:.3f}\t{median:.3f}\t{group(op)}")
        groups[group(op)][0] += low
        groups[group(op)][1] += median
        total[0] += low
        total[1] += median
    for name, (low, median) in groups.items():
        print(f"# {name}\t{low:.1f} ms (min)\t{median:.1f} ms (median)")
    print(f"# total\t{total[0]:.1f} ms (sum of minima)\t{total[1]:.1f} ms (sum of medians)")


if __name__ == "__main__":
    main()
