"""PyTorch peer of the project's learning curves (issue #13 item 7): the same architecture (throughput_peer.Model),
loss, optimiser, batch, data split and per-epoch validation as a vae-repro run with `validation: 5000`.

    OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 vae-core/src/bench/python/learning_curves_peer.py \
        ../shared/data ../shared/weights/lpips-alex-v0.1.npz mnist 10 5 1,2,3 out.json

Protocol, as the project's: the last 5,000 training images are held out (MNIST 55,000 / CIFAR-10 45,000 train);
each epoch shuffles the training images with a seeded permutation and steps through batches of 128 (the last
one partial); loss = BCE summed over pixels + KL, both averaged over the batch (beta 1); Adam lr 1e-3 with
PyTorch's defaults (betas 0.9/0.999, eps 1e-8); PyTorch's default initialisation. After every epoch: training
loss, reconstruction and KL averaged over the epoch's images; validation loss, reconstruction and KL with z = mu;
validation PSNR (mean of per-image PSNR, data range 1) of sigmoid(decode(mu)); LPIPS (AlexNet v0.1) on the
first 1,000 validation images, 28x28 images resized bilinearly to 32x32 and grey repeated to RGB.
Denormals are flushed to zero (see main).
"""
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from lpips_peer import ReferenceLpips
from throughput_peer import Model, read_cifar, read_mnist

VALIDATION = 5000
BATCH = 128
LPIPS_IMAGES = 1000


def load(root, dataset):
    if dataset == "mnist":
        return read_mnist(f"{root}/mnist/train-images-idx3-ubyte.gz")
    return read_cifar([f"{root}/cifar-10-batches-bin/data_batch_{i}.bin" for i in range(1, 6)])


@torch.no_grad()
def validate(model, images, lpips):
    n = images.shape[0]
    loss = recon = kl = psnr = lp = 0.0
    for start in range(0, n, 250):
        x = images[start:start + 250].float().div_(255)
        mu, logvar = model.encode(x)
        logits = model.decode_logits(mu)
        r = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(1)
        k = -0.5 * (1 + logvar - mu * mu - logvar.exp()).sum(1)
        recon += r.sum().item()
        kl += k.sum().item()
        loss += (r + k).sum().item()
        x_hat = torch.sigmoid(logits)
        mse = ((x_hat - x) ** 2).flatten(1).mean(1)
        psnr += (10 * torch.log10(1.0 / mse)).sum().item()
        if start < LPIPS_IMAGES:
            a, b = x, x_hat
            if a.shape[-1] < 32:
                a = F.interpolate(a, size=32, mode="bilinear", align_corners=False)
                b = F.interpolate(b, size=32, mode="bilinear", align_corners=False)
            if a.shape[1] == 1:
                a, b = a.repeat(1, 3, 1, 1), b.repeat(1, 3, 1, 1)
            lp += lpips(a, b).sum().item()
    return {"images": n, "loss": loss / n, "reconstruction": recon / n, "kl": kl / n, "psnr": psnr / n,
            "lpips": lp / min(LPIPS_IMAGES, n), "lpipsImages": min(LPIPS_IMAGES, n)}


def train(images, side, d, epochs, seed, lpips, log):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    train_set, validation = images[:-VALIDATION], images[-VALIDATION:]
    model = Model("vae", images.shape[1], side, d)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    n = train_set.shape[0]
    curve = []
    for epoch in range(epochs):
        order = torch.from_numpy(rng.permutation(n))
        sums = {"loss": 0.0, "reconstruction": 0.0, "kl": 0.0}
        started = time.perf_counter()
        for start in range(0, n, BATCH):
            x = train_set[order[start:start + BATCH]].float().div_(255)
            mu, logvar = model.encode(x)
            z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
            kl = (-0.5 * (1 + logvar - mu * mu - logvar.exp()).sum(1)).mean()
            recon = F.binary_cross_entropy_with_logits(model.decode_logits(z), x, reduction="sum") / x.shape[0]
            loss = recon + kl
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            optimiser.step()
            sums["loss"] += loss.item() * x.shape[0]
            sums["reconstruction"] += recon.item() * x.shape[0]
            sums["kl"] += kl.item() * x.shape[0]
        seconds = time.perf_counter() - started
        report = {"epoch": epoch, **{k: v / n for k, v in sums.items()}, "seconds": seconds,
                  "validation": validate(model, validation, lpips)}
        curve.append(report)
        v = report["validation"]
        log(f"seed {seed} epoch {epoch + 1}: loss {report['loss']:.3f}  validation loss {v['loss']:.3f}  "
            f"PSNR {v['psnr']:.3f} dB  LPIPS {v['lpips']:.4f}  ({seconds:.0f} s)")
    return curve


def main():
    root, weights, dataset, d, epochs, seeds, out = sys.argv[1:8]
    threads = int(os.environ.get("OMP_NUM_THREADS", "1"))
    torch.set_num_threads(threads)
    # Flush denormals to zero, as oneDNN does on the Java side: without it, late in an epoch's many small
    # gradients the convolutions' backward ran about 10x slower here (a 1,036 s MNIST epoch against
    # about 60 s), while values differ only below 1e-38.
    torch.set_flush_denormal(True)
    images = torch.from_numpy(load(root, dataset).copy())
    lpips = ReferenceLpips(weights)
    result = {"framework": f"pytorch {torch.__version__}", "threads": threads, "dataset": dataset, "latentDim": int(d),
              "architecture": "vae", "batchSize": BATCH, "learningRate": 1e-3, "validation": VALIDATION,
              "command": " ".join(["learning_curves_peer.py"] + sys.argv[1:]), "seeds": {}}
    for seed in (int(s) for s in seeds.split(",")):
        result["seeds"][str(seed)] = train(images, images.shape[2], int(d), int(epochs), seed, lpips,
                                           lambda line: print(f"[{dataset} d={d}] {line}", flush=True))
        with open(out + ".tmp", "w") as f:
            json.dump(result, f, indent=1)
        os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
