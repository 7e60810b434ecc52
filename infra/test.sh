#!/usr/bin/env bash
# Lints, type-checks and runs the whole test suite against real PostgreSQL and Temporal.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
