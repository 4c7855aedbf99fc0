#!/usr/bin/python3
"""Reference values for RegionFusionTest: weighted box fusion written after the reference code of
Solovyev et al. (ensemble_boxes.weighted_boxes_fusion, conf_type="avg", one model per annotator,
model weights 1), on seeded boxes with distinct scores and at most one box per annotator and
object, so that the one-box-per-annotator rule never applies.

Debian package: python3-numpy. Run from this folder:
    /usr/bin/python3 make_wbf_fixture.py
Writes wbf-boxes.csv (image,annotator,label,x,y,width,height,score) and wbf-expected.csv
(image,label,x,y,width,height,confidence,agreed,annotators), fused boxes by label then decreasing confidence.
"""
import numpy as np

rng = np.random.RandomState(20261204)
THR = 0.55


def iou(a, b):  # x1 y1 x2 y2
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def weighted_box(cluster):
    conf = sum(b[0] for b in cluster)
    coords = sum(b[0] * np.array(b[1:]) for b in cluster) / conf
    return [conf / len(cluster)] + list(coords)


def wbf(boxes, n):  # boxes: (score, x1, y1, x2, y2)
    order = sorted(boxes, key=lambda b: -b[0])
    clusters, fused = [], []
    for b in order:
        best, best_iou = -1, THR
        for i, f in enumerate(fused):
            v = iou(f[1:], b[1:])
            if v > best_iou:
                best, best_iou = i, v
        if best == -1:
            clusters.append([b])
            fused.append(list(b))
        else:
            clusters[best].append(b)
            fused[best] = weighted_box(clusters[best])
    out = []
    for c, f in zip(clusters, fused):
        out.append((f[0] * min(n, len(c)) / n, f[1:], len(c)))
    return out


boxes_out = open("wbf-boxes.csv", "w")
boxes_out.write("image,annotator,label,x,y,width,height,score\n")
expected = open("wbf-expected.csv", "w")
expected.write("image,label,x,y,width,height,confidence,agreed,annotators\n")
scores = iter(rng.permutation(np.arange(1, 5001)) / 5000.0)
for image in range(25):
    n = rng.randint(1, 6)
    by_label = {}
    for obj in range(rng.randint(1, 5)):
        label = "cat" if rng.rand() < 0.5 else "dog"
        cx, cy = rng.uniform(0, 300), rng.uniform(0, 300)
        w, h = rng.uniform(10, 60), rng.uniform(10, 60)
        for a in range(n):
            if rng.rand() < 0.75:
                x1 = round(cx - w / 2 + rng.normal(0, 3), 2)
                y1 = round(cy - h / 2 + rng.normal(0, 3), 2)
                bw = round(w * rng.uniform(0.8, 1.2), 2)
                bh = round(h * rng.uniform(0.8, 1.2), 2)
                s = float(next(scores))
                boxes_out.write("img%d,a%d,%s,%r,%r,%r,%r,%r\n" % (image, a, label, x1, y1, bw, bh, s))
                by_label.setdefault(label, []).append((s, x1, y1, x1 + bw, y1 + bh))
    for label in sorted(by_label):
        for conf, c, t in sorted(wbf(by_label[label], n), key=lambda r: -r[0]):
            expected.write("img%d,%s,%r,%r,%r,%r,%r,%d,%d\n" % (
                image, label, float(c[0]), float(c[1]), float(c[2] - c[0]), float(c[3] - c[1]),
                float(conf), t, n))
