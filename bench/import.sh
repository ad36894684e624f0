#!/usr/bin/env bash
# Import throughput and memory: `cairn import sms-backup` of a synthetic SMS
# Backup & Restore file of MESSAGES records (default 1,100,000; about 1.1 GB
# with one 96×96 MMS picture in MMS_EVERY=25) into a fresh vault, against
# `openssl dgst -sha256` of the same file in the same run — every import
# starts by hashing its source, so hashing at hardware speed is the floor.
# Peak RSS at the full and half size shows memory stays flat.
#
# The import does everything a person's import does: hash and encrypt the
# source into the vault while the importer reads the same bytes, decode and
# hash every picture (MMS pictures are read back from the sealed source
# later, not stored twice), record in SQLCipher where every message lies in
# the sealed source with its dedup key and pattern record (messages are read
# back from there when shown) and sign the journal event, all durable
# before the command returns. A page of messages read back is timed too.
#
#   bash bench/import.sh     MESSAGES=200000 bash bench/import.sh     RUNS=5 bash bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${MESSAGES:-1100000}
mms_every=${MMS_EVERY:-25}
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null

cargo build --release -q -p cairn
cargo build --release -q -p cairn-ingest --example synth --example bench_sms
cairn="$PWD/target/release/cairn"
synth="$PWD/target/release/examples/synth"
parser="$PWD/target/release/examples/bench_sms"
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-import-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export CAIRN_PASSPHRASE="benchmark passphrase only" CAIRN_LANG=en

"$synth" "$work/full.xml" "$messages" "$mms_every" 96
"$synth" "$work/half.xml" $((messages / 2)) "$mms_every" 96
bytes=$(stat -c %s "$work/full.xml")
cat "$work/full.xml" >/dev/null # warm the page cache for everyone

now() { date +%s.%N; }
fresh_vault() {
  rm -rf "$CAIRN_VAULT"
  "$cairn" init >/dev/null
  "$cairn" case new --label bench --json | sed -n 's/.*"id": "\(c-[^"]*\)".*/\1/p'
}
# Prints "seconds peak-RSS-KiB" of one import into a fresh vault.
import_once() {
  local file=$1 case_id t0 t1 rss
  export CAIRN_VAULT="$work/vault-$(basename "$file" .xml)"
  case_id=$(fresh_vault)
  echo "$CAIRN_VAULT $case_id" >"$work/last"
  sync # the previous run's writes are not this one's to wait for
  t0=$(now)
  rss=$(/usr/bin/time -f '%M' "$cairn" import sms-backup "$file" --case "$case_id" --json 2>&1 >"$work/report.json" | tail -n1)
  t1=$(now)
  echo "$(echo "$t1 - $t0" | bc -l) $rss"
}

hash_once() { local t0 t1; t0=$(now); openssl dgst -sha256 "$work/full.xml" >/dev/null; t1=$(now); echo "$t1 - $t0" | bc -l; }
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
# The importer alone (parse, decode and hash every picture; no vault), to
# tell the parser's share of the import from the database's.
t_parse=$("$parser" "$work/full.xml" | sed -n 's/.* in \([0-9.]*\) s = .*/\1/p')
# A shared machine's speed drifts by tens of percent within minutes: each
# import is paired with an openssl run just before it, and the medians of
# RUNS pairs are reported.
runs=${RUNS:-3}
: >"$work/pairs"
for _ in $(seq "$runs"); do
  t_hash=$(hash_once)
  read -r t_import rss_full < <(import_once "$work/full.xml")
  echo "$t_hash $t_import" >>"$work/pairs"
done
t_openssl=$(cut -d' ' -f1 "$work/pairs" | median)
t_full=$(cut -d' ' -f2 "$work/pairs" | median)
pair_ratios=$(awk '{printf "%.2f\n", $2 / $1}' "$work/pairs" | sort -g | paste -sd' ')
added=$(sed -n 's/.*"added": \([0-9]*\).*/\1/p' "$work/report.json" | head -1)
files=$(sed -n 's/.*"attachments": \([0-9]*\).*/\1/p' "$work/report.json" | head -1)
read -r full_vault full_case <"$work/last"
db_mb=$(($(stat -c %s "$full_vault/cairn.db") / 1000000))
blobs_mb=$(($(du -sb "$full_vault/blobs" | cut -f1) / 1000000))
# Pattern analysis of everything just imported, whole command (unlock, load, analyse).
t_pattern=$( (t0=$(now); CAIRN_VAULT="$full_vault" "$cairn" pattern --case "$full_case" --tz America/New_York --json >/dev/null; t1=$(now); echo "$t1 - $t0" | bc -l) )
# The first page of messages, read back from the sealed backup (whole
# command: unlock, choose the page, decrypt and parse its records).
t_page=$( (t0=$(now); CAIRN_VAULT="$full_vault" "$cairn" messages --case "$full_case" --json >/dev/null; t1=$(now); echo "$t1 - $t0" | bc -l) )
read -r t_half rss_half < <(import_once "$work/half.xml")
t_unlock=$( (export CAIRN_VAULT="$work/vault-unlock"; t0=$(now); "$cairn" init >/dev/null; t1=$(now); echo "$t1 - $t0" | bc -l) )

ratio() { echo "scale=2; $1 / $2" | bc -l; }
mbs() { echo "scale=0; $bytes / $1 / 1000000" | bc -l; }
echo "cairn import sms-backup: $((bytes / 1000000)) MB, $added messages and calls, $files pictures"
printf '  openssl dgst -sha256   %7.3f s  %5s MB/s  (reference, median of %d)\n' "$t_openssl" "$(mbs "$t_openssl")" "$runs"
printf '  cairn import           %7.3f s  %5s MB/s  %sx openssl (whole command, including ~%.1f s to unlock the vault; median of %d)\n' "$t_full" "$(mbs "$t_full")" "$(ratio "$t_full" "$t_openssl")" "$t_unlock" "$runs"
printf '  import / openssl, each pair: %s\n' "$pair_ratios"
printf '  importer alone         %7.3f s  %5s MB/s  %sx openssl (parse, decode and hash pictures; nothing stored)\n' "$t_parse" "$(mbs "$t_parse")" "$(ratio "$t_parse" "$t_openssl")"
printf '  cairn pattern          %7.3f s  (all %s messages and calls: unlock, load from SQLCipher, analyse)\n' "$t_pattern" "$added"
printf '  cairn messages         %7.3f s  (a page of 100 read back from the sealed backup: unlock, choose, decrypt, parse)\n' "$t_page"
printf '  peak RSS: %d MiB (half file, %.2f s), %d MiB (full file)\n' $((rss_half / 1024)) "$t_half" $((rss_full / 1024))
printf '  vault after the full import: database %d MB, encrypted files %d MB (the source and its pictures)\n' "$db_mb" "$blobs_mb"
