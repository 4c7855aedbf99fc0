#!/usr/bin/env python3
"""Reference fixtures for the aggregation tests, from an independent NumPy implementation.

Written for Annotation Kit from the published descriptions of the methods (Dawid & Skene 1979;
the one-coin model of Zhang, Chen, Zhou & Jordan 2016) and from the iteration crowd-kit documents
(majority-vote start, 1e-10 floors, stopping on the growth of the evidence lower bound per answer),
with dense NumPy arrays rather than the Java code's sparse passes, so that a mistake in either shows.

Run from this directory:  python3 make_fixture.py
It rewrites the *-answers.csv and *-expected.csv files next to it.

Expected files have the header quantity,a,b,c,value:
  label,<item>,<label>,,          the aggregated label
  posterior,<item>,<label>,,<p>   the posterior of a label
  prior,<label>,,,<p>
  confusion,<annotator>,<true>,<answered>,<p>
  skill,<annotator>,,,<s>
  iterations,,,,<n>
"""

import csv
import numpy as np

EPS = 1e-10


def code(answers):
    items = sorted({a[0] for a in answers})
    workers = sorted({a[1] for a in answers})
    labels = sorted({a[2] for a in answers})
    ii = np.array([items.index(a[0]) for a in answers])
    ww = np.array([workers.index(a[1]) for a in answers])
    ll = np.array([labels.index(a[2]) for a in answers])
    return items, workers, labels, ii, ww, ll


def em(answers, gold=None, one_coin=False, n_iter=100, tol=1e-5):
    items, workers, labels, ii, ww, ll = code(answers)
    n, m, k = len(items), len(workers), len(labels)
    # dense indicator tensor: Y[u, w, c] = 1 when worker w answered c on item u
    Y = np.zeros((n, m, k))
    Y[ii, ww, ll] = 1.0
    used = Y.sum(axis=0) > 0  # (m, k): worker w gave answer c at least once

    def fix(T):
        if gold:
            for item, label in gold.items():
                if item in items:
                    T[items.index(item)] = 0.0
                    T[items.index(item), labels.index(label)] = 1.0
        return T

    def m_step(T):
        if one_coin:
            # mean posterior of the answers each worker gave
            hit = np.einsum("uwc,uc->w", Y, T)
            skills = hit / Y.sum(axis=(0, 2))
            E = np.empty((m, k, k))  # E[w, answered, true]
            for w in range(m):
                E[w] = (1 - skills[w]) / (k - 1)
                np.fill_diagonal(E[w], skills[w])
            return np.clip(E, EPS, 1 - EPS), skills
        C = np.einsum("uwa,ut->wat", Y, T)  # posterior mass per worker, answer, truth
        C = np.where(used[:, :, None], np.maximum(C, EPS), 0.0)
        return C / C.sum(axis=1, keepdims=True), None

    def elbo(T, p, E):
        logE = np.log(np.where(E > 0, E, 1.0))
        joint = np.einsum("uwa,ut,wat->", Y, T, logE) + np.einsum(
            "uwa,ut,t->", Y, T, np.log(p))
        Tc = np.maximum(T, EPS)
        return joint - (Tc * np.log(Tc)).sum()

    counts = Y.sum(axis=1)
    T = fix(counts / counts.sum(axis=1, keepdims=True))
    p = np.maximum(T.mean(axis=0), EPS)
    E, skills = m_step(T)
    loss = -np.inf
    iterations = 0
    for _ in range(n_iter):
        iterations += 1
        logE = np.log(np.where(E > 0, E, 1.0))
        L = np.log(p)[None, :] + np.einsum("uwa,wat->ut", Y, logE)
        L -= L.max(axis=1, keepdims=True)
        T = np.exp(L)
        T = fix(T / T.sum(axis=1, keepdims=True))
        p = np.maximum(T.mean(axis=0), EPS)
        E, skills = m_step(T)
        new = elbo(T, p, E) / len(answers)
        if new - loss < tol:
            break
        loss = new
    if skills is None:
        skills = np.array([(p * np.diagonal(E[w])).sum() for w in range(m)])
    return dict(items=items, workers=workers, labels=labels, T=T, p=p, E=E,
                skills=skills, iterations=iterations)


def write_answers(name, answers):
    with open(name + "-answers.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["item", "annotator", "label"])
        out.writerows(answers)


def write_expected(name, r):
    items, workers, labels = r["items"], r["workers"], r["labels"]
    with open(name + "-expected.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["quantity", "a", "b", "c", "value"])
        out.writerow(["iterations", "", "", "", r["iterations"]])
        for c, label in enumerate(labels):
            out.writerow(["prior", label, "", "", repr(float(r["p"][c]))])
        for u, item in enumerate(items):
            out.writerow(["label", item, labels[int(np.argmax(r["T"][u]))], "", ""])
            for c, label in enumerate(labels):
                out.writerow(["posterior", item, label, "", repr(float(r["T"][u, c]))])
        for w, worker in enumerate(workers):
            out.writerow(["skill", worker, "", "", repr(float(r["skills"][w]))])
            for t, true in enumerate(labels):
                for a, answered in enumerate(labels):
                    out.writerow(["confusion", worker, true, answered,
                                  repr(float(r["E"][w, a, t]))])


# crowd-kit's toy dataset (tests/conftest.py, toy_answers_df, "toy YSDA dataset"); its ground
# truth there is t1 yes, t2 yes, t3 no, t4 yes, t5 no.
TOY = [
    ["t1", "w1", "no"], ["t2", "w1", "yes"], ["t3", "w1", "yes"], ["t4", "w1", "yes"],
    ["t5", "w1", "yes"], ["t1", "w2", "yes"], ["t2", "w2", "yes"], ["t3", "w2", "no"],
    ["t4", "w2", "yes"], ["t5", "w2", "no"], ["t2", "w3", "yes"], ["t3", "w3", "no"],
    ["t4", "w3", "yes"], ["t5", "w3", "no"], ["t1", "w4", "yes"], ["t2", "w4", "no"],
    ["t3", "w4", "yes"], ["t4", "w4", "yes"], ["t5", "w4", "no"], ["t1", "w5", "no"],
    ["t2", "w5", "no"], ["t3", "w5", "no"], ["t4", "w5", "yes"], ["t5", "w5", "no"],
]


def simulated(seed, items=80, workers=9, labels=("cat", "dog", "fox"), answer_rate=0.6):
    """Answers drawn from a Dawid-Skene model with random confusion matrices."""
    rng = np.random.default_rng(seed)
    k = len(labels)
    prior = rng.dirichlet(np.full(k, 3.0))
    conf = np.empty((workers, k, k))  # conf[w, true, answered]
    for w in range(workers):
        for t in range(k):
            alpha = np.full(k, 1.0)
            alpha[t] = 6.0
            conf[w, t] = rng.dirichlet(alpha)
    answers = []
    for u in range(items):
        t = rng.choice(k, p=prior)
        for w in range(workers):
            if rng.random() < answer_rate:
                a = rng.choice(k, p=conf[w, t])
                answers.append(["i%03d" % u, "w%02d" % w, labels[a]])
    return answers


def main():
    write_answers("ds-toy", TOY)
    write_expected("ds-toy", em(TOY))
    sim = simulated(20261203)
    write_answers("ds-sim", sim)
    write_expected("ds-sim", em(sim))
    gold = {"i%03d" % u: lab for u, lab in zip(range(0, 80, 8),
                                                ["cat", "dog", "fox", "cat", "dog"] * 2)}
    with open("ds-sim-gold.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["item", "label"])
        out.writerows(sorted(gold.items()))
    write_expected("ds-sim-gold", em(sim, gold=gold))
    write_expected("onecoin-sim", em(sim, one_coin=True))
    write_expected("onecoin-toy", em(TOY, one_coin=True))


if __name__ == "__main__":
    main()
