#!/usr/bin/env bash
# Prints what a first visit downloads to run Trame's interactive parts (JavaScript and
# WebAssembly, gzip -9), and fails when it is over the 100 KB budget.
# Usage: tests/bench/size.sh [site root, default target/site]
set -euo pipefail
pkg="${1:-target/site}/pkg"
budget=$((100 * 1024))
# The newest build's files (hashed names change with every build).
js=$(ls -t "$pkg"/trame*.js | head -n 1)
wasm=$(ls -t "$pkg"/trame*.wasm | head -n 1)
total=0
for file in "$js" "$wasm"; do
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total=$((total + gz))
  printf '%-45s %8d bytes raw %8d bytes gzip\n' "$(basename "$file")" "$raw" "$gz"
done
awk -v t="$total" -v b="$budget" 'BEGIN { printf "first-load JS + WASM, gzip: %d bytes (%.1f KB) - budget %d KB\n", t, t / 1024, b / 1024 }'
if [ "$total" -gt "$budget" ]; then
  echo "over budget" >&2
  exit 1
fi
