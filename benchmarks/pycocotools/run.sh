#!/bin/sh
# Times pycocotools' C mask code (the bar CocoRleBenchmark is compared with).
# Usage: benchmarks/pycocotools/run.sh COCOAPI_DIR   (a checkout of github.com/cocodataset/cocoapi)
# pycocotools' setup.py adds only -std=c99 to CPython's flags (-O2 or -O3 with -DNDEBUG); -O3 here.
set -eu
api="${1:?usage: run.sh COCOAPI_DIR}/common"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
here="$(cd "$(dirname "$0")" && pwd)"
cc -O3 -std=c99 -D_POSIX_C_SOURCE=199309L -I"$api" "$here/rle_bench.c" "$api/maskApi.c" -lm -o "$out/rle_bench"
"$out/rle_bench"
