#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS each (default 60) with cargo-fuzz and
# prints how many executions each one passed. Needs `cargo install cargo-fuzz`;
# RUSTC_BOOTSTRAP lets the stable toolchain build with the sanitizer flags.
#   bash fuzz/run.sh            FUZZ_SECONDS=600 bash fuzz/run.sh event_decode
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-60}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(RUSTC_BOOTSTRAP=1 cargo fuzz list)
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  log=$(mktemp)
  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" "corpus/$target" -- -max_total_time="$seconds" 2>"$log" || { tail -n 40 "$log"; exit 1; }
  runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -n1)
  echo "$target: ${runs:-no summary} in ${seconds}s"
  rm -f "$log"
done
