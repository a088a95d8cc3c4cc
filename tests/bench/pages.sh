#!/usr/bin/env bash
# The page benchmark: fills a database with a large centre's history (tests/bench/fill), starts
# the release server on it, logs in as each role and loads the key pages with wrk, printing for
# each page: requests/s, p50 and p99 latency, errors, HTML size, server CPU per request, and its
# throughput against a static file of the same size served by the same server. Ends with the
# server's memory. A benchmark, not a test: figures depend on the machine.
#
#   tests/bench/pages.sh [--scale 10] [--backend sqlite|postgres|both] [--duration 10s]
#                        [--connections 64] [--budgets] [--report]
#
# Needs the release build (`cargo leptos build --release`) and wrk. PostgreSQL: the server in
# TRAME_BENCH_POSTGRES_URL (where databases may be created), or a throwaway one started here.
# --budgets fails when a key page breaks the budgets of issue "Trame at a real centre's size"
# (HTML over 60 KB, over 5 ms of CPU a request, under 0.3 x the static file, any error) or the
# server ends over 150 MB. Without it, only an error or a page that does not load fails.
#
# --report measures the impact report instead (issue "Impact"), one request at a time: last
# year's report and this year's, the same shareable, a partner's, the whole history at once
# (every attendance mark and contribution of the fill) and the spreadsheet; --budgets then
# fails a p99 over 150 ms. At scale 1 the fill is the issue's large centre: 2,000
# participants, 200 workshops, 6,000 sessions, 60,000 attendance marks, 30,000 contributions.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source tests/lib.sh

scale=10 backends=both duration=10s connections=64 budgets=false report=false
while [ $# -gt 0 ]; do
  case "$1" in
    --report) report=true; scale=1; connections=1; shift ;;
    --scale) scale="$2"; shift 2 ;;
    --backend) backends="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --budgets) budgets=true; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[ "$backends" = both ] && backends="sqlite postgres"
[ -x target/release/server ] || { echo "build first: cargo leptos build --release" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }

work=$(mktemp -d /tmp/trame-bench.XXXXXX)
server_pid="" pg_ctl=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$pg_ctl" ] && $pg_ctl stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

cargo build -q -p trame-tests --bin bench-fill --profile "${BENCH_PROFILE:-release}"
fill="target/${BENCH_PROFILE:-release}/bench-fill"
[ "${BENCH_PROFILE:-release}" = dev ] && fill=target/debug/bench-fill
# The built site, with room for the static files the pages are compared with.
cp -r target/site "$work/site"
ticks=$(getconf CLK_TCK)
failed=0

# Logs in with a form; prints the session cookie.
login() {
  curl -s -o /dev/null -D - -H 'Sec-Fetch-Site: same-origin' --data "$2" "$base$1" |
    tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: trame_session=\([^;]*\).*/\1/p' | head -n 1
}

# The server's CPU time so far, in clock ticks.
cpu() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }

# The header that sends session $1, or none for "none".
cookie_header() { [ "$1" = none ] && echo "X-Session: none" || echo "Cookie: trame_session=$1"; }

# Runs wrk on a URL with a session; prints "requests rps p50 p99 errors".
load() {
  local out requests rps p50 p99 errors
  out=$(wrk -t$((connections < 2 ? connections : 2)) -c"$connections" -d"$duration" --latency -H "$(cookie_header "$2")" "$1")
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
  echo "$requests $rps $p50 $p99 $errors"
}

bench_backend() {
  local backend="$1" url port
  case "$backend" in
    sqlite) url="sqlite://$work/$backend.db" ;;
    postgres)
      start_postgres TRAME_BENCH_POSTGRES_URL
      local name="trame_bench_$$"
      psql "$TRAME_BENCH_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
      url="${TRAME_BENCH_POSTGRES_URL%/*}/$name" ;;
    *) echo "unknown backend: $backend" >&2; exit 2 ;;
  esac
  printf '\n== %s, scale %s, %s connections, %s a page\n' "$backend" "$scale" "$connections" "$duration"
  local ids
  ids=$("$fill" --database-url "$url" --scale "$scale" 2> "$work/fill.log")
  tail -n 1 "$work/fill.log"
  local workshop project calendar
  workshop=$(sed -n 's/^workshop=//p' <<<"$ids")
  project=$(sed -n 's/^project=//p' <<<"$ids")
  calendar=$(sed -n 's/^calendar=//p' <<<"$ids")
  port=$(free_port)
  base="http://127.0.0.1:$port"
  start_server "$port" TRAME_DATABASE_URL="$url" TRAME_DATA_DIR="$work" \
    TRAME_SITE_ROOT="$work/site" TRAME_DEMO_DATA=false RUST_LOG=warn
  local participant worker partner admin
  participant=$(login /login/card 'code=AMN4KP&pin=1234')
  worker=$(login /login 'email=sophie%40trame.demo&password=demo-worker-pass')
  partner=$(login /login 'email=neonat%40trame.demo&password=demo-partner-pass')
  admin=$(login /login 'email=admin%40trame.demo&password=demo-admin-pass')
  local pages
  local year this_year
  this_year=$(date +%Y)
  year=$((this_year - 1))
  if $report; then
    pages=(
      "report, last year|$worker|/staff/report?period=$year"
      "report, this year|$worker|/staff/report?period=$this_year"
      "report, this month|$worker|/staff/report"
      "report, shareable|$worker|/staff/report?period=$year&share=1"
      "report, partner|$partner|/partner/report?period=$year"
      "report, all history|$worker|/staff/report?period=dates&from=$((this_year - 4))-01-01&to=$this_year-12-31"
      "report, spreadsheet|$worker|/staff/report.xlsx?period=$year"
    )
  else
  pages=(
    "login|none|/login"
    "health|none|/health"
    "home (participant)|$participant|/"
    "workshops (participant)|$participant|/workshops"
    "a workshop (participant)|$participant|/workshops/$workshop"
    "ideas and votes|$participant|/themes"
    "agenda|$participant|/agenda"
    "my journey|$participant|/journey"
    "calendar feed|none|/calendar/$calendar.ics"
    "home (worker)|$worker|/"
    "staff workshop page|$worker|/staff/workshops/$workshop"
    "staff project page|$worker|/staff/projects/$project"
    "staff participants|$worker|/staff/participants"
    "moderation|$worker|/staff/themes"
    "audit log|$admin|/admin/audit"
    "partner project page|$partner|/partner/projects/$project"
    "public progress page|none|/public/projects/$project"
  )
  fi
  printf '%-26s %9s %9s %9s %9s %7s %9s %8s\n' page "HTML KB" "req/s" p50 p99 errors "CPU ms" "x static"
  local entry name cookie path status bytes before after run requests rps p50 p99 errors cpu_ms ratio
  for entry in "${pages[@]}"; do
    IFS='|' read -r name cookie path <<<"$entry"
    status=$(curl -s -o "$work/page" -w '%{http_code}' -H "$(cookie_header "$cookie")" "$base$path")
    bytes=$(wc -c < "$work/page")
    if [ "$status" != 200 ]; then
      echo "$name: $path answered $status" >&2
      failed=1
      continue
    fi
    before=$(cpu)
    run=$(load "$base$path" "$cookie")
    after=$(cpu)
    read -r requests rps p50 p99 errors <<<"$run"
    cpu_ms=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$ticks" 'BEGIN { printf "%.2f", n ? t * 1000 / hz / n : 0 }')
    ratio=-
    if ! $report; then
      head -c "$bytes" /dev/zero | tr '\0' 'x' > "$work/site/pkg/static-$bytes.html"
      read -r _ static_rps _ _ _ <<<"$(load "$base/pkg/static-$bytes.html" none)"
      ratio=$(awk -v a="$rps" -v b="$static_rps" 'BEGIN { printf "%.2f", b ? a / b : 0 }')
    fi
    printf '%-26s %9.1f %9s %9s %9s %7s %9s %8s\n' "$name" "$(awk -v b="$bytes" 'BEGIN { print b / 1024 }')" \
      "$rps" "$p50" "$p99" "$errors" "$cpu_ms" "$ratio"
    [ "$errors" = 0 ] || failed=1
    if $budgets && $report; then
      # wrk writes 45.20ms, 1.02s or 850.00us.
      awk -v p="$p99" 'BEGIN { ms = p + 0; if (p ~ /us$/) ms /= 1000; else if (p ~ /[0-9]s$/) ms *= 1000; exit !(ms > 150) }' &&
        { echo "  over budget: $name (p99 $p99 > 150 ms)" >&2; failed=1; }
    elif $budgets && [ "$name" != health ]; then
      awk -v b="$bytes" -v c="$cpu_ms" -v r="$ratio" 'BEGIN { exit !(b > 60 * 1024 || c > 5 || r < 0.3) }' &&
        { echo "  over budget: $name" >&2; failed=1; }
    fi
  done
  local memory
  memory=$(awk '/VmRSS/ { print $2 }' "/proc/$server_pid/status")
  printf 'server memory at the end: %d MB\n' $((memory / 1024))
  if $budgets && [ "$memory" -gt $((150 * 1024)) ]; then echo "  memory over budget" >&2; failed=1; fi
  kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

for backend in $backends; do
  bench_backend "$backend"
done
exit "$failed"
