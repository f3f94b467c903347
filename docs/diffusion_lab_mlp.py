#!/usr/bin/env python3
"""Diffusion Lab's denoising MLP in PyTorch, loaded from `diffusion-lab-cli train --export-safetensors`.

    import diffusion_lab_mlp as dlm
    net = dlm.load("moons.safetensors")        # a torch.nn.Module in eval mode
    eps = net(x_t, t)                           # x_t: [N, d] float32 (normalised data space), t: [N] int
    points = net.to_data(x_0)                   # samples in the data's own coordinates
    net.scheduler_config                        # the training schedule as a diffusers config (a dict)

It computes the same eps_hat(x_t, t) as the C++ network (to about 1e-6; the test checks 1e-5):
  z   = [sin(x_j * f_k), cos(x_j * f_k) for each coordinate j | sin(t * g_k), cos(t * g_k)]
  h_0 = act(W_in z + b_in),  h_l = h_{l-1} + act(W_l h_{l-1} + b_l),  y = W_out h_L + b_out
with f_k = scale * 10000^(-k / (F/2 - 1)), g_k = 10000^(-k / (E/2 - 1)), GELU in its tanh form.
The file is read with the standard library (no `safetensors` package needed); docs/model-export.md
describes the tensor names. Run as a script to evaluate a CSV of inputs:

    python3 diffusion_lab_mlp.py moons.safetensors inputs.csv   # rows x_1..x_d,t -> rows eps_1..eps_d
"""
import json
import math
import struct
import sys

import torch
from torch import nn
import torch.nn.functional as F


def read_safetensors(path):
    """(tensors by name, metadata) of a safetensors file of float32 tensors."""
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    data = blob[8 + n:]
    tensors = {}
    for name, info in header.items():
        if info["dtype"] != "F32":
            raise ValueError(f"{name}: dtype {info['dtype']}, expected F32")
        begin, end = info["data_offsets"]
        values = torch.frombuffer(bytearray(data[begin:end]), dtype=torch.float32)
        tensors[name] = values.reshape(info["shape"]).clone()
    return tensors, meta


def frequencies(half, scale):
    """float32 frequencies as the C++ code computes them (in double, then rounded)."""
    denom = half - 1 if half > 1 else 1
    return torch.tensor([scale * math.exp(-math.log(10000.0) * k / denom) for k in range(half)], dtype=torch.float64
                        ).to(torch.float32)


class DiffusionLabMlp(nn.Module):
    def __init__(self, meta):
        super().__init__()
        self.d = int(meta["data_dim"])
        self.features = int(meta["input_features"])
        self.scale = float(meta["feature_scale"])
        self.E = int(meta["time_embedding"])
        H, L = int(meta["hidden"]), int(meta["layers"])
        self.residual = meta["residual"] == "true"
        self.activation = meta["activation"]
        self.prediction = meta["prediction"]
        # Written with the model's context (files from before hold the network alone): the map back to
        # the data, data = x * scale + offset, and the schedule as a diffusers scheduler config.
        self.offset = self.data_scale = None
        if "data_offset" in meta:
            self.offset = torch.tensor([float(v) for v in meta["data_offset"].split(",")])
            scale = meta.get("data_axis_scale", meta.get("data_scale"))
            self.data_scale = torch.tensor([float(v) for v in scale.split(",")])
        config = meta.get("scheduler_config")
        self.scheduler_config = json.loads(config) if config else None
        width = (self.d * self.features if self.features > 0 else self.d) + self.E
        self.input = nn.Linear(width, H)
        self.blocks = nn.ModuleList(nn.Linear(H, H) for _ in range(L))
        self.output = nn.Linear(H, self.d)
        if self.features > 0:
            self.register_buffer("freq_x", frequencies(self.features // 2, self.scale))
        self.register_buffer("freq_t", frequencies(self.E // 2, 1.0))

    def act(self, h):
        if self.activation == "gelu":
            return F.gelu(h, approximate="tanh")
        if self.activation == "silu":
            return F.silu(h)
        return F.relu(h)

    def forward(self, x, t):
        x = x.to(torch.float32)
        parts = []
        if self.features > 0:
            for j in range(self.d):
                a = x[:, j:j + 1] * self.freq_x  # float32, as the C++ code
                parts += [torch.sin(a), torch.cos(a)]
        else:
            parts.append(x)
        # The time embedding is tabulated in double precision and rounded, as in the C++ code.
        a = t.to(torch.float64).unsqueeze(1) * self.freq_t.to(torch.float64)
        parts += [torch.sin(a).to(torch.float32), torch.cos(a).to(torch.float32)]
        h = self.act(self.input(torch.cat(parts, dim=1)))
        for block in self.blocks:
            h = h + self.act(block(h)) if self.residual else self.act(block(h))
        return self.output(h)

    def to_data(self, x):
        """Points of the normalised space (samples) in the data's own coordinates."""
        if self.offset is None:
            raise ValueError("this file has no data_offset: it was written without the model's data")
        return x.to(torch.float32) * self.data_scale + self.offset


def load(path):
    tensors, meta = read_safetensors(path)
    net = DiffusionLabMlp(meta)
    net.load_state_dict(tensors, strict=False)  # freq_x / freq_t are computed, not stored
    missing = [k for k in net.state_dict() if k not in tensors and not k.startswith("freq_")]
    if missing:
        raise ValueError(f"{path}: missing tensors {missing}")
    return net.eval()


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: diffusion_lab_mlp.py WEIGHTS.safetensors INPUTS.csv  (rows x_1..x_d,t)")
    net = load(argv[1])
    rows = [list(map(float, line.split(","))) for line in open(argv[2]) if line.strip()]
    x = torch.tensor([r[:-1] for r in rows], dtype=torch.float32)
    t = torch.tensor([int(r[-1]) for r in rows])
    with torch.no_grad():
        eps = net(x, t)
    for row in eps.tolist():
        print(",".join(f"{v:.9g}" for v in row))


if __name__ == "__main__":
    main(sys.argv)
