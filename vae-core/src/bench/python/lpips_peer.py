"""PyTorch peer of LpipsThroughputBenchmark: the reference LPIPS computation (richzhang/PerceptualSimilarity,
lpips.LPIPS(net='alex', version='0.1')) on the same weights file, pairs, batch and protocol.

    OMP_NUM_THREADS=2 /usr/bin/python3 vae-core/src/bench/python/lpips_peer.py ../shared/data ../shared/weights/lpips-alex-v0.1.npz [batches]
"""
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class ReferenceLpips(nn.Module):
    """AlexNet features (relu1..relu5), unit-normalised channels, 1x1 'lin' weights, spatial mean, sum."""

    def __init__(self, weights):
        super().__init__()
        w = np.load(weights)
        self.register_buffer("shift", torch.tensor([-.030, -.088, -.188]).view(1, 3, 1, 1))
        self.register_buffer("scale", torch.tensor([.458, .448, .450]).view(1, 3, 1, 1))
        convs = [(0, 4, 2), (3, 1, 2), (6, 1, 1), (8, 1, 1), (10, 1, 1)]
        self.convs = nn.ModuleList()
        for index, stride, pad in convs:
            weight = torch.from_numpy(w[f"features.{index}.weight"])
            conv = nn.Conv2d(weight.shape[1], weight.shape[0], weight.shape[2], stride, pad)
            conv.weight.data = weight
            conv.bias.data = torch.from_numpy(w[f"features.{index}.bias"])
            self.convs.append(conv)
        self.lins = [torch.from_numpy(w[f"lin{i}.model.1.weight"]) for i in range(5)]

    def features(self, x):
        out = []
        h = (x - self.shift) / self.scale
        for i, conv in enumerate(self.convs):
            if i in (1, 2):
                h = F.max_pool2d(h, 3, 2)
            h = F.relu(conv(h))
            out.append(h)
        return out

    @torch.no_grad()
    def forward(self, a, b):
        # Inputs in [0,1] -> [-1,1], as lpips(normalize=True).
        fa, fb = self.features(2 * a - 1), self.features(2 * b - 1)
        total = 0
        for k in range(5):
            na = fa[k] / (torch.sqrt((fa[k] ** 2).sum(1, keepdim=True)) + 1e-10)
            nb = fb[k] / (torch.sqrt((fb[k] ** 2).sum(1, keepdim=True)) + 1e-10)
            total = total + F.conv2d((na - nb) ** 2, self.lins[k]).mean((2, 3))
        return total.view(-1)


def main():
    root, weights = sys.argv[1], sys.argv[2]
    batches = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
    raw = np.fromfile(f"{root}/cifar-10-batches-bin/test_batch.bin", np.uint8).reshape(-1, 3073)[:, 1:]
    images = torch.from_numpy(raw.reshape(-1, 3, 32, 32).astype(np.float32) / 255)
    batch = 256
    pairs = []
    for b in range(batches):
        start = (b * batch) % 9984
        x = images[start:start + batch]
        pairs.append((x, torch.cat([x[..., 1:], x[..., :1]], dim=3)))
    model = ReferenceLpips(weights)
    for x, y in pairs[:2]:
        model(x, y)
    total = 0.0
    start = time.perf_counter()
    for x, y in pairs:
        total += model(x, y).sum().item()
    seconds = time.perf_counter() - start
    print(f"pytorch-reference\tlpips_img_s\t{batches * batch / seconds:.1f}\tmean_lpips\t{total / (batches * batch):.6f}"
          f"\tthreads={torch.get_num_threads()}")


if __name__ == "__main__":
    main()
