#!/usr/bin/env bash
# Shell helpers shared by tests/run.sh and tests/bench/pages.sh (sourced, not run).

# Starts a throwaway PostgreSQL unless the variable named by $1 already holds a URL, and
# exports in it the admin URL (a server where databases may be created). Needs `$work` (a
# temporary folder the caller removes); sets `pg_ctl`, the command that stops the server.
start_postgres() {
  local var="$1"
  [ -n "${!var:-}" ] && return 0
  local bin port
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  port=$(free_port)
  mkdir -p "$work/pg"
  local as_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$work" "$work/pg"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$bin/initdb" -D "$work/pg/data" -A trust -U postgres >/dev/null
  pg_ctl="${as_pg[*]} $bin/pg_ctl -D $work/pg/data"
  $pg_ctl -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off" -l "$work/pg/log" -w start >/dev/null
  export "$var=postgres://postgres@127.0.0.1:$port/postgres"
}

# A free TCP port on the loopback.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Starts the release server in the background with the environment given as arguments
# (VAR=value...), its log in $work/server.log; sets `server_pid` and waits until it answers
# on $TRAME_ADDR's port (given as $1).
start_server() {
  local port="$1"
  shift
  env "$@" TRAME_ADDR="127.0.0.1:$port" ./target/release/server > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; return 1; }
    sleep 0.2
  done
  cat "$work/server.log"
  return 1
}
