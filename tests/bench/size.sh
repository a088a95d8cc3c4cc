#!/usr/bin/env bash
# Prints what a first visit downloads besides the HTML and the stylesheet (gzip -9). A page
# loads no script and no WebAssembly (the browser tests check it on the pages they visit),
# except:
#   - a page meant for paper (card, attestation, sheet, programme): the print script;
#   - a faces ballot: the script that asks about an idea left without a face;
#   - the WebAssembly bundle cargo-leptos builds, which only a page with an island would load
#     (Trame has none today).
# Fails when a script is over 2 KB or the bundle over 60 KB.
# Usage: tests/bench/size.sh [site root, default target/site]
set -euo pipefail
site="${1:-target/site}"
gz() { gzip -9 -c "$1" | wc -c; }
fail=0
line() { # label, bytes, budget
  printf '%-52s %7d bytes gzip (budget %d)\n' "$1" "$2" "$3"
  if [ "$2" -gt "$3" ]; then
    echo "over budget: $1" >&2
    fail=1
  fi
}
line "a page with a print button: /print.js" "$(gz "$site/print.js")" 2048
line "a faces ballot: /ballot.js" "$(gz "$site/ballot.js")" 2048
# The newest build's files (hashed names change with every build).
js=$(ls -t "$site"/pkg/trame*.js | head -n 1)
wasm=$(ls -t "$site"/pkg/trame*.wasm | head -n 1)
line "a page with an island (none today): JS + WebAssembly" $(($(gz "$js") + $(gz "$wasm"))) $((60 * 1024))
exit "$fail"
