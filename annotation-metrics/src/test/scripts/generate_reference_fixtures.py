#!/usr/bin/python3
"""Reference values for ReferenceFixturesTest, from scikit-learn, statsmodels and NLTK.

Debian packages: python3-sklearn python3-statsmodels python3-nltk. Run from this folder:
    /usr/bin/python3 generate_reference_fixtures.py > ../resources/agreement/reference-fixtures.csv
Each line: case,kind,raters,categories,codes,value,se,se0,low,high. codes are the row-major
units x raters table, space-separated, -1 for a missing rating; empty cells mean "not given".
"""
import warnings

import numpy as np
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance, interval_distance
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa

warnings.simplefilter("ignore")
rng = np.random.RandomState(20261202)
print("case,kind,raters,categories,codes,value,se,se0,low,high")


def table(n, r, q, missing):
    truth = rng.randint(q, size=n)
    codes = np.where(rng.rand(n, r) < 0.6, truth[:, None], rng.randint(q, size=(n, r)))
    codes = np.where(rng.rand(n, r) < missing, -1, codes)
    return codes


def line(case, kind, codes, q, value, se="", se0="", low="", high=""):
    r = codes.shape[1]
    cells = " ".join(str(int(c)) for c in codes.ravel())
    out = [case, kind, r, q, cells, value, se, se0, low, high]
    print(",".join(repr(x) if isinstance(x, float) else str(x) for x in out))


for case in range(25):
    q = rng.randint(2, 6)
    n = rng.randint(15, 80)
    codes = table(n, 2, q, 0.0)
    labels = list(range(q))
    for kind, wt, sk in [("cohen", None, None), ("weighted-linear", "linear", "linear"),
                         ("weighted-quadratic", "quadratic", "quadratic")]:
        value = cohen_kappa_score(codes[:, 0], codes[:, 1], labels=labels, weights=sk)
        counts = np.zeros((q, q))
        for a, b in codes:
            counts[a, b] += 1
        res = cohens_kappa(counts, wt=wt) if wt else cohens_kappa(counts)
        # scikit-learn and statsmodels agree on the value; statsmodels gives the errors.
        assert abs(value - res.kappa) < 1e-9, (value, res.kappa)
        line(case, kind, codes, q, float(value), float(res.std_kappa), float(res.std_kappa0),
             float(res.kappa_low), float(res.kappa_upp))

for case in range(25):
    q = rng.randint(2, 6)
    r = rng.randint(2, 7)
    n = rng.randint(10, 60)
    codes = table(n, r, q, 0.0)
    counts = np.zeros((n, q))
    for u in range(n):
        for c in codes[u]:
            counts[u, c] += 1
    value = fleiss_kappa(counts, method="fleiss")
    if np.isfinite(value):
        line(case, "fleiss", codes, q, float(value))

for case in range(25):
    q = rng.randint(2, 6)
    r = rng.randint(2, 6)
    n = rng.randint(10, 50)
    codes = table(n, r, q, 0.3)
    data = [(str(j), str(u), int(codes[u, j])) for u in range(n) for j in range(r)
            if codes[u, j] >= 0]
    # NLTK counts only items with two or more labels; give it those.
    per_item = {}
    for coder, item, label in data:
        per_item.setdefault(item, []).append((coder, item, label))
    data = [t for rows in per_item.values() if len(rows) >= 2 for t in rows]
    if len({t[2] for t in data}) < 2:
        continue
    for kind, distance in [("alpha-nominal", binary_distance), ("alpha-interval", interval_distance)]:
        value = AnnotationTask(data=data, distance=distance).alpha()
        line(case, kind, codes, q, float(value))
