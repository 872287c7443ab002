#!/usr/bin/env bash
# Starts the release server for the browser tests on a fresh demo database of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d -t muster-e2e-XXXXXX)
trap 'rm -rf "$data"' EXIT
unset DATABASE_URL
export MUSTER_DATA_DIR="$data" MUSTER_SEED_DEMO=true MUSTER_BIND="127.0.0.1:${E2E_PORT:-3100}"
export LEPTOS_SITE_ROOT=target/site MUSTER_LOG=${MUSTER_LOG:-warn}
# the browser tests sign in many times from one address
export MUSTER_DEMO_PASSWORD="${MUSTER_DEMO_PASSWORD:-e2e demo password}" MUSTER_LOGIN_BURST=1000 MUSTER_LOGIN_RATE_PER_MINUTE=1000
# MUSTER_SERVER_BIN lets parallel checkouts that share one target directory run their own copy
"${MUSTER_SERVER_BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/muster-target}/release/server}" serve
