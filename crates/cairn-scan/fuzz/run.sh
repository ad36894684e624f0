#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 60) on stable Rust and prints
# the executions each one reached. usage: fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
SECS=${1:-60}
[ -d corpus ] || ./seed.sh
export RUSTC_BOOTSTRAP=1
for t in indicators_yaml indicators_stix capture android_acquisition adb_framing; do
  mkdir -p "corpus/$t"
  cargo fuzz run "$t" "corpus/$t" -- -max_total_time="$SECS" -rss_limit_mb=2048 -max_len=65536 2> "/tmp/cairn-fuzz-$t.log" \
    || { echo "$t: FAILED (see /tmp/cairn-fuzz-$t.log)"; tail -30 "/tmp/cairn-fuzz-$t.log"; exit 1; }
  echo "$t: $(grep -E '^Done [0-9]+ runs' "/tmp/cairn-fuzz-$t.log" | tail -1)"
done
