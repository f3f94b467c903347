#!/usr/bin/env python3
"""Fits the rational GELU of the int16 sampling pass (core/model/gelurational.h).

Φ(x) = ½(1 + tanh(√(2/π)(x + 0.044715x³))) is approximated on [0, X] by ½ + x·P(x²)/Q(x²), P of degree 3,
Q of degree 4 with Q(0) = 1, minimising the largest absolute error of tanh (differential correction: a
linear programme per iteration, weighted by the previous Q). Beyond ±X the kernel clamps x, so X is
chosen where tanh has saturated to the fit's own error. Prints P (with the ½ folded in), Q and the
error of GELU(x) = x·Φ(x) over [−12, 12] evaluated in float32 as the kernel does.

Needs numpy and scipy (Debian: python3-numpy python3-scipy). Run: python3 scripts/fit_gelu_rational.py
"""
import numpy as np
from scipy.optimize import linprog

C, K, CLAMP = np.sqrt(2 / np.pi), 0.044715, 4.5


def tanh_form(x):
    return np.tanh(C * (x + K * x**3))


def fit(p_terms=4, q_terms=4, clamp=CLAMP, iterations=40, points=6000):
    x = np.linspace(0, clamp, points)
    y, z = tanh_form(x), x * x
    a = np.vstack([x * z**i for i in range(p_terms)]).T
    b = np.vstack([z**i for i in range(1, q_terms + 1)]).T
    q_previous = np.ones_like(x)
    for _ in range(iterations):
        n = p_terms + q_terms + 1  # coefficients, then the error bound δ
        objective = np.zeros(n)
        objective[-1] = 1
        # |a·p − y(1 + b·q)| ≤ δ·Q_previous
        upper = np.hstack([a, -(y[:, None] * b), -q_previous[:, None]])
        lower = np.hstack([-a, y[:, None] * b, -q_previous[:, None]])
        result = linprog(objective, A_ub=np.vstack([upper, lower]), b_ub=np.concatenate([y, -y]),
                         bounds=[(None, None)] * n, method="highs")
        p, q = result.x[:p_terms], result.x[p_terms:p_terms + q_terms]
        q_previous = 1 + b @ q
    return 0.5 * p, q


def gelu_float32(x, p, q, clamp=CLAMP):
    f = np.float32
    x = x.astype(f)
    xc = np.clip(x, f(-clamp), f(clamp))
    z = xc * xc
    pp = f(p[-1])
    for c in p[-2::-1]:
        pp = pp * z + f(c)
    qq = f(q[-1])
    for c in list(q[-2::-1]) + [1.0]:
        qq = qq * z + f(c)
    return x * (xc * pp / qq + f(0.5))


if __name__ == "__main__":
    p, q = fit()
    print("P (½ folded in):", ", ".join(f"{v:.17g}" for v in p))
    print("Q (after Q(0) = 1):", ", ".join(f"{v:.17g}" for v in q))
    x = np.linspace(-12, 12, 2_400_001)
    exact = 0.5 * x * (1 + tanh_form(x))
    error = np.abs(gelu_float32(x, p, q).astype(np.float64) - exact)
    print(f"largest error {error.max():.3g} absolute, {(error / np.maximum(1, np.abs(x))).max():.3g} of max(1, |x|)")
