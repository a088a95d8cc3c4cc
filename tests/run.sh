#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   formatting and lints; unit tests; integration tests against the real router on SQLite and
#   PostgreSQL (a throwaway server is started unless TRAME_TEST_POSTGRES_URL is set); the
#   release build and its script and WebAssembly size budgets; browser tests in headless Chromium with
#   JavaScript off and on, against the real binary with demo data, then with a filled centre's
#   history; a brief run of the page benchmark on both backends.
# Installs what is missing first (see .ci/setup).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source .ci/setup --test

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
work=$(mktemp -d /tmp/trame-tests.XXXXXX)
server_pid=""
pg_ctl=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$pg_ctl" ] && $pg_ctl stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

source tests/lib.sh

step "formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p app --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings

if [ -z "${TRAME_TEST_POSTGRES_URL:-}" ]; then
  step "starting a throwaway PostgreSQL"
  start_postgres TRAME_TEST_POSTGRES_URL
fi

step "unit, database and HTTP tests (SQLite and PostgreSQL)"
cargo test --workspace

step "release build"
cargo leptos build --release

step "script and WebAssembly size budgets"
tests/bench/size.sh target/site

step "browser tests (Chromium, JavaScript off and on)"
port=$(free_port)
start_server "$port" TRAME_DATA_DIR="$work/data" TRAME_SITE_ROOT=target/site TRAME_LOG_FORMAT=json
(cd tests/e2e && TRAME_URL="http://127.0.0.1:$port" node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs)
kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
server_pid=""

step "browser tests at a centre's size (a filled history)"
cargo build -q -p trame-tests --bin bench-fill
landmarks=$(target/debug/bench-fill --database-url "sqlite://$work/filled.db" --scale 0.05)
port=$(free_port)
start_server "$port" TRAME_DATABASE_URL="sqlite://$work/filled.db" TRAME_DATA_DIR="$work/filled" \
  TRAME_SITE_ROOT=target/site TRAME_DEMO_DATA=false TRAME_LOG_FORMAT=json
(cd tests/e2e && TRAME_URL="http://127.0.0.1:$port" TRAME_FILL_WORKSHOP="$(sed -n 's/^workshop=//p' <<<"$landmarks")" \
  node --test --test-concurrency=1 --test-reporter=spec ./scale/*.test.mjs)

step "page benchmark, briefly (every key page loads without error on both backends)"
TRAME_BENCH_POSTGRES_URL="$TRAME_TEST_POSTGRES_URL" BENCH_PROFILE=dev \
  tests/bench/pages.sh --scale 0.02 --duration 1s --connections 4
