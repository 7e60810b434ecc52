"""Each benchmark runs end to end on a tiny workload and prints its verdict; speed is measured
by the benchmarks themselves, never asserted here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from infra.postgres import PostgresServer

ROOT = Path(__file__).parents[2]

TINY = {
    "bulk_import": ["--employees", "60", "--repeats", "1"],
    "projections": ["--rate", "200", "--seconds", "0.5"],
    "auditor": ["--sizes", "400", "--repeats", "2"],
    "coverage": ["--employees", "60", "--positions", "4", "--repeats", "2"],
}


@pytest.mark.parametrize("bench", sorted(TINY))
def test_a_benchmark_runs_and_reports_against_its_target(
    bench: str, pg_server: PostgresServer
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{bench}", *TINY[bench]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "(target " in done.stdout
    assert "machine" in done.stdout
