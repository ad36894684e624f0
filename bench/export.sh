#!/usr/bin/env bash
# Court packets. Two measurements, each against a reference in the same run:
#
# 1. Export: a case of INCIDENTS (default 100,000) events and FILES × FILE_MIB
#    (default 4 × 256 MiB = 1 GiB) of evidence. Wall time and peak RSS of
#    `cairn export packet` (goal: RSS flat and under 256 MiB), next to
#    `openssl dgst -sha256` over the same evidence files.
# 2. Verify: the same packet, `cairn verify` on the zip and on the unzipped
#    folder, against `openssl dgst -sha256` over every file (goal: within
#    1.2×) and `sha256sum -c SHA256SUMS` (goal: several times slower).
#
# VERIFY_FILES × FILE_MIB of extra evidence (default 4 more, 2 GiB in all)
# make the verified packet about 2 GiB. PART=export or PART=verify runs one
# of the two.
#
#   bash bench/export.sh        INCIDENTS=20000 FILES=2 FILE_MIB=64 bash bench/export.sh
set -euo pipefail
cd "$(dirname "$0")/.."
incidents=${INCIDENTS:-100000}
files=${FILES:-4}
file_mib=${FILE_MIB:-256}
verify_files=${VERIFY_FILES:-4}
part=${PART:-all}
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
command -v unzip >/dev/null || apt-get install -y -qq unzip >/dev/null

cargo build --release -q -p cairn
cargo build --release -q -p cairn-app --example seed_case
target="${CARGO_TARGET_DIR:-$PWD/target}"
cairn="$target/release/cairn"
seed="$target/release/examples/seed_case"
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-export-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export CAIRN_PASSPHRASE="benchmark passphrase only" CAIRN_LANG=en
now() { date +%s.%N; }
median3() { sort -g | sed -n 2p; }
ratio() { echo "scale=2; $1 / $2" | bc -l; }

# Prints "seconds peak-RSS-KiB" of one export of case $2 in vault $1 to $3.
export_once() {
  local t0 t1 rss
  t0=$(now)
  rss=$(CAIRN_VAULT="$1" /usr/bin/time -f '%M' "$cairn" export packet --case "$2" --out "$3" \
    --recipient "benchmark" --json 2>&1 >/dev/null | tail -n1)
  t1=$(now)
  echo "$(echo "$t1 - $t0" | bc -l) $rss"
}

if [ "$part" != verify ]; then
echo "seeding: $incidents incidents, $files × $file_mib MiB evidence"
case_full=$("$seed" "$work/vault-full" "$incidents" "$files" "$file_mib")
case_half=$("$seed" "$work/vault-half" $((incidents / 2)) "$files" "$file_mib")
read -r t_export rss_full < <(export_once "$work/vault-full" "$case_full" "$work/full.zip")
read -r _ rss_half < <(export_once "$work/vault-half" "$case_half" "$work/half.zip")
mkdir "$work/ref" && unzip -q "$work/full.zip" -d "$work/ref"
t_ref_export=$(for _ in 1 2 3; do t0=$(now); openssl dgst -sha256 "$work"/ref/evidence/*/* >/dev/null; t1=$(now); echo "$t1 - $t0" | bc -l; done | median3)
echo
echo "export: $incidents events + $((files * file_mib)) MiB evidence in ${t_export}s (openssl sha256 of the evidence ${t_ref_export}s, $(ratio "$t_export" "$t_ref_export")×)"
echo "export peak RSS: $((rss_full / 1024)) MiB (half the events: $((rss_half / 1024)) MiB; goal < 256 MiB, flat)"
rm -rf "$work/vault-half" "$work/half.zip" "$work/ref" "$work/vault-full" "$work/full.zip"
fi
[ "$part" = export ] && exit 0

echo
echo "seeding the verify packet: $((files + verify_files)) × $file_mib MiB"
case_big=$("$seed" "$work/vault-big" 1000 $((files + verify_files)) "$file_mib")
export_once "$work/vault-big" "$case_big" "$work/big.zip" >/dev/null
rm -rf "$work/vault-big"
mkdir "$work/dir" && unzip -q "$work/big.zip" -d "$work/dir"
cat "$work/big.zip" >/dev/null
packet_bytes=$(stat -c %s "$work/big.zip")
cd "$work/dir"
mapfile -t listed < <(cut -c67- SHA256SUMS)
t_openssl=$(for _ in 1 2 3; do t0=$(now); openssl dgst -sha256 "${listed[@]}" >/dev/null; t1=$(now); echo "$t1 - $t0" | bc -l; done | median3)
t_sums=$(for _ in 1 2 3; do t0=$(now); sha256sum -c --quiet SHA256SUMS; t1=$(now); echo "$t1 - $t0" | bc -l; done | median3)
t_zip=$(for _ in 1 2 3; do t0=$(now); "$cairn" verify "$work/big.zip" >/dev/null; t1=$(now); echo "$t1 - $t0" | bc -l; done | median3)
t_dir=$(for _ in 1 2 3; do t0=$(now); "$cairn" verify "$work/dir" >/dev/null; t1=$(now); echo "$t1 - $t0" | bc -l; done | median3)
echo
echo "verify: packet of $((packet_bytes / 1048576)) MiB"
echo "  openssl dgst -sha256 (every file)  ${t_openssl}s"
echo "  sha256sum -c SHA256SUMS            ${t_sums}s"
echo "  cairn verify packet.zip            ${t_zip}s  ($(ratio "$t_zip" "$t_openssl")× openssl, goal ≤ 1.2; sha256sum takes $(ratio "$t_sums" "$t_zip")× as long)"
echo "  cairn verify folder                ${t_dir}s  ($(ratio "$t_dir" "$t_openssl")× openssl; sha256sum takes $(ratio "$t_sums" "$t_dir")× as long)"
