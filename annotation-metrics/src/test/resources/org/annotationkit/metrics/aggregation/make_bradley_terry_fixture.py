#!/usr/bin/python3
"""Reference values for BradleyTerryTest: the Rao-Kupper maximum-likelihood fit found by SciPy's
BFGS directly on the log-likelihood (not by MM), on seeded simulated comparisons with ties.

Debian packages: python3-numpy python3-scipy. Run from this folder:
    /usr/bin/python3 make_bradley_terry_fixture.py
Writes bt-rk-comparisons.csv (a,b,a_wins,b_wins,ties) and bt-rk-expected.csv (player,score with
scores summing to 1; the last rows are theta and the log-likelihood).
"""
import numpy as np
from scipy.optimize import minimize

rng = np.random.RandomState(20261204)
n = 6
true_g = np.exp(rng.normal(0, 1, n))
true_theta = 1.8
rows = []
for i in range(n):
    for j in range(i + 1, n):
        m = rng.randint(3, 12)
        pi = true_g[i] / (true_g[i] + true_theta * true_g[j])
        pj = true_g[j] / (true_g[j] + true_theta * true_g[i])
        k = rng.multinomial(m, [pi, pj, 1 - pi - pj])
        rows.append((i, j, k[0], k[1], k[2]))


def nll(v):
    b = np.concatenate([[0.0], v[:-1]])
    g = np.exp(b)
    th = 1 + np.exp(v[-1])
    s = 0.0
    for i, j, wi, wj, t in rows:
        ij = g[i] + th * g[j]
        ji = g[j] + th * g[i]
        s += wi * np.log(g[i] / ij) + wj * np.log(g[j] / ji)
        s += t * np.log((th * th - 1) * g[i] * g[j] / (ij * ji))
    return -s


r = minimize(nll, np.zeros(n), method="BFGS", options={"gtol": 1e-11})
g = np.exp(np.concatenate([[0.0], r.x[:-1]]))
g /= g.sum()
with open("bt-rk-comparisons.csv", "w") as f:
    f.write("a,b,a_wins,b_wins,ties\n")
    for i, j, wi, wj, t in rows:
        f.write("p%d,p%d,%d,%d,%d\n" % (i, j, wi, wj, t))
with open("bt-rk-expected.csv", "w") as f:
    f.write("player,value\n")
    for i in range(n):
        f.write("p%d,%r\n" % (i, float(g[i])))
    f.write("theta,%r\n" % float(1 + np.exp(r.x[-1])))
    f.write("loglik,%r\n" % float(-r.fun))
