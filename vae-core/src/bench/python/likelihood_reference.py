"""Independent reference for MarginalLikelihood (issue #26 item 4): the importance-sampled NLL (IWAE bound,
Burda et al. 2016, as pythae's get_nll), the sample ELBO and the analytic-KL ELBO of small VAEs, computed in
float64 with PyTorch from the weights, images and noise the Java side exports.

    mvn -pl vae-core test-compile exec:exec \
        -Dexec.args="-classpath %classpath org.vaerepro.model.LikelihoodReferenceCases target/likelihood-export"
    /usr/bin/python3 vae-core/src/bench/python/likelihood_reference.py vae-core/target/likelihood-export \
        vae-core/src/test/resources/org/vaerepro/model/likelihood-reference.json

A suite's trained runs are checked the same way (each metrics.json report against this computation, on the same
test images and noise), by reproductions/bench/likelihood-vs-reference.sh:

    mvn -B -q -pl reproductions vae:export -Dvae.export=likelihood -Dvae.suite=<suite.json> \
        -Dvae.outputDirectory=<output folder> -Dvae.exportDirectory=<export dir> -Dvae.likelihoodReference=<result.json>
    /usr/bin/python3 vae-core/src/bench/python/likelihood_reference.py <export dir> <result.json>

Each export (<case>.zip: manifest.json with the model config, arrays/*.npy) holds the parameters in ND4J's
layouts, the test images, the standard-normal noise eps [images * K, d] and the Java side's posterior means,
log-variances and mean reconstructions. This script rebuilds each model from the parameters alone (the layer
layout of throughput_peer.py, at the exported channel counts), checks its encoder and reconstruction against the
Java side's, then computes, per image, with z_k = mu + exp(logvar / 2) * eps_k:
    log w_k = log p(x|z_k) + log N(z_k; 0, I) - log N(z_k; mu, diag(exp(logvar)))
    NLL = -(logsumexp_k log w_k - log K),  ELBO = mean_k log w_k,  analytic ELBO = log p(x|z_1) - KL(q || p)
with log p(x|z) = -BCE-with-logits summed over pixels (loss "bce", Bernoulli) or
-sum (x - sigmoid(l))^2 - (D/2) log(pi) (loss "mse": Gaussian, variance 1/2).
"""
import io
import json
import math
import os
import sys
import zipfile
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch.distributions import Normal, kl_divergence


def load(path):
    arrays = {}
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        for name in z.namelist():
            if name.startswith("arrays/") and name.endswith(".npy"):
                arrays[name[len("arrays/"):-4]] = torch.from_numpy(np.load(io.BytesIO(z.read(name)))).double()
    return manifest, arrays


def conv_weight(w):
    """ND4J conv2d [kH, kW, in, out] -> PyTorch [out, in, kH, kW]."""
    return w.permute(3, 2, 0, 1)


def deconv_weight(w):
    """ND4J deconv2d [kH, kW, out, in] -> PyTorch conv_transpose2d [in, out, kH, kW]."""
    return w.permute(3, 2, 0, 1)


class Peer:
    def __init__(self, config, p):
        self.config, self.p = config, p
        self.arch = config["architecture"]
        self.side = config["input"]["height"]

    def encode(self, x):
        h = x
        for i in range(3):
            h = F.relu(F.conv2d(h, conv_weight(self.p[f"param/encoder{i}_W"]), self.p[f"param/encoder{i}_b"], 2, 1))
        h = h.flatten(1)
        mu = h @ self.p["param/mean_W"] + self.p["param/mean_b"]
        logvar = h @ self.p["param/logVariance_W"] + self.p["param/logVariance_b"]
        return mu, logvar

    def logits(self, z):
        h = z @ self.p["param/decoderDense_W"] + self.p["param/decoderDense_b"]
        if self.config["decoderDenseActivation"] == "relu":
            h = F.relu(h)
        h = h.view(-1, self.config["channels"][2], 4, 4)
        sizes = [7, 14, 28] if self.side == 28 else [8, 16, 32]
        kernels = [3, 4, 4] if self.side == 28 else [4, 4, 4]
        for i in range(3):
            w, b = self.p[f"param/decoder{i}_W"], self.p[f"param/decoder{i}_b"]
            if self.arch == "vae-upsample":
                h = F.conv2d(F.interpolate(h, size=sizes[i], mode="nearest"), conv_weight(w), b, 1, 1)
            else:
                assert w.shape[0] == kernels[i]
                h = F.conv_transpose2d(h, deconv_weight(w), b, 2, 1)
            assert h.shape[2] == sizes[i], h.shape
            if i < 2:
                h = F.relu(h)
        return h


def log_likelihood(loss, x, logits):
    if loss == "bce":
        return -F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(1)
    dims = x[0].numel()
    return -((x - torch.sigmoid(logits)) ** 2).flatten(1).sum(1) - dims / 2 * math.log(math.pi)


def summary(values):
    return {"mean": values.mean().item(), "standardError": (values.std(unbiased=True) / math.sqrt(len(values))).item()}


def save(result, out):
    if any("run" in case for case in result["cases"].values()):
        result["description"] = ("PyTorch " + torch.__version__ + " float64 likelihood bounds of trained runs, "
                                 "produced by vae-core/src/bench/python/likelihood_reference.py from "
                                 "LikelihoodRunExport exports, beside each run's own report (java) and the "
                                 "difference java - here")
    partial = out.with_name(out.name + ".partial")
    with open(partial, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    os.replace(partial, out)  # a reader never sees half a file, and an interrupted run leaves the old one


@torch.no_grad()
def main():
    export, out = Path(sys.argv[1]), Path(sys.argv[2])
    torch.set_num_threads(1)
    result = {
        "description": "PyTorch " + torch.__version__ + " float64 values for MarginalLikelihoodReferenceTest; produced "
                       "by vae-core/src/bench/python/likelihood_reference.py from the LikelihoodReferenceCases export",
        "cases": {},
    }
    if out.exists():
        # Trained runs checked before keep their cases, so a results folder is checked run by run as its models
        # land (a model.zip is not committed); an export here recomputes its own case.
        result["cases"].update({name: case for name, case in json.loads(out.read_text())["cases"].items()
                                if "run" in case})
    for path in sorted(export.glob("*.zip")):
        manifest, p = load(path)
        config, k = manifest["config"], manifest["samples"]
        peer = Peer(config, p)
        x = p["images"]
        n, d = x.shape[0], config["latentDim"]
        mu, logvar = peer.encode(x)
        encoder_error = max((mu - p["mean"]).abs().max().item(), (logvar - p["logVariance"]).abs().max().item())
        reconstruction_error = (torch.sigmoid(peer.logits(mu)) - p["reconstruction"]).abs().max().item()
        # float32 (Java) against float64 (here): anything beyond rounding is a layout error.
        assert encoder_error < 1e-4 and reconstruction_error < 1e-4, (path, encoder_error, reconstruction_error)

        eps = p["eps"].view(n, k, d)
        sigma = torch.exp(0.5 * logvar)
        z = mu[:, None, :] + sigma[:, None, :] * eps
        # A trained run's export holds hundreds of images x K samples: decoded a few images at a time, so the
        # float64 logits of one chunk, not of all n * K codes, are in memory.
        chunk = max(1, 2000 // k)
        log_px = torch.cat([
            log_likelihood(config["loss"], x[i:i + chunk].repeat_interleave(k, dim=0),
                           peer.logits(z[i:i + chunk].reshape(-1, d))).view(-1, k)
            for i in range(0, n, chunk)])
        log_pz = Normal(0.0, 1.0).log_prob(z).sum(2)
        log_qz = Normal(mu[:, None, :], sigma[:, None, :]).log_prob(z).sum(2)
        log_w = log_px + log_pz - log_qz
        nll = -(torch.logsumexp(log_w, 1) - math.log(k))
        elbo = log_w.mean(1)
        kl = kl_divergence(Normal(mu, sigma), Normal(0.0, 1.0)).sum(1)
        analytic = log_px[:, 0] - kl
        dims = x[0].numel()
        result["cases"][path.stem] = {
            "config": config,
            "samples": k,
            "seed": manifest["seed"],
            "dimensions": dims,
            "maxEncoderError": encoder_error,
            "maxReconstructionError": reconstruction_error,
            "nll": nll.tolist(),
            "elbo": elbo.tolist(),
            "analyticElbo": analytic.tolist(),
            "reconstruction": log_px[:, 0].tolist(),
            "kl": kl.tolist(),
            "summary": {"nll": summary(nll), "elbo": summary(elbo), "analyticElbo": summary(analytic)},
            "nllBitsPerDimension": nll.mean().item() / (dims * math.log(2)),
        }
        if "java" in manifest:
            # A trained run's export: the report its metrics.json holds, beside this computation's.
            java = manifest["java"]
            # Its per-image values are not kept: the means and their difference are what the check is about.
            for key in ("nll", "elbo", "analyticElbo", "reconstruction", "kl"):
                del result["cases"][path.stem][key]
            result["cases"][path.stem]["run"] = os.path.relpath(manifest["run"])
            result["cases"][path.stem]["java"] = {key: java[key] for key in ("nll", "elbo", "analyticElbo")}
            result["cases"][path.stem]["difference"] = {
                key: java[key]["mean"] - result["cases"][path.stem]["summary"][key]["mean"]
                for key in ("nll", "elbo", "analyticElbo")}
            print(f"{path.stem}: Java NLL {java['nll']['mean']:.4f}, here {nll.mean():.4f}, difference "
                  f"{result['cases'][path.stem]['difference']['nll']:.2e}")
        print(f"{path.stem}: NLL {nll.mean():.4f} ± {summary(nll)['standardError']:.4f}, ELBO {elbo.mean():.4f}, "
              f"analytic ELBO {analytic.mean():.4f}; encoder error {encoder_error:.2e}, "
              f"reconstruction error {reconstruction_error:.2e}")
        # Saved case by case: a trained CIFAR-10 run takes minutes in float64, and an interrupted check then keeps
        # the runs it finished (the export skips them next time).
        save(result, out)
    save(result, out)
    print("wrote", out)


if __name__ == "__main__":
    main()
