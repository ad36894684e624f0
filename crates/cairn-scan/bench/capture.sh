#!/usr/bin/env bash
# Capture analysis benchmark: a synthetic capture (default 1 GiB) with real
# indicator domains planted at known packets, analysed by cairn-scan and by
# `tshark -Y dns` in the same run. Fails unless every planted hit is found.
#
# usage: bench/capture.sh [SIZE_MIB]   (needs tshark: apt-get install tshark)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${1:-1024}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
DATA=${CAIRN_INDICATORS_DIR:-}
if [ -z "$DATA" ]; then
  d=$PWD
  while [ "$d" != / ]; do
    if [ -f "$d/shared/data/stalkerware-indicators/ioc.yaml" ]; then DATA=$d/shared/data/stalkerware-indicators; break; fi
    d=$(dirname "$d")
  done
fi
[ -n "$DATA" ] || { echo "stalkerware-indicators not found; set CAIRN_INDICATORS_DIR" >&2; exit 2; }
WORK=${BENCH_DIR:-$(mktemp -d)}
CAP=$WORK/synthetic-${SIZE_MIB}m.pcap

cargo build --quiet --release --features testkit --examples
BIN=$CARGO_TARGET_DIR/release/examples
[ -f "$CAP" ] || "$BIN/gen_capture" "$CAP" "$SIZE_MIB" "$DATA/network.csv"
ls -l "$CAP"

now() { date +%s.%N; }
# Warm the page cache so both tools read from memory.
cat "$CAP" > /dev/null

best=
for run in 1 2 3; do
  t0=$(now)
  "$BIN/scan_capture" "$CAP" "$DATA/ioc.yaml" "$DATA/watchware.yaml" --planted "$CAP.planted.tsv" > "$WORK/cairn.json"
  t=$(echo "$(now) - $t0" | bc -l)
  echo "cairn-scan run $run: ${t}s"
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
grep -E '"(planted_all_found|planted_events|planted_names|mib_per_second)"' "$WORK/cairn.json"

t0=$(now)
tshark -r "$CAP" -Y dns -T fields -e dns.qry.name 2>/dev/null > "$WORK/tshark.txt"
tshark_t=$(echo "$(now) - $t0" | bc -l)
echo "tshark -Y dns: ${tshark_t}s, $(wc -l < "$WORK/tshark.txt") dns names"
# tshark sees the planted DNS names too (sanity check of the capture itself).
planted_dns=$(awk -F'\t' '$1=="dns_query"' "$CAP.planted.tsv" | wc -l)
tshark_dns=$(awk -F'\t' '$1=="dns_query"{print tolower($2)}' "$CAP.planted.tsv" | sort -u | grep -c -F -x -f - <(tr 'A-Z' 'a-z' < "$WORK/tshark.txt") || true)
echo "planted dns packets: $planted_dns; tshark lines naming a planted domain: $tshark_dns"
printf 'speed-up vs tshark: %.1fx (cairn-scan %.2fs, tshark %.2fs)\n' "$(echo "$tshark_t / $best" | bc -l)" "$best" "$tshark_t"
