#!/usr/bin/env bash
# Evidence acquisition throughput: `cairn evidence add` of a SIZE_MIB file
# (default 1024) against `openssl dgst -sha256` of the same file in the same
# run — SHA-256 at hardware speed, the physical floor of hashing at
# acquisition — and coreutils `sha256sum` for scale. Also peak RSS of the add,
# at two file sizes, to show it stays flat.
#
#   bash bench/evidence-add.sh            SIZE_MIB=256 bash bench/evidence-add.sh
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${SIZE_MIB:-1024}
runs=${RUNS:-3}
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }

cargo build --release -q -p cairn
cairn="$PWD/target/release/cairn"
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export CAIRN_VAULT="$work/vault" CAIRN_PASSPHRASE="benchmark passphrase only" CAIRN_LANG=en

head -c $((size_mib << 20)) /dev/urandom >"$work/big.bin"
head -c $((size_mib << 18)) /dev/urandom >"$work/quarter.bin"
: >"$work/empty.bin"
"$cairn" init >/dev/null
case_id=$("$cairn" case new --label bench --json | sed -n 's/.*"id": "\(c-[^"]*\)".*/\1/p')
cat "$work/big.bin" >/dev/null # warm the page cache for everyone

now() { date +%s.%N; }
# median of $runs timings of a command
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p"
}
add() { "$cairn" evidence add --case "$case_id" "$1" --json; }
peak_rss_kib() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n1; }

t_openssl=$(median openssl dgst -sha256 "$work/big.bin")
t_sha256sum=$(median sha256sum "$work/big.bin")
t_fixed=$(median add "$work/empty.bin")
t_add=$(median add "$work/big.bin")
rss_big=$(peak_rss_kib "$cairn" evidence add --case "$case_id" "$work/big.bin" --json)
rss_quarter=$(peak_rss_kib "$cairn" evidence add --case "$case_id" "$work/quarter.bin" --json)
rss_empty=$(peak_rss_kib "$cairn" evidence add --case "$case_id" "$work/empty.bin" --json)

ratio() { echo "scale=2; $1 / $2" | bc -l; }
mibs() { echo "scale=0; $size_mib / $1" | bc -l; }
echo "evidence add, ${size_mib} MiB of random data, median of ${runs} runs"
printf '  openssl dgst -sha256   %6.3f s  %5s MiB/s  (reference)\n' "$t_openssl" "$(mibs "$t_openssl")"
printf '  sha256sum              %6.3f s  %5s MiB/s  %sx openssl\n' "$t_sha256sum" "$(mibs "$t_sha256sum")" "$(ratio "$t_sha256sum" "$t_openssl")"
printf '  cairn evidence add     %6.3f s  %5s MiB/s  %sx openssl (whole command: unlock, hash, encrypt, fsync, journal)\n' "$t_add" "$(mibs "$t_add")" "$(ratio "$t_add" "$t_openssl")"
streaming=$(echo "$t_add - $t_fixed" | bc -l)
printf '    of which streaming   %6.3f s  %5s MiB/s  %sx openssl (minus the %.3f s of an empty file: unlock and journal)\n' "$streaming" "$(mibs "$streaming")" "$(ratio "$streaming" "$t_openssl")" "$t_fixed"
echo "  peak RSS: $((rss_empty / 1024)) MiB (empty), $((rss_quarter / 1024)) MiB ($((size_mib / 4)) MiB file), $((rss_big / 1024)) MiB (${size_mib} MiB file)"
