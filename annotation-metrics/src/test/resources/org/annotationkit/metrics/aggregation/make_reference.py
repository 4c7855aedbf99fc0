#!/usr/bin/env python3
"""Reference fixtures for KOS, GLAD, MACE and M-MSR, from independent dense NumPy computations.

Written for Annotation Kit from the papers (Karger, Oh & Shah 2014; Whitehill et al. 2009; Hovy
et al. 2013; Ma & Olshevsky 2020) and from the iterations crowd-kit documents for them, with
dense item x annotator matrices where the Java code makes sparse passes over the answers, so that
a mistake in either shows. Random starts use numpy.random.RandomState, as crowd-kit does.

GLAD is checked differently: its EM fixed point is the maximum of the marginal log posterior
(log-likelihood of the answers with the true labels summed out, plus the N(1, 1) priors on the
abilities and log inverse difficulties), which this script finds directly with scipy's L-BFGS-B,
not with EM.

Run from this directory:  python3 make_reference.py
Datasets: the *-answers.csv next to it (ck-simple and ck-bool are crowd-kit's tests/conftest.py
simple_answers_df and data_with_bool_labels; ds-toy its toy_answers_df), and simulated ones
written here. Expected files have make_fixture.py's header quantity,a,b,c,value, plus
  confidence,<item>,,,<c>
"""

import csv
import numpy as np
from scipy.optimize import minimize
from scipy.special import digamma, expit, log_expit


def read(name):
    with open(name + "-answers.csv") as f:
        rows = list(csv.reader(f))[1:]
    return [tuple(r) for r in rows]


def write_answers(name, answers):
    with open(name + "-answers.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["item", "annotator", "label"])
        out.writerows(answers)


def code(answers):
    """Sorted codings and the answers in the canonical order: by item, then annotator."""
    items = sorted({a[0] for a in answers})
    workers = sorted({a[1] for a in answers})
    labels = sorted({a[2] for a in answers})
    rows = sorted((items.index(a[0]), workers.index(a[1]), labels.index(a[2])) for a in answers)
    ii = np.array([r[0] for r in rows], dtype=int)
    ww = np.array([r[1] for r in rows], dtype=int)
    ll = np.array([r[2] for r in rows], dtype=int)
    return items, workers, labels, ii, ww, ll


class Expected:
    def __init__(self, name):
        self.f = open(name + "-expected.csv", "w", newline="")
        self.out = csv.writer(self.f, lineterminator="\n")
        self.out.writerow(["quantity", "a", "b", "c", "value"])

    def row(self, *cells):
        self.out.writerow([c if isinstance(c, str) else repr(float(c)) if not isinstance(c, int)
                           else c for c in cells])

    def result(self, items, workers, labels, label, confidence, skills, posterior=None,
               iterations=None, priors=None):
        if iterations is not None:
            self.row("iterations", "", "", "", int(iterations))
        if priors is not None:
            for c, lab in enumerate(labels):
                self.row("prior", lab, "", "", priors[c])
        for u, item in enumerate(items):
            self.row("label", item, labels[label[u]], "", "")
            self.row("confidence", item, "", "", confidence[u])
            if posterior is not None:
                for c, lab in enumerate(labels):
                    self.row("posterior", item, lab, "", posterior[u, c])
        if skills is not None:
            for w, worker in enumerate(workers):
                self.row("skill", worker, "", "", skills[w])
        self.f.close()


def argmax_lowest(scores):
    return [int(np.flatnonzero(row == row.max())[0]) for row in scores]


# ---------------------------------------------------------------------------------------- KOS
def kos(answers, n_iter=100, seed=0, tol=0.0):
    items, workers, labels, ii, ww, ll = code(answers)
    n, m = len(items), len(workers)
    A = np.zeros((n, m))
    A[ii, ww] = np.where(ll == 0, 1.0, -1.0)
    E = A != 0
    Y = np.zeros((n, m))
    Y[ii, ww] = np.random.RandomState(seed).normal(loc=1, scale=1, size=len(ii))
    Y /= np.abs(Y).max()
    iterations = 0
    for _ in range(n_iter):
        iterations += 1
        X = np.where(E, (A * Y).sum(axis=1, keepdims=True) - A * Y, 0.0)
        Yn = np.where(E, (A * X).sum(axis=0, keepdims=True) - A * X, 0.0)
        scale = np.abs(Yn).max()
        if scale == 0:
            Y = np.where(E, 1.0, 0.0)
            break
        Yn /= scale
        change = np.abs(Yn - Y).max()
        Y = Yn
        if change <= tol:
            break
    V = A * Y
    pos = np.where(V > 0, V, 0).sum(axis=1)
    tot = np.abs(V).sum(axis=1)
    share = np.stack([pos / tot, (tot - pos) / tot], axis=1)
    label = argmax_lowest(share)
    conf = share[np.arange(n), label]
    X = np.where(E, (A * Y).sum(axis=1, keepdims=True) - A * Y, 0.0)
    skills = (A * X).sum(axis=0)
    skills = skills / np.abs(skills).max()
    return items, workers, labels, label, conf, skills, iterations


def simulated_binary(seed, items=60, workers=8, answer_rate=0.7, adversaries=1):
    """Binary answers: each worker right with its own probability, some adversarial."""
    rng = np.random.RandomState(seed)
    truth = rng.randint(0, 2, size=items)
    skill = rng.uniform(0.6, 0.95, size=workers)
    skill[:adversaries] = 1 - skill[:adversaries]
    out = []
    for u in range(items):
        for w in range(workers):
            if rng.random_sample() < answer_rate:
                right = rng.random_sample() < skill[w]
                label = truth[u] if right else 1 - truth[u]
                out.append(("i%03d" % u, "w%02d" % w, ("neg", "pos")[label]))
    return out


# --------------------------------------------------------------------------------------- GLAD
def glad_map(answers):
    """The maximum of the marginal log posterior of (alpha, b), found directly by L-BFGS-B."""
    items, workers, labels, ii, ww, ll = code(answers)
    n, m, k = len(items), len(workers), len(labels)
    Y = np.zeros((n, m, k))
    Y[ii, ww, ll] = 1.0
    answered = Y.sum(axis=2)  # (n, m) 1 where w answered u

    def unpack(x):
        return x[:m], x[m:]

    def log_joint(x):
        alpha, b = unpack(x)
        z = alpha[None, :] * np.exp(b)[:, None]  # (n, m)
        right = log_expit(z)
        wrong = log_expit(-z) - np.log(k - 1)
        # L[u, c] = log prior + sum over answers of log P(answer | true c)
        L = -np.log(k) + np.einsum("um,umc->uc", answered * wrong, np.ones((n, m, k)))
        L += np.einsum("umc,um->uc", Y, right - wrong)
        return L, z

    def objective(x):
        alpha, b = unpack(x)
        L, z = log_joint(x)
        mx = L.max(axis=1, keepdims=True)
        lse = (mx[:, 0] + np.log(np.exp(L - mx).sum(axis=1)))
        T = np.exp(L - lse[:, None])
        value = lse.sum() - 0.5 * ((alpha - 1) ** 2).sum() - 0.5 * ((b - 1) ** 2).sum()
        t = np.einsum("umc,uc->um", Y, T)  # posterior of the answered label
        s = expit(z)
        dz = answered * (t - s)
        beta = np.exp(b)
        ga = (dz * beta[:, None]).sum(axis=0) - (alpha - 1)
        gb = (dz * z).sum(axis=1) - (b - 1)
        return -value, -np.concatenate([ga, gb])

    x0 = np.ones(m + n)
    res = minimize(objective, x0, jac=True, method="L-BFGS-B",
                   options={"maxiter": 100000, "ftol": 1e-15, "gtol": 1e-11})
    assert res.success, res.message
    L, _ = log_joint(res.x)
    T = np.exp(L - L.max(axis=1, keepdims=True))
    T /= T.sum(axis=1, keepdims=True)
    alpha, _ = unpack(res.x)
    label = argmax_lowest(T)
    return items, workers, labels, label, T[np.arange(n), label], alpha, T


def simulated_glad(seed, items=50, workers=7, labels=("a", "b", "c"), answer_rate=0.6):
    """Answers drawn from the GLAD model itself."""
    rng = np.random.RandomState(seed)
    alpha = rng.normal(1.5, 1.0, size=workers)
    alpha[0] = -1.0
    beta = np.exp(rng.normal(0.5, 0.5, size=items))
    truth = rng.randint(0, len(labels), size=items)
    out = []
    for u in range(items):
        for w in range(workers):
            if rng.random_sample() < answer_rate:
                if rng.random_sample() < expit(alpha[w] * beta[u]):
                    a = truth[u]
                else:
                    a = (truth[u] + 1 + rng.randint(0, len(labels) - 1)) % len(labels)
                out.append(("i%03d" % u, "w%02d" % w, labels[a]))
    return out


# --------------------------------------------------------------------------------------- MACE
def mace(answers, method="vb", restarts=10, n_iter=50, seed=0):
    """Dense MACE: G[u, c] = 1/K prod over u's answers of (spam * xi[answer] + know * [answer = c])."""
    items, workers, labels, ii, ww, ll = code(answers)
    n, m, k = len(items), len(workers), len(labels)
    Y = np.zeros((n, m, k))
    Y[ii, ww, ll] = 1.0
    answered = Y.sum(axis=2) > 0

    def e_step(S, X):
        # F[u, w, c]: probability of w's answer on u when the truth is c (1 where w did not answer)
        spam_answer = np.einsum("umk,mk->um", Y, X) * S[None, :, 0]
        F = spam_answer[:, :, None] + S[None, :, 1, None] * Y
        F = np.where(answered[:, :, None], F, 1.0)
        G = F.prod(axis=1) / k
        Z = G.sum(axis=1)
        loglik = np.log(Z + 1e-8).sum()
        P = G / Z[:, None]
        # expected counts: knowing, as the E-step of Hovy et al. (2013), section 2
        t = np.einsum("umk,uk->um", Y, P)
        know = np.where(answered, t * S[None, :, 1] / (spam_answer + S[None, :, 1]), 0.0)
        strategy = np.where(answered, 1 - know, 0.0)
        K = np.stack([strategy.sum(axis=0), know.sum(axis=0)], axis=1)
        C = np.einsum("um,umk->mk", strategy, Y)
        return loglik, P, K, C

    def vb(counts, prior):
        return np.exp(digamma(counts + prior)) / np.exp(digamma((counts + prior).sum(axis=1)))[:, None]

    def em(counts, s):
        return (counts + s) / (counts + s).sum(axis=1, keepdims=True)

    best = None
    for r in range(restarts):
        S = np.random.RandomState(seed + r).uniform(0, 1, size=(m, 2)) * 1.5 + 1
        X = np.random.RandomState(seed + r).uniform(0, 1, size=(m, k)) * 1.5 + 1
        S /= S.sum(axis=1, keepdims=True)
        X /= X.sum(axis=1, keepdims=True)
        loglik, P, K, C = e_step(S, X)
        for _ in range(n_iter):
            if method == "vb":
                S, X = vb(K, 0.5), vb(C, 10.0)
            else:
                S, X = em(K, 0.01 / k), em(C, 0.01 / k)
            loglik, P, K, C = e_step(S, X)
        if best is None or loglik > best[0]:
            best = (loglik, P, S)
    _, P, S = best
    label = argmax_lowest(P)
    skills = S[:, 1] / S.sum(axis=1)
    return items, workers, labels, label, P[np.arange(n), label], skills, P


def main():
    toy = read("ds-toy")
    boolean = read("ck-bool")
    kos_sim = simulated_binary(20261204)
    write_answers("kos-sim", kos_sim)
    for name, answers in (("kos-toy", toy), ("kos-bool", boolean), ("kos-sim", kos_sim)):
        items, workers, labels, label, conf, skills, it = kos(answers)
        Expected(name).result(items, workers, labels, label, conf, skills, iterations=it)
    glad_sim = simulated_glad(20261205)
    write_answers("glad-sim", glad_sim)
    for name, answers in (("glad-toy", toy), ("glad-simple", read("ck-simple")),
                          ("glad-sim", glad_sim)):
        items, workers, labels, label, conf, alpha, T = glad_map(answers)
        Expected(name).result(items, workers, labels, label, conf, alpha, posterior=T)
    ds_sim = read("ds-sim")
    for name, answers in (("mace-toy", toy), ("mace-simple", read("ck-simple")),
                          ("mace-sim", ds_sim)):
        for method in ("vb", "em"):
            items, workers, labels, label, conf, skills, P = mace(answers, method)
            Expected(name + "-" + method).result(items, workers, labels, label, conf, skills,
                                                 posterior=P)


if __name__ == "__main__":
    main()
