#!/usr/bin/env bash
# Runs the embedded product: SQLite event store, a Temporal dev server it starts itself, the API.
# The installer's output goes to a log in the data folder, shown only when the set-up fails.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${TALENTA_DATA:-var}
mkdir -p "$DATA"
LOG="$DATA/setup.log"
echo "Talenta: menyiapkan / setting up .venv (log: $LOG) ..."
if ! bash infra/setup.sh >"$LOG" 2>&1; then
  cat "$LOG" >&2
  echo "Talenta: persiapan gagal / set-up failed; its output is above and in $LOG" >&2
  exit 1
fi
exec .venv/bin/talenta serve "$@"
