"""PyTorch peer of ModelThroughputBenchmark: the same three architectures, batch, data and protocol.

Run with Debian's python3-torch and OpenBLAS (apt-get install python3-torch libopenblas0-pthread; see blas_library):
    OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 vae-core/src/bench/python/throughput_peer.py ../shared/data [steps] [epochs] [configuration, e.g. mnist/vae]
(OMP_WAIT_POLICY=PASSIVE as for the Java side: with spinning OpenMP workers PyTorch ran at half speed on this 2-vCPU VM.)
Protocol: real MNIST / CIFAR-10 images (first 128*steps), uint8 -> float per batch, seeded shuffling,
one warm-up epoch then `epochs` measured epochs of forward + backward + Adam (lr 1e-3), with the mean split of a
measured step (batch assembly, gradient pass, Adam update) as ModelThroughputBenchmark prints it; inference
times reconstruct (mean path, sigmoid) on 128*steps test images after 3 warm-up batches.
"""
import gzip
import os
import resource
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def blas_library():
    """The library that serves PyTorch's sgemm_ (Debian's torch links libblas.so.3, which its alternatives
    resolve). The reference BLAS (libblas3 alone) makes PyTorch's GEMM-based CPU ops, among them addmm and
    slow_conv_transpose2d (every ConvTranspose2d here), 4-7x slower: measured 2026-12-06, MNIST vae reconstruct
    200-250 ms a batch against 29-35 ms with OpenBLAS. A peer on it would flatter the Java side, which runs ND4J's
    bundled OpenBLAS, so the peers refuse it."""
    import ctypes

    class DlInfo(ctypes.Structure):
        _fields_ = [("dli_fname", ctypes.c_char_p), ("dli_fbase", ctypes.c_void_p),
                    ("dli_sname", ctypes.c_char_p), ("dli_saddr", ctypes.c_void_p)]

    try:  # the soname torch linked: dlopen hands back the library already loaded under it
        address = ctypes.cast(ctypes.CDLL("libblas.so.3").sgemm_, ctypes.c_void_p)
    except (OSError, AttributeError) as e:
        sys.exit(f"cannot find the BLAS PyTorch uses (libblas.so.3's sgemm_): {e}")
    info = DlInfo()
    ctypes.CDLL(None).dladdr(address, ctypes.byref(info))
    library = os.path.realpath(info.dli_fname.decode())
    if not any(name in library.lower() for name in ("openblas", "mkl", "blis")):
        sys.exit(f"PyTorch here uses the reference BLAS ({library}), whose GEMM makes the peer 4-7x slower; "
                 "install an optimised one (apt-get install libopenblas0-pthread) and run again")
    return library


def read_mnist(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    n, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    return np.frombuffer(data, np.uint8, offset=16).reshape(n, 1, rows, cols)


def read_cifar(paths):
    records = [np.fromfile(p, np.uint8).reshape(-1, 3073) for p in paths]
    return np.concatenate(records)[:, 1:].reshape(-1, 3, 32, 32)


class Model(nn.Module):
    def __init__(self, arch, channels, side, d):
        super().__init__()
        self.arch, self.side = arch, side
        self.enc = nn.ModuleList([nn.Conv2d(channels, 32, 3, 2, 1), nn.Conv2d(32, 64, 3, 2, 1), nn.Conv2d(64, 128, 3, 2, 1)])
        self.mean = nn.Linear(2048, d)
        self.logvar = nn.Linear(2048, d) if arch != "ae" else None
        self.dec_dense = nn.Linear(d, 2048)
        plan = [128, 64, 32, channels]
        if arch == "vae-upsample":
            self.dec = nn.ModuleList([nn.Conv2d(plan[i], plan[i + 1], 3, 1, 1) for i in range(3)])
            self.sizes = [7, 14, 28] if side == 28 else [8, 16, 32]
        else:
            kernels = [3, 4, 4] if side == 28 else [4, 4, 4]
            self.dec = nn.ModuleList([nn.ConvTranspose2d(plan[i], plan[i + 1], kernels[i], 2, 1) for i in range(3)])

    def encode(self, x):
        h = x
        for conv in self.enc:
            h = F.relu(conv(h))
        h = h.flatten(1)
        return self.mean(h), (self.logvar(h) if self.logvar is not None else None)

    def decode_logits(self, z):
        h = F.relu(self.dec_dense(z)).view(-1, 128, 4, 4)
        for i, layer in enumerate(self.dec):
            if self.arch == "vae-upsample":
                h = F.interpolate(h, size=self.sizes[i], mode="nearest")
            h = layer(h)
            if i < 2:
                h = F.relu(h)
        return h

    def loss(self, x):
        mu, logvar = self.encode(x)
        if logvar is None:
            z, kl = mu, torch.zeros(())
        else:
            z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
            kl = (-0.5 * (1 + logvar - mu * mu - logvar.exp()).sum(1)).mean()
        logits = self.decode_logits(z)
        recon = F.binary_cross_entropy_with_logits(logits, x, reduction="sum") / x.shape[0]
        return recon + kl

    @torch.no_grad()
    def reconstruct(self, x):
        return torch.sigmoid(self.decode_logits(self.encode(x)[0]))


def main():
    root = sys.argv[1]
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    # One configuration per process gives each its own peak resident set, as on the Java side.
    only = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
    threads = int(os.environ.get("OMP_NUM_THREADS", "2"))
    torch.set_num_threads(threads)
    # Denormal gradients slowed PyTorch here about 10x (an MNIST epoch took 1,036 s instead of about 120 s);
    # ND4J's oneDNN kernels flush them, so the peer does too, or the comparison would flatter the Java side.
    torch.set_flush_denormal(True)
    torch.manual_seed(1)
    batch = 128
    n = batch * steps
    readers = {
        "mnist": lambda: (read_mnist(f"{root}/mnist/train-images-idx3-ubyte.gz")[:n],
                          read_mnist(f"{root}/mnist/t10k-images-idx3-ubyte.gz")[:n], 10),
        "cifar10": lambda: (read_cifar([f"{root}/cifar-10-batches-bin/data_batch_1.bin"])[:n],
                            read_cifar([f"{root}/cifar-10-batches-bin/test_batch.bin"])[:n], 128),
    }
    sets = {name: read() for name, read in readers.items() if only is None or only.startswith(name + "/")}
    if not sets:
        sys.exit(f"configuration '{only}': expected <dataset>/<architecture> with dataset mnist or cifar10")
    print(f"# pytorch {torch.__version__} peer: batch {batch}, {steps} steps/epoch, 1 warm-up + {epochs} measured epochs, "
          f"threads {torch.get_num_threads()}, BLAS {blas_library()}")
    print("dataset\tarchitecture\td\ttrain_img_s\tinfer_img_s\tpeak_rss_mib\tbatch_ms\tpass_ms\tupdate_ms")
    for name, (train, test, d) in sets.items():
        train_t, test_t = torch.from_numpy(train.copy()), torch.from_numpy(test.copy())
        for arch in ["vae", "vae-upsample", "ae"]:
            if only is not None and only != f"{name}/{arch}":
                continue
            model = Model(arch, train.shape[1], train.shape[2], d)
            opt = torch.optim.Adam(model.parameters(), lr=1e-3)
            rng = np.random.default_rng(1)
            measured_images, measured_seconds = 0, 0.0
            phases = [0.0, 0.0, 0.0]  # batch assembly, gradient pass (losses read), Adam update: as StepPhases
            for epoch in range(1 + epochs):
                order = torch.from_numpy(rng.permutation(n))
                start = time.perf_counter()
                for s in range(steps):
                    t0 = time.perf_counter()
                    x = train_t[order[s * batch:(s + 1) * batch]].float().div_(255)
                    t1 = time.perf_counter()
                    opt.zero_grad(set_to_none=True)
                    loss = model.loss(x)
                    loss.backward()
                    loss.item()
                    t2 = time.perf_counter()
                    opt.step()
                    if epoch > 0:
                        for i, took in enumerate((t1 - t0, t2 - t1, time.perf_counter() - t2)):
                            phases[i] += took
                if epoch > 0:
                    measured_seconds += time.perf_counter() - start
                    measured_images += n
            inputs = [test_t[b * batch:(b + 1) * batch].float().div_(255) for b in range(steps)]
            model.eval()
            for x in inputs[:3]:
                model.reconstruct(x)
            start = time.perf_counter()
            for x in inputs:
                model.reconstruct(x)
            infer = n / (time.perf_counter() - start)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            split = "\t".join(f"{1000 * p / (steps * epochs):.2f}" for p in phases)
            print(f"{name}\t{arch}\t{d}\t{measured_images / measured_seconds:.1f}\t{infer:.1f}\t{peak}\t{split}",
                  flush=True)


if __name__ == "__main__":
    main()
