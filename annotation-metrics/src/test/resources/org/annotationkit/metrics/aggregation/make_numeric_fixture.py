#!/usr/bin/python3
"""Reference values for NumericAggregationTest: NumPy's mean and median, SciPy's trim_mean, and
an independent NumPy implementation of the reliability-weighted mean (dense items x annotators).

Debian packages: python3-numpy python3-scipy. Run from this folder:
    /usr/bin/python3 make_numeric_fixture.py
Writes numeric-answers.csv (item,annotator,value) and numeric-expected.csv
(item,mean,median,trim10,trim25,reliability) plus numeric-weights.csv (annotator,weight).
"""
import numpy as np
from scipy.stats import trim_mean

rng = np.random.RandomState(20261204)
n, r = 60, 6
truth = rng.normal(50, 20, size=n)
sigma = np.array([1.0, 2.0, 4.0, 8.0, 16.0, 1.5])
x = truth[:, None] + rng.normal(0, 1, size=(n, r)) * sigma[None, :]
x = np.round(x, 3)
present = rng.rand(n, r) < 0.7
present[:, 0] |= present.sum(axis=1) == 0
present[0, :] = False
present[0, 2] = True  # an item answered once

with open("numeric-answers.csv", "w") as f:
    f.write("item,annotator,value\n")
    for u in range(n):
        for a in range(r):
            if present[u, a]:
                f.write("i%02d,a%d,%r\n" % (u, a, float(x[u, a])))

# Reliability-weighted mean, as ReliabilityWeightedMean documents it.
lam, tol, cap = 1.0, 1e-12, 1000
mu = np.array([np.median(x[u, present[u]]) for u in range(n)])
multi = present.sum(axis=1) >= 2
used = present & multi[:, None]


def deviations(mu):
    d = np.where(used, x - mu[:, None], 0.0)
    ss = (d * d).sum(axis=0)
    cnt = used.sum(axis=0)
    return ss, cnt, ss.sum() / cnt.sum()


ss, cnt, pooled = deviations(mu)
for it in range(cap):
    w = (cnt + lam) / (ss + lam * pooled)
    W = np.where(present, w[None, :], 0.0)
    nxt = (W * np.where(present, x, 0.0)).sum(axis=1) / W.sum(axis=1)
    moved = np.abs(nxt - mu).max()
    mu = nxt
    ss, cnt, pooled = deviations(mu)
    if moved <= 1e-15 * 20:
        break
w = w / w.mean()

with open("numeric-expected.csv", "w") as f:
    f.write("item,mean,median,trim10,trim25,reliability\n")
    for u in range(n):
        v = x[u, present[u]]
        f.write("i%02d,%r,%r,%r,%r,%r\n" % (u, float(np.mean(v)), float(np.median(v)),
                float(trim_mean(v, 0.1)), float(trim_mean(v, 0.25)), float(mu[u])))
with open("numeric-weights.csv", "w") as f:
    f.write("annotator,weight\n")
    for a in range(r):
        f.write("a%d,%r\n" % (a, float(w[a])))
