#!/usr/bin/env bash
# Timeline page latency at 16 concurrent connections with 100,000 and 200,000
# entries, against a static asset served by the same server in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
cargo bench -q -p cairn-web --bench timeline
