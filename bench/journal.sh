#!/usr/bin/env bash
# Journal: append JOURNAL_EVENTS (default 1,000,000) events, verify all, prove one.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -q -p cairn-app --bench journal
