/*
 * The bar for CocoRleBenchmark: pycocotools' own C mask code (common/maskApi.c of
 * cocodataset/cocoapi, BSD), timed on masks of the same kind as the benchmark's: a 1024 x 1024
 * union of nine random star polygons (one of 64 vertices, eight of 32). The polygons are drawn
 * from this file's own generator, so the shapes differ from the Java benchmark's draws but not in
 * kind (the same centres, radii and vertex counts). Build and run with ./run.sh COCOAPI_DIR.
 * Python's pycocotools.mask adds its wrapper's cost on top of these figures.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "maskApi.h"

#define SIZE 1024
#define PI 3.14159265358979323846

static uint64_t state = 20261202u;

static double uniform(double lo, double hi) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return lo + (hi - lo) * ((state >> 11) * (1.0 / 9007199254740992.0));
}

static void star(double *xy, double cx, double cy, double radius, int vertices) {
  for (int k = 0; k < vertices; k++) {
    double angle = 2 * PI * (k + uniform(0.1, 0.9)) / vertices;
    double r = radius * uniform(0.5, 1);
    xy[2 * k] = cx + r * cos(angle);
    xy[2 * k + 1] = cy + r * sin(angle);
  }
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Microseconds per call, the best of five rounds of about a second each. */
#define TIME(name, body)                                                   \
  do {                                                                     \
    double best = 1e30;                                                    \
    for (int round = 0; round < 5; round++) {                              \
      long calls = 0;                                                      \
      double start = now(), end;                                           \
      do {                                                                 \
        body;                                                              \
        calls++;                                                           \
        end = now();                                                       \
      } while (end - start < 1.0);                                         \
      double us = (end - start) * 1e6 / calls;                             \
      if (us < best) best = us;                                            \
    }                                                                      \
    printf("%-14s %10.1f us/op\n", name, best);                            \
  } while (0)

int main(void) {
  double poly[128];
  RLE parts[9];
  star(poly, 512, 512, 200, 64);
  rleFrPoly(&parts[0], poly, 64, SIZE, SIZE);
  double first[128];
  memcpy(first, poly, sizeof first);
  for (int i = 1; i < 9; i++) {
    double part[64];
    star(part, uniform(150, 870), uniform(150, 870), 120, 32);
    rleFrPoly(&parts[i], part, 32, SIZE, SIZE);
  }
  RLE mask;
  rleMerge(parts, &mask, 9, 0);
  byte *pixels = malloc((size_t)SIZE * SIZE);
  rleDecode(&mask, pixels, 1);
  char *compressed = rleToString(&mask);
  printf("mask: %lu runs, compressed string of %zu characters\n", mask.m, strlen(compressed));

  TIME("encode", { RLE r; rleEncode(&r, pixels, SIZE, SIZE, 1); rleFree(&r); });
  TIME("decode", { byte *p = malloc((size_t)SIZE * SIZE); rleDecode(&mask, p, 1); free(p); });
  TIME("stringRoundTrip", {
    char *s = rleToString(&mask);
    RLE r;
    rleFrString(&r, s, SIZE, SIZE);
    free(s);
    rleFree(&r);
  });
  TIME("fromString", { RLE r; rleFrString(&r, compressed, SIZE, SIZE); rleFree(&r); });
  TIME("polygonToRle", { RLE r; rleFrPoly(&r, first, 64, SIZE, SIZE); rleFree(&r); });
  return 0;
}
