"""Writes the one-op TorchScript module the libtorch peer runs its transposed convolutions through:
forward(x, weight, bias) = torch.nn.functional.conv_transpose2d(x, weight, bias, stride=2, padding=1), the only
transposed convolution of the measured models (MNIST's 3x3 4->7 and every 4x4 one). DJL 0.36's PyTorch engine has
no transposed convolution (PtNDArrayEx.deconvolution throws); through this module the peer gets libtorch's own
kernel and autograd, with its own weights as inputs. Written with whatever torch is at hand (Debian's
python3-torch 1.13); libtorch 2.7.1 loads it (LibtorchModelTest checks its output and gradients).
Usage: /usr/bin/python3 conv_transpose_module.py <output .pt>"""
import os
import sys

import torch
import torch.nn.functional as F


class ConvTranspose2d(torch.nn.Module):
    def forward(self, x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        return F.conv_transpose2d(x, weight, bias, stride=2, padding=1)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: conv_transpose_module.py <output .pt>")
    target = sys.argv[1]
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    partial = target + ".partial"
    torch.jit.script(ConvTranspose2d()).save(partial)
    os.replace(partial, target)  # atomic: a half-written module is never loaded


if __name__ == "__main__":
    main()
