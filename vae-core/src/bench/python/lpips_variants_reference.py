"""Reference values for LPIPS's protocol variants (issue #26): the input scaling and the small-image rules,
computed by PyTorch on real test images. LpipsVariantsReferenceTest compares the project's values with them.

    /usr/bin/python3 vae-core/src/bench/python/lpips_variants_reference.py ../shared/data ../shared/weights \
        vae-core/src/test/resources/org/vaerepro/metrics/lpips-variants-reference.json

The network is lpips_peer.ReferenceLpips (the reference computation on the same weights file); before anything
else this script checks that it reproduces every value of ../shared/weights/lpips-reference.npz to 1e-5.
Variants: scaling "signed" (2x - 1, what lpips.LPIPS expects) or "raw" ([0,1] fed unscaled); for 28x28 images
the rules "resize" (F.interpolate to 32, bilinear, align_corners=False), "pad" (zeros in [0,1] space, centred,
to 32), "resize64" and "resize48" (bilinear to 64 and 48), "nearest<side>" (mode="nearest"), "bicubic<side>"
(mode="bicubic", align_corners=False) and "bicubic-aa<side>" (mode="bicubic", antialias=True), for sides 32, 48
and 64. Antialiased bilinear is not a rule: when enlarging it equals bilinear, which this script checks.
"""
import gzip
import json
import sys

import numpy as np
import torch
import torch.nn.functional as F

from lpips_peer import ReferenceLpips

# (row, column) of the resized pixels recorded, on both sides of the image and near its centre.
PIXELS = [(0, 0), (0, 63), (5, 17), (13, 40), (31, 31), (32, 33), (47, 12), (63, 63)]


def read_mnist(path, count):
    with gzip.open(path, "rb") as f:
        data = f.read()
    n, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    images = np.frombuffer(data, np.uint8, offset=16).reshape(n, 1, rows, cols)[:count]
    return torch.from_numpy(images.astype(np.float32) / 255)


def read_cifar(path, count):
    raw = np.fromfile(path, np.uint8).reshape(-1, 3073)[:count, 1:]
    return torch.from_numpy(raw.reshape(-1, 3, 32, 32).astype(np.float32) / 255)


# Rule id -> (interpolate mode, antialias, side), in SmallImagePolicy's order ("pad" is handled apart).
RULES = {"resize": ("bilinear", False, 32), "pad": None, "resize64": ("bilinear", False, 64),
         "resize48": ("bilinear", False, 48)}
for side in (32, 48, 64):
    RULES[f"nearest{side}"] = ("nearest", False, side)
for side in (32, 48, 64):
    RULES[f"bicubic{side}"] = ("bicubic", False, side)
for side in (32, 48, 64):
    RULES[f"bicubic-aa{side}"] = ("bicubic", True, side)


def resize(t, rule):
    mode, antialias, side = RULES[rule]
    if mode == "nearest":
        return F.interpolate(t, size=side, mode="nearest")
    return F.interpolate(t, size=side, mode=mode, align_corners=False, antialias=antialias)


@torch.no_grad()
def lpips(model, a, b, scaling, rule):
    if a.shape[1] == 1:
        a, b = a.repeat(1, 3, 1, 1), b.repeat(1, 3, 1, 1)
    if a.shape[2] < 32:
        if rule == "pad":
            p = (32 - a.shape[2]) // 2
            a, b = (F.pad(t, (p, 32 - a.shape[3] - p, p, 32 - a.shape[2] - p)) for t in (a, b))
        else:
            a, b = (resize(t, rule) for t in (a, b))
    if scaling == "signed":
        a, b = 2 * a - 1, 2 * b - 1
    fa, fb = model.features(a), model.features(b)
    total = 0
    for k in range(5):
        na = fa[k] / (torch.sqrt((fa[k] ** 2).sum(1, keepdim=True)) + 1e-10)
        nb = fb[k] / (torch.sqrt((fb[k] ** 2).sum(1, keepdim=True)) + 1e-10)
        total = total + F.conv2d((na - nb) ** 2, model.lins[k]).mean((2, 3))
    return total.view(-1).double().tolist()


def main():
    data, weights, out = sys.argv[1], sys.argv[2], sys.argv[3]
    torch.set_num_threads(1)
    model = ReferenceLpips(f"{weights}/lpips-alex-v0.1.npz")
    reference = np.load(f"{weights}/lpips-reference.npz")
    for prefix in ("ex", "c32", "r32", "r64"):
        got = np.array(lpips(model, torch.from_numpy(reference[f"{prefix}_a"]), torch.from_numpy(reference[f"{prefix}_b"]),
                             "signed", None))
        error = np.abs(got - reference[f"{prefix}_lpips"]).max()
        assert error < 1e-5, f"{prefix}: the peer is off the reference by {error}"

    mnist = read_mnist(f"{data}/mnist/t10k-images-idx3-ubyte.gz", 5)
    a = mnist[0:4]
    # Each test image against the next one (another digit) and against itself shifted right by one pixel.
    first = torch.cat([a, a])
    second = torch.cat([mnist[1:5], torch.roll(a, 1, dims=3)])
    result = {
        "description": "PyTorch " + torch.__version__ + " values for LpipsVariantsReferenceTest; produced by "
                       "vae-core/src/bench/python/lpips_variants_reference.py (see its docstring)",
        "mnistPairs": "MNIST test images 0-3 against images 1-4, then images 0-3 against themselves rolled right by "
                      "one pixel (torch.roll(x, 1, dims=3))",
        "mnist": {},
        "cifarPairs": "CIFAR-10 test images 0-3 against images 1-4 (../shared/data copy)",
        "cifar": {},
        "resizedPixels": PIXELS,
        "resize": {},
    }
    for scaling in ("signed", "raw"):
        for rule in RULES:
            result["mnist"][f"{scaling}/{rule}"] = lpips(model, first, second, scaling, rule)
    cifar = read_cifar(f"{data}/cifar-10-batches-bin/test_batch.bin", 5)
    for scaling in ("signed", "raw"):
        result["cifar"][scaling] = lpips(model, cifar[0:4], cifar[1:5], scaling, None)
    for rule, how in RULES.items():
        if how is None:
            continue
        side = how[2]
        resized = resize(mnist[0:1], rule)[0, 0].double()
        result["resize"][rule] = {
            "image": "MNIST test image 0",
            "sum": resized.sum().item(),
            "sumOfSquares": (resized ** 2).sum().item(),
            "pixels": [resized[r % side, c % side].item() for r, c in PIXELS],
        }
        if how[0] == "bilinear":
            aa = F.interpolate(mnist[0:1], size=side, mode="bilinear", align_corners=False, antialias=True)[0, 0]
            assert torch.allclose(aa.double(), resized, atol=1e-6), f"antialiased bilinear differs at {side}"
    with open(out, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
