#!/usr/bin/env bash
# SMS backup import throughput and memory: a synthetic backup of about
# SIZE_MB (default 200) with MMS pictures, imported into a sink that hashes
# attachments (SHA-256) and drops records, against `openssl dgst -sha256` of
# the same file in the same run (hashing at hardware speed: the floor for
# any import that must read every byte). Peak RSS at two sizes shows memory
# stays flat.
#
#   bash bench/sms-import.sh          SIZE_MB=500 bash bench/sms-import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${SIZE_MB:-200}
runs=${RUNS:-3}
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/target-ingest}
cargo build --release -q --example synth --example bench_sms
bin=$CARGO_TARGET_DIR/release/examples
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-ingest-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# About 1.3 KB of XML per message on average with one 96×96 PNG/JPEG MMS in 20.
messages=$((size_mb * 1000 * 1000 / 1300))
"$bin/synth" "$work/big.xml" "$messages" 20 96
"$bin/synth" "$work/quarter.xml" $((messages / 4)) 20 96
cat "$work/big.xml" >/dev/null # warm the page cache for both

now() { date +%s.%N; }
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p"
}
peak_rss_kib() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n1; }

bytes=$(stat -c %s "$work/big.xml")
"$bin/bench_sms" "$work/big.xml"
t_import=$(median "$bin/bench_sms" "$work/big.xml")
t_openssl=$(median openssl dgst -sha256 "$work/big.xml")
printf 'file: %d MB\n' $((bytes / 1000000))
printf 'import (hash attachments): %6.3f s  %6.0f MB/s\n' "$t_import" "$(echo "$bytes / $t_import / 1000000" | bc -l)"
printf 'openssl dgst -sha256:      %6.3f s  %6.0f MB/s\n' "$t_openssl" "$(echo "$bytes / $t_openssl / 1000000" | bc -l)"
printf 'ratio import/openssl:      %6.2f\n' "$(echo "$t_import / $t_openssl" | bc -l)"
printf 'peak RSS, full file:       %6d KiB\n' "$(peak_rss_kib "$bin/bench_sms" "$work/big.xml")"
printf 'peak RSS, quarter file:    %6d KiB\n' "$(peak_rss_kib "$bin/bench_sms" "$work/quarter.xml")"
