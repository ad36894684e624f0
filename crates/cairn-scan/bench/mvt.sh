#!/usr/bin/env bash
# Android analysis compared with MVT (`mvt-android check-androidqf`) on the
# same AndroidQF acquisitions and the same indicators (converted to STIX 2.1
# here, and loaded through cairn-scan's own STIX loader too). Reports the
# packages each tool matched against indicators, and the time ratio.
#
# usage: bench/mvt.sh        (needs: pip install mvt)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
DATA=${CAIRN_INDICATORS_DIR:-}
if [ -z "$DATA" ]; then
  d=$PWD
  while [ "$d" != / ]; do
    [ -f "$d/shared/data/stalkerware-indicators/ioc.yaml" ] && { DATA=$d/shared/data/stalkerware-indicators; break; }
    d=$(dirname "$d")
  done
fi
WORK=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$WORK"
STIX=$WORK/stalkerware.stix2
python3 - "$DATA" "$STIX" <<'PY'
import json, sys, uuid, yaml
data, out = sys.argv[1], sys.argv[2]
objs = []
def sid(kind): return "%s--%s" % (kind, uuid.uuid4())
now = "2026-06-21T00:00:00.000Z"
for f in ("ioc.yaml", "watchware.yaml"):
    for app in yaml.safe_load(open("%s/%s" % (data, f))):
        m = {"type": "malware", "spec_version": "2.1", "id": sid("malware"), "created": now, "modified": now,
             "name": app["name"], "description": app.get("type", ""), "is_family": False}
        objs.append(m)
        pats = [("app:id", p) for p in app.get("packages") or []]
        pats += [("app:cert.sha1", c) for c in app.get("certificates") or []]
        pats += [("domain-name:value", d) for d in (app.get("websites") or []) + ((app.get("c2") or {}).get("domains") or [])]
        pats += [("ipv4-addr:value", i) for i in ((app.get("c2") or {}).get("ips") or []) + ((app.get("c2") or {}).get("ip") or [])]
        for path, v in pats:
            i = {"type": "indicator", "spec_version": "2.1", "id": sid("indicator"), "created": now, "modified": now,
                 "indicator_types": ["malicious-activity"], "pattern": "[%s='%s']" % (path, v), "pattern_type": "stix",
                 "pattern_version": "2.1", "valid_from": now}
            objs += [i, {"type": "relationship", "spec_version": "2.1", "id": sid("relationship"), "created": now,
                         "modified": now, "relationship_type": "indicates", "source_ref": i["id"], "target_ref": m["id"]}]
json.dump({"type": "bundle", "id": sid("bundle"), "objects": objs}, open(out, "w"))
print("stix objects:", len(objs))
PY
cargo build --quiet --release --example scan_android
BIN=$CARGO_TARGET_DIR/release/examples/scan_android
now() { date +%s.%N; }
printf '%-12s %10s %10s %8s  %s\n' fixture cairn_s mvt_s ratio "indicator-matched packages (cairn | mvt)"
for dir in tests/data/androidqf/*/; do
  name=$(basename "$dir")
  # Best of three runs each: the machine is shared, so single runs are noisy.
  t_c=; t_m=
  for run in 1 2 3; do
    t0=$(now); "$BIN" "$dir" "$STIX" --as-of 2026-06-30 > "$WORK/cairn-$name.json"; t=$(echo "$(now) - $t0" | bc -l)
    { [ -z "$t_c" ] || [ "$(echo "$t < $t_c" | bc -l)" = 1 ]; } && t_c=$t
    rm -rf "$WORK/mvt-$name"; mkdir -p "$WORK/mvt-$name"
    t0=$(now); mvt-android --disable-update-check --disable-indicator-update-check check-androidqf --non-interactive --iocs "$STIX" --output "$WORK/mvt-$name" "$dir" > "$WORK/mvt-$name.log" 2>&1 || true
    t=$(echo "$(now) - $t0" | bc -l)
    { [ -z "$t_m" ] || [ "$(echo "$t < $t_m" | bc -l)" = 1 ]; } && t_m=$t
  done
  ours=$(python3 -c "
import json,sys
r=json.load(open(sys.argv[1]))
print(' '.join(sorted({f['params']['package'] for f in r['findings'] if f.get('indicator') and 'package' in f['params']})))" "$WORK/cairn-$name.json")
  theirs=$(python3 -c "
import json,sys,glob
names=set()
for p in glob.glob(sys.argv[1]+'/*_detected.json'):
    for e in json.load(open(p)):
        ev = e.get('event') or {}
        if isinstance(e, dict) and e.get('matched_indicator') and e['matched_indicator'].get('type') in ('app_ids', 'app_cert_hashes', 'files_sha256'):
            n = ev.get('name') or ev.get('package_name') or ev.get('proc_name') or ev.get('name')
            if n: names.add(n.split(':')[0])
print(' '.join(sorted(names)))" "$WORK/mvt-$name")
  printf '%-12s %10.3f %10.3f %7.0fx  %s | %s\n' "$name" "$t_c" "$t_m" "$(echo "$t_m / $t_c" | bc -l)" "${ours:--}" "${theirs:--}"
done
echo "outputs in $WORK"
