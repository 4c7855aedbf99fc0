#!/usr/bin/env python3
"""MACE's fitted per-annotator parameters, from a NumPy port of crowd-kit's MACE.

crowd-kit itself is not installed here (no network), so this script re-implements the iteration
crowd-kit 1.2 documents and runs for crowdkit.aggregation.MACE, written for Annotation Kit in
NumPy (no pandas): answers in long format, one row per answer, as crowd-kit keeps them, with its
formulas for the gold-label marginals, the strategy and knowing expected counts, its smoothed and
variational M-steps and its starts drawn from numpy.random.RandomState(random_state). It differs
from make_reference.py, which computes MACE densely (item x annotator x label arrays) with the
E-step written from Hovy et al. (2013), so the two are separate checks of the Java code.

crowd-kit codes annotators and labels in the order they first appear (pandas.factorize) and draws
its random start in that order, but reads the strategy counts back in sorted order; the data here
is named so that both orders agree (the script asserts it), and then crowd-kit's answer is well
defined. crowd-kit seeds each of its n_restarts starts alike, so its default of 10 starts gives
what one start gives: the fixture is crowd-kit's MACE() with its defaults (n_iter=50, 'vb') and
with method='em', to compare with Mace.defaults().withRestarts(1).

Written: mace-params-answers.csv (item,annotator,label) and mace-params-{vb,em}-expected.csv with
the header quantity,a,b,c,value of make_fixture.py and the rows
  spamming,<annotator>,0|1,,<crowd-kit's spamming_[j, 0 or 1]>   (1: the competence theta_j)
  strategy,<annotator>,<label>,,<crowd-kit's thetas_[j, label]>  (the spamming strategy xi_j)
  posterior,<item>,<label>,,<crowd-kit's probas_>
  label,<item>,<label>,,

Run from this directory:  python3 make_mace_parameters_fixture.py
"""

import csv
import numpy as np
from scipy.special import digamma


def simulate(seed, items=40, per_item=4):
    """Seven annotators of three labels, right with their own probability; 'spam' always says the
    first label. Names are given in the order of first appearance, so that factorize order and
    sorted order agree."""
    rng = np.random.RandomState(seed)
    accuracy = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, None]
    raw = []
    for u in range(items):
        truth = rng.randint(0, 3)
        for w in rng.permutation(len(accuracy))[:per_item]:
            if accuracy[w] is None:
                label = 0
            elif rng.random_sample() < accuracy[w]:
                label = truth
            else:
                label = (truth + 1 + rng.randint(0, 2)) % 3
            raw.append((u, int(w), label))
    worker_names, label_names = {}, {}
    out = []
    for u, w, l in raw:
        if w not in worker_names:
            worker_names[w] = "w%d" % len(worker_names)
        if l not in label_names:
            label_names[l] = "abc"[len(label_names)]
        out.append(("t%02d" % u, worker_names[w], label_names[l]))
    return out


def factorize(values):
    names = []
    index = {}
    codes = np.empty(len(values), dtype=int)
    for i, v in enumerate(values):
        if v not in index:
            index[v] = len(names)
            names.append(v)
        codes[i] = index[v]
    return codes, names


def normalize(x, smoothing):
    norm = (x + smoothing).sum(axis=1)
    out = np.zeros_like(x)
    ok = ~np.isclose(norm, 0.0)
    out[ok] = (x[ok] + smoothing) / norm[ok, None]
    return out


def variational_normalize(x, priors):
    norm = np.exp(digamma((x + priors).sum(axis=1)))
    out = np.zeros_like(x)
    ok = ~np.isclose(norm, 0.0)
    out[ok] = np.exp(digamma(x[ok] + priors[ok])) / norm[ok, None]
    return out


def mace(answers, method="vb", n_iter=50, random_state=0, default_noise=0.5):
    tasks, task_names = factorize([a[0] for a in answers])
    workers, worker_names = factorize([a[1] for a in answers])
    labels, label_names = factorize([a[2] for a in answers])
    assert worker_names == sorted(worker_names) and label_names == sorted(label_names), \
        "first-appearance order must be the sorted order"
    n, m, k = len(task_names), len(worker_names), len(label_names)
    smoothing = 0.01 / k

    spamming = np.random.RandomState(random_state).uniform(0, 1, size=(m, 2)) \
        * (1 + default_noise) + 1
    thetas = np.random.RandomState(random_state).uniform(0, 1, size=(m, k)) \
        * (1 + default_noise) + 1
    spamming /= spamming.sum(axis=1, keepdims=True)
    thetas /= thetas.sum(axis=1, keepdims=True)
    theta_priors = np.empty((m, 2))
    theta_priors[:, 0] = 0.5
    theta_priors[:, 1] = 0.5
    strategy_priors = np.ones((m, k)) * 10.0

    def e_step():
        gold = np.ones((n, k))
        for c in range(k):
            per_answer = spamming[workers, 0] * thetas[workers, labels] \
                + spamming[workers, 1] * (labels == c)
            np.multiply.at(gold[:, c], tasks, per_answer)
        gold /= k
        instance = gold.sum(axis=1)
        loglik = np.log(instance + 1e-8).sum()
        strategy_marginal = np.zeros(len(answers))
        for c in range(k):
            strategy_marginal += gold[tasks, c] / (
                spamming[workers, 0] * thetas[workers, labels]
                + spamming[workers, 1] * (labels == c))
        strategy_marginal *= spamming[workers, 0] * thetas[workers, labels]
        strategy_marginal /= instance[tasks]
        strategy_counts = np.zeros((m, k))
        np.add.at(strategy_counts, (workers, labels), strategy_marginal)
        knowing = gold[tasks, labels] * spamming[workers, 1] / (
            spamming[workers, 0] * thetas[workers, labels] + spamming[workers, 1]) \
            / instance[tasks]
        knowing_counts = np.zeros((m, 2))
        np.add.at(knowing_counts[:, 0], workers, strategy_marginal)
        np.add.at(knowing_counts[:, 1], workers, knowing)
        return loglik, gold, strategy_counts, knowing_counts

    _, gold, strategy_counts, knowing_counts = e_step()
    for _ in range(n_iter):
        if method == "vb":
            spamming = variational_normalize(knowing_counts, theta_priors)
            thetas = variational_normalize(strategy_counts, strategy_priors)
        else:
            spamming = normalize(knowing_counts, smoothing)
            thetas = normalize(strategy_counts, smoothing)
        _, gold, strategy_counts, knowing_counts = e_step()
    probas = gold / gold.sum(axis=1, keepdims=True)
    return task_names, worker_names, label_names, spamming, thetas, probas


def main():
    answers = simulate(20261206)
    with open("mace-params-answers.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["item", "annotator", "label"])
        out.writerows(answers)
    for method in ("vb", "em"):
        tasks, workers, labels, spamming, thetas, probas = mace(answers, method)
        with open("mace-params-%s-expected.csv" % method, "w", newline="") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(["quantity", "a", "b", "c", "value"])
            for j, w in enumerate(workers):
                for s in range(2):
                    out.writerow(["spamming", w, s, "", repr(float(spamming[j, s]))])
                for c, lab in enumerate(labels):
                    out.writerow(["strategy", w, lab, "", repr(float(thetas[j, c]))])
            for u, t in enumerate(tasks):
                out.writerow(["label", t, labels[int(np.argmax(probas[u]))], "", ""])
                for c, lab in enumerate(labels):
                    out.writerow(["posterior", t, lab, "", repr(float(probas[u, c]))])


if __name__ == "__main__":
    main()
