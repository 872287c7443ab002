#!/usr/bin/env bash
# Every check and test of `make test`, in order of cost; stops at the first failure and always
# prints the counts gathered so far.
set -uo pipefail
cd "$(dirname "$0")/.."

PG_URL=${MUSTER_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}
LOG_DIR=$(mktemp -d)
declare -a SUMMARY=()
FAILED=""

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

summary() {
  printf '\n\033[1m==> summary\033[0m\n'
  for line in "${SUMMARY[@]}"; do printf '  %s\n' "$line"; done
  if [ -n "$FAILED" ]; then
    printf '\n\033[31mFAILED: %s\033[0m (logs in %s)\n' "$FAILED" "$LOG_DIR"
  else
    printf '\n\033[32mall checks and tests passed\033[0m\n'
  fi
}
trap summary EXIT

# run NAME COMMAND... — runs a step, keeps its log, fails the whole run on error
run() {
  local name=$1; shift
  say "$name"
  local log="$LOG_DIR/${name//[^a-zA-Z0-9]/_}.log"
  if "$@" 2>&1 | tee "$log"; then
    return 0
  fi
  FAILED=$name
  SUMMARY+=("$name: FAILED")
  exit 1
}

# count LABEL LOGNAME — sums the cargo test result lines of a step's log
count() {
  local label=$1 log="$LOG_DIR/${2//[^a-zA-Z0-9]/_}.log"
  local passed failed ignored
  passed=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
  failed=$(grep -Eo '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
  ignored=$(grep -Eo '[0-9]+ ignored' "$log" | awk '{s+=$1} END {print s+0}')
  SUMMARY+=("$(printf '%-34s %5d passed, %d failed, %d ignored' "$label" "$passed" "$failed" "$ignored")")
  if [ "$passed" -eq 0 ]; then
    FAILED="$label ran no tests"
    exit 1
  fi
}

PKGS=(-p app -p server -p migration --features app/ssr)

run "format" cargo fmt --all -- --check
SUMMARY+=("format                             ok")

run "clippy ssr and server" cargo clippy "${PKGS[@]}" --all-targets -- -D warnings
run "clippy wasm" cargo clippy -p frontend --features hydrate --target wasm32-unknown-unknown -- -D warnings
SUMMARY+=("clippy (ssr, server, wasm)         ok")

say "wasm dependency firewall"
tree=$(cargo tree -p frontend --features hydrate --target wasm32-unknown-unknown -e normal --prefix none)
leaks=$(grep -E '^(sea-orm|sea-query|sqlx[a-z-]*|argon2|tokio) ' <<<"$tree" | sort -u || true)
if [ -n "$leaks" ]; then
  echo "server-only crates reached the wasm bundle:"; echo "$leaks"
  FAILED="wasm dependency firewall"; exit 1
fi
SUMMARY+=("wasm firewall (no sea-orm/sqlx/argon2/tokio) ok")

unset TEST_DATABASE_URL
run "unit tests (SQLite)" cargo test "${PKGS[@]}" --lib --bins
count "unit tests (domain + services, SQLite)" "unit tests (SQLite)"

run "service tests (PostgreSQL)" env TEST_DATABASE_URL="$PG_URL" cargo test "${PKGS[@]}" --lib -- server::
count "service tests (PostgreSQL)" "service tests (PostgreSQL)"

# Integration tests run side by side in one process, each with its own server. Leptos's route
# generation once made a page in another server of that process hang (a process-wide flag, see
# `routes()` in server/src/startup.rs); routes are now generated once per process. The client's
# two-minute timeout turns any hang into a failure instead of a stuck run.
run "integration tests (SQLite)" cargo test "${PKGS[@]}" --test integration
count "integration tests (SQLite)" "integration tests (SQLite)"

run "integration tests (PostgreSQL)" env TEST_DATABASE_URL="$PG_URL" cargo test "${PKGS[@]}" --test integration
count "integration tests (PostgreSQL)" "integration tests (PostgreSQL)"

run "release build" cargo leptos build --release

run "browser tests (Chromium)" bash -c 'cd end2end && npx playwright test'
log="$LOG_DIR/browser_tests__Chromium_.log"
bpassed=$(grep -Eo '[0-9]+ passed' "$log" | tail -1 | awk '{print $1+0}')
bfailed=$(grep -Eo '[0-9]+ failed' "$log" | tail -1 | awk '{print $1+0}')
SUMMARY+=("$(printf '%-34s %5d passed, %d failed' "browser tests (Chromium)" "${bpassed:-0}" "${bfailed:-0}")")
if [ "${bpassed:-0}" -eq 0 ]; then FAILED="browser tests ran no tests"; exit 1; fi
