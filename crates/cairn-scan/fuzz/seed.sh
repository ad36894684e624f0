#!/usr/bin/env bash
# Builds starting corpora in fuzz/corpus/ (not committed) from the crate's
# fixtures, the shared indicator files and small synthetic captures.
set -euo pipefail
cd "$(dirname "$0")"
DATA=${CAIRN_INDICATORS_DIR:-}
if [ -z "$DATA" ]; then
  d=$PWD
  while [ "$d" != / ]; do
    [ -f "$d/shared/data/stalkerware-indicators/ioc.yaml" ] && { DATA=$d/shared/data/stalkerware-indicators; break; }
    d=$(dirname "$d")
  done
fi
FX=../tests/data
mkdir -p corpus/{indicators_yaml,indicators_stix,capture,android_acquisition,adb_framing}
head -c 3000 "$DATA/ioc.yaml" > corpus/indicators_yaml/ioc-head
tail -c 2000 "$DATA/watchware.yaml" > corpus/indicators_yaml/watchware-tail
printf '%s' '"type":"bundle","objects":[{"type":"malware","id":"malware--1","name":"X"},{"type":"indicator","id":"indicator--1","pattern":"[domain-name:value = '"'"'a.example'"'"' OR app:id = '"'"'com.x'"'"']","pattern_type":"stix"},{"type":"relationship","relationship_type":"indicates","source_ref":"indicator--1","target_ref":"malware--1"}]}' > corpus/indicators_stix/bundle
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-../target}
(cd .. && cargo build --quiet --release --features testkit --example gen_capture)
"$CARGO_TARGET_DIR/release/examples/gen_capture" /tmp/cairn-fuzz-seed.pcap 1 "$DATA/network.csv" 2>/dev/null
head -c 4000 /tmp/cairn-fuzz-seed.pcap > corpus/capture/synthetic-head
python3 - <<'PY'
import struct
def block(t, body): return struct.pack('<II', t, len(body) + 12) + body + struct.pack('<I', len(body) + 12)
dns = bytes.fromhex('1234010000010000000000000373707907657861 6d706c6500 00010001'.replace(' ', ''))
udp = struct.pack('>HHHH', 40000, 53, 8 + len(dns), 0) + dns
ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 1, 0, 64, 17, 0, bytes([10, 0, 0, 2]), bytes([10, 0, 0, 1])) + udp
frame = ip + b'\0' * ((4 - len(ip) % 4) % 4)
out = block(0x0A0D0D0A, struct.pack('<IHHq', 0x1A2B3C4D, 1, 0, -1))
out += block(1, struct.pack('<HHI', 101, 0, 65535) + struct.pack('<HHB3x', 9, 1, 9) + b'\0' * 4)
out += block(6, struct.pack('<IIIII', 0, 0, 1000, len(ip), len(ip)) + frame)
open('corpus/capture/pcapng-dns', 'wb').write(out)
PY
for d in "$FX"/androidqf/*/*/; do
  python3 -c "import sys; sys.stdout.buffer.write(b'\0'.join(open(sys.argv[1] + f, 'rb').read()[:3000] for f in ['packages.json','dumpsys.txt','getprop.txt','settings_secure.txt','settings_global.txt','ps.txt','root_binaries.json']))" "$d" > "corpus/android_acquisition/$(basename "$(dirname "$d")")"
done
printf 'OKAY0004002a' > corpus/adb_framing/version
printf '\001\003\000\000\000hi\n\003\001\000\000\000\000' > corpus/adb_framing/shell-v2
echo "corpora ready in $PWD/corpus"
