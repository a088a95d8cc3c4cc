#!/usr/bin/env bash
# Builds Trame and starts it on SQLite with demo data (file under ./data), printing the
# address to open. Installs the build tools first if they are missing.
# Options and environment variables pass through: server/start.sh --help lists them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source .ci/setup
cargo leptos build --release
exec ./target/release/server --site-root target/site "$@"
