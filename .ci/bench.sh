#!/usr/bin/env bash
# `make bench`: release build, then every benchmark; figures go into the README's Performance section.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

say "release build"
cargo leptos build --release

say "hydrate bundle size"
node -e '
const fs = require("fs"), zlib = require("zlib");
let tr = 0, tg = 0, tb = 0;
for (const f of ["muster.wasm", "muster.js"]) {
  const raw = fs.readFileSync("target/site/pkg/" + f);
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  tr += raw.length; tg += gz; tb += br;
  console.log(`  ${f.padEnd(12)} raw ${(raw.length/1024).toFixed(1).padStart(7)} KiB   gzip ${(gz/1024).toFixed(1).padStart(6)} KiB   brotli ${(br/1024).toFixed(1).padStart(6)} KiB`);
}
console.log(`  ${"total".padEnd(12)} raw ${(tr/1024).toFixed(1).padStart(7)} KiB   gzip ${(tg/1024).toFixed(1).padStart(6)} KiB   brotli ${(tb/1024).toFixed(1).padStart(6)} KiB`);
'

say "HTTP (wrk on loopback)"
cargo bench -p server --bench http

say "sign-in cost"
cargo bench -p server --bench login

say "curriculum unit progress (5,000 trainees × 50 modules)"
cargo bench -p server --bench curriculum

say "readiness at scale (100,000 people × 50 modules, ~2,000 units; SQLite and PostgreSQL)"
cargo bench -p server --bench readiness
say "exercise calendar: conflict check, full scan and window search (domain)"
cargo bench -p app --features ssr --bench conflicts

say "exercise calendar: month page with 2,000 exercises"
cargo bench -p server --bench month
say "mentor matching: 2,000 mentees × 500 mentors to the optimum, peak memory, dense Hungarian baseline"
cargo bench -p app --features ssr --bench matching
