#!/usr/bin/python3
"""Reference areas and IoUs of polygons and rotated boxes, computed with shapely (GEOS).

Writes src/test/resources/geometry/shapely-polygons.txt, read by ShapelyFixtureTest. Run from
annotation-core with: /usr/bin/python3 src/test/scripts/shapely_polygons.py
(Debian: apt-get install python3-shapely; written with shapely 1.8.5 on GEOS 3.11.1.)

Each line is `kind|name|a|b|area a|area b|intersection|iou`, with `|`-separated fields:
- kind `polygon`: a and b are rings separated by `;`, the exterior first, each ring as
  comma-separated x,y values. Invalid polygons are measured after shapely's make_valid, the
  region that Polygon documents (the even-odd rule).
- kind `box`: a and b are `x,y,width,height,rotation` in Annotation Kit's convention: rotation
  in degrees, clockwise on screen (y down) about the box centre.
Numbers are Python's repr of the double, which Java's Double.parseDouble reads back exactly.
"""
import math
import os
import random

from shapely.geometry import Polygon
from shapely.validation import make_valid

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "geometry", "shapely-polygons.txt")


def shape(rings):
    p = Polygon(rings[0], rings[1:])
    return p if p.is_valid else make_valid(p)


def measure(a, b):
    inter = a.intersection(b).area
    union = a.area + b.area - inter
    return a.area, b.area, inter, (inter / union if union > 0 else 0.0)


def ring_text(rings):
    return ";".join(",".join(repr(float(v)) for pt in ring for v in pt) for ring in rings)


def corners(x, y, w, h, rot):
    cx, cy = x + w / 2, y + h / 2
    s, c = math.sin(math.radians(rot)), math.cos(math.radians(rot))
    out = []
    for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        out.append((cx + dx * c - dy * s, cy + dx * s + dy * c))
    return out


def star(rnd, cx, cy, n, rmin, rmax):
    pts = []
    for i in range(n):
        ang = 2 * math.pi * (i + rnd.uniform(0.1, 0.9)) / n
        r = rnd.uniform(rmin, rmax)
        pts.append((cx + r * math.cos(ang), cy + r * math.sin(ang)))
    if rnd.random() < 0.5:
        pts.reverse()
    return pts


def sq(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


lines = []


def polygon_case(name, ra, rb):
    vals = measure(shape(ra), shape(rb))
    lines.append("|".join(["polygon", name, ring_text(ra), ring_text(rb)] + [repr(v) for v in vals]))


L = [(0, 0), (4, 0), (4, 2), (2, 2), (2, 4), (0, 4)]
SQUARE = sq(1, 1, 3, 3)
polygon_case("l-shape-and-square", [L], [SQUARE])
polygon_case("l-shape-with-repeated-reflex-vertex", [[(0, 0), (4, 0), (4, 2), (2, 2), (2, 2), (2, 4), (0, 4)]], [SQUARE])
polygon_case("l-shape-closed-at-its-reflex-vertex", [[(2, 2), (2, 4), (0, 4), (0, 0), (4, 0), (4, 2), (2, 2)]], [SQUARE])
BOWTIE = [(0, 0), (2, 2), (2, 0), (0, 2)]
polygon_case("bowtie-with-itself", [BOWTIE], [BOWTIE])
polygon_case("bowtie-and-its-left-half", [BOWTIE], [sq(0, 0, 1, 2)])
polygon_case("bowtie-and-a-band-across", [BOWTIE], [sq(0, 0.5, 2, 1.5)])
polygon_case("hole-outside-the-exterior", [sq(0, 0, 4, 4), sq(6, 1, 8, 3)], [sq(2, 0, 7, 4)])
polygon_case("overlapping-holes", [sq(0, 0, 10, 10), sq(1, 1, 5, 5), sq(3, 3, 7, 7)], [sq(2, 2, 6, 6)])
polygon_case("hole-inside-a-hole", [sq(0, 0, 10, 10), sq(1, 1, 9, 9), sq(3, 3, 6, 6)], [sq(2, 2, 8, 8)])
polygon_case("hole-crossing-the-exterior", [sq(0, 0, 4, 4), sq(3, 1, 6, 3)], [sq(0, 0, 8, 4)])
polygon_case("flat-hole", [sq(0, 0, 4, 4), [(1, 1), (3, 3), (2, 2)]], [sq(2, 2, 6, 6)])
PENTAGRAM = [(10 * math.cos(math.radians(-90 + 144 * i)), 10 * math.sin(math.radians(-90 + 144 * i))) for i in range(5)]
polygon_case("pentagram-and-a-half-plane-box", [PENTAGRAM], [sq(-20, -20, 20, 0)])

rnd = random.Random(20261202)
for k in range(40):
    cx, cy = rnd.uniform(0, 100), rnd.uniform(0, 100)
    a = star(rnd, cx, cy, rnd.randint(3, 16), 5, 40)
    b = star(rnd, cx + rnd.uniform(-30, 30), cy + rnd.uniform(-30, 30), rnd.randint(3, 16), 5, 40)
    polygon_case("stars-%d" % k, [a], [b])
for k in range(20):
    cx, cy = rnd.uniform(0, 100), rnd.uniform(0, 100)
    a = star(rnd, cx, cy, rnd.randint(6, 16), 20, 40)
    ha = star(rnd, cx, cy, rnd.randint(3, 8), 3, 9)
    b = star(rnd, cx + rnd.uniform(-20, 20), cy + rnd.uniform(-20, 20), rnd.randint(6, 16), 20, 40)
    polygon_case("stars-with-a-hole-%d" % k, [a, ha], [b])
for k in range(20):
    # Self-crossing rings: points in random order around a centre.
    cx, cy = rnd.uniform(0, 100), rnd.uniform(0, 100)
    a = [(cx + rnd.uniform(-30, 30), cy + rnd.uniform(-30, 30)) for _ in range(rnd.randint(4, 9))]
    b = star(rnd, cx + rnd.uniform(-10, 10), cy + rnd.uniform(-10, 10), rnd.randint(5, 12), 10, 30)
    polygon_case("scribble-%d" % k, [a], [b])

for k in range(60):
    boxes = []
    for _ in range(2):
        w, h = rnd.uniform(1, 40), rnd.uniform(1, 40)
        x, y = rnd.uniform(0, 30), rnd.uniform(0, 30)
        rot = rnd.choice([0.0, 90.0, rnd.uniform(-360, 360), rnd.uniform(-360, 360)])
        boxes.append((x, y, w, h, rot))
    vals = measure(Polygon(corners(*boxes[0])), Polygon(corners(*boxes[1])))
    lines.append("|".join(["box", "boxes-%d" % k] + [",".join(repr(float(v)) for v in bx) for bx in boxes] + [repr(v) for v in vals]))

with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")
print("wrote", len(lines), "cases to", os.path.normpath(OUT))
