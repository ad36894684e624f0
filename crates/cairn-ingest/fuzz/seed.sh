#!/usr/bin/env bash
# Seeds each fuzz target's corpus from the crate's own fixtures and from
# synthetic files (nothing third-party), then prints the run command.
set -euo pipefail
cd "$(dirname "$0")"
data=../tests/data
mkdir -p corpus/{sms_backup,whatsapp_txt,whatsapp_zip,email_mbox,photo_exif}
cp "$data"/sms/*.xml corpus/sms_backup/
for f in "$data"/whatsapp/*.txt; do
  # whatsapp_txt reads its first byte as options.
  { printf '\001'; cat "$f"; } >"corpus/whatsapp_txt/$(basename "$f")"
  { cat "$f"; printf '\377'; head -c 200 "$data/sms/backup.xml"; } >"corpus/whatsapp_zip/$(basename "$f")"
done
cp "$data"/email/* corpus/email_mbox/
rm -f corpus/email_mbox/*.expected corpus/sms_backup/*.expected
cargo run -q --manifest-path ../Cargo.toml --example synth -- corpus/sms_backup/synthetic.xml 30 5 8 corpus/sms_backup/synthetic-calls.xml 20 >/dev/null
cargo run -q --manifest-path ../Cargo.toml --example photos -- corpus/photo_exif
python3 - "$data" <<'PY'
import sys, zipfile
data = sys.argv[1]
for name, member in [("android-en-us", "WhatsApp Chat with Alex Rivera.txt"), ("ios-en-us", "_chat.txt")]:
    with zipfile.ZipFile(f"corpus/whatsapp_zip/{name}.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.write(f"{data}/whatsapp/{name}.txt", member)
        z.writestr("IMG-20240115-WA0003.jpg", open("corpus/photo_exif/plain.jpg", "rb").read())
PY
echo "corpora ready; run e.g.: RUSTC_BOOTSTRAP=1 cargo fuzz run sms_backup -- -max_len=65536 -max_total_time=300"
