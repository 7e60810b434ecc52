#!/usr/bin/env bash
# Runs the embedded product: SQLite event store, a Temporal dev server it starts itself, the API.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/setup.sh
exec .venv/bin/talenta serve "$@"
