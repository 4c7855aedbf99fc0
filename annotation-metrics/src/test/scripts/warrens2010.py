#!/usr/bin/env python3
"""Exact multi-rater kappas of the Warrens (2010) table, from their definitions (no library).

Prints the values PublishedExamplesTest.warrens2010MultiRaterKappas checks to 1e-9; the paper
prints them to four decimals, one of them (Fleiss, S) off by one in the last.
"""
import itertools

rows = []
for count, row in [(14, "NNNNNNNN"), (1, "NNNANNNN"), (1, "NNNNNNNA"), (10, "AAAAAAAA"),
                   (2, "AANAAAAN"), (1, "AANANAAN"), (1, "AANANANN")]:
    rows += [row] * count
n, r = len(rows), 8
po, pe, kappas = [], [], []
for a, b in itertools.combinations(range(r), 2):
    o = sum(x[a] == x[b] for x in rows) / n
    pa = sum(x[a] == "A" for x in rows) / n
    pb = sum(x[b] == "A" for x in rows) / n
    e = pa * pb + (1 - pa) * (1 - pb)
    po.append(o); pe.append(e); kappas.append((o - e) / (1 - e))
P, E = sum(po) / len(po), sum(pe) / len(pe)
pbar = sum(sum(x[j] == "A" for x in rows) / n for j in range(r)) / r
E2 = pbar ** 2 + (1 - pbar) ** 2
print("randolph", 2 * P - 1)
print("fleiss", (P - E2) / (1 - E2))
print("hubert", (P - E) / (1 - E))
print("light", sum(kappas) / len(kappas))
