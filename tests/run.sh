#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   formatting and lints; unit tests; integration tests against the real router on SQLite and
#   PostgreSQL (a throwaway server is started unless TRAME_TEST_POSTGRES_URL is set); the
#   release build and its WebAssembly size budget; browser tests in headless Chromium with
#   JavaScript off and on, against the real binary with demo data.
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

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

step "formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p app --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings

if [ -z "${TRAME_TEST_POSTGRES_URL:-}" ]; then
  step "starting a throwaway PostgreSQL"
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  port=$(free_port)
  mkdir -p "$work/pg"
  as_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$work" "$work/pg"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$bin/initdb" -D "$work/pg/data" -A trust -U postgres >/dev/null
  pg_ctl="${as_pg[*]} $bin/pg_ctl -D $work/pg/data"
  $pg_ctl -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off" -l "$work/pg/log" -w start >/dev/null
  export TRAME_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
fi

step "unit, database and HTTP tests (SQLite and PostgreSQL)"
cargo test --workspace

step "release build"
cargo leptos build --release

step "WebAssembly size budget"
tests/bench/size.sh target/site

step "browser tests (Chromium, JavaScript off and on)"
port=$(free_port)
TRAME_ADDR="127.0.0.1:$port" TRAME_DATA_DIR="$work/data" TRAME_SITE_ROOT=target/site \
  TRAME_LOG_FORMAT=json ./target/release/server > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.2
done
(cd tests/e2e && TRAME_URL="http://127.0.0.1:$port" node --test --test-concurrency=1 --test-reporter=spec)
