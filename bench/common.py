"""What every benchmark shares: fresh stores, a generated agency, timing and printing."""

from __future__ import annotations

import os
import platform
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from infra.postgres import (
    PgSettings,
    create_database,
    drop_database,
    find_or_start_postgres,
    unique_database_name,
)
from services.config import StoreConfig
from services.demo import write_agency

AGENCY = "kota-madiun"
AGENCY_NAME = "Pemerintah Kota Madiun"


@dataclass(frozen=True)
class PgStore:
    settings: PgSettings
    config: StoreConfig


@contextmanager
def fresh_postgres(prefix: str = "bench") -> Iterator[PgStore]:
    """A database of its own on the local (or a throwaway) server, dropped afterwards."""
    server = find_or_start_postgres()
    name = unique_database_name(prefix)
    settings = create_database(server.settings, name)
    try:
        yield PgStore(settings, StoreConfig(store_url(settings)))
    finally:
        drop_database(server.settings, name)


def store_url(settings: PgSettings) -> str:
    password = f":{quote(settings.password)}" if settings.password else ""
    return (
        f"postgresql://{quote(settings.user)}{password}@{settings.host}:{settings.port}/"
        f"{settings.dbname}"
    )


@contextmanager
def fresh_sqlite() -> Iterator[StoreConfig]:
    with tempfile.TemporaryDirectory(prefix="talenta-bench-") as directory:
        yield StoreConfig(f"sqlite:///{Path(directory) / 'talenta.sqlite'}")


@contextmanager
def generated_agency(employees: int, seed: int = 1) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="talenta-agency-") as directory:
        started = time.perf_counter()
        summary = write_agency(Path(directory), employees, seed, AGENCY_NAME)
        seconds = time.perf_counter() - started
        rows = sum(summary.rows.values())
        line("generated agency", f"{employees} employees, {rows} rows in {seconds:.1f} s")
        yield Path(directory)


class Timer:
    def __init__(self) -> None:
        self.started = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def latency_line(label: str, samples_ms: list[float]) -> None:
    line(
        label,
        f"n={len(samples_ms)} p50={percentile(samples_ms, 0.5):.1f} ms "
        f"p99={percentile(samples_ms, 0.99):.1f} ms max={max(samples_ms, default=0):.1f} ms "
        f"mean={statistics.fmean(samples_ms) if samples_ms else 0:.1f} ms",
    )


def line(label: str, text: str) -> None:
    print(f"  {label:<44} {text}", flush=True)


def verdict(label: str, value: float, target: float, *, at_most: bool = False) -> None:
    met = value <= target if at_most else value >= target
    relation = "<=" if at_most else ">="
    line(label, f"{value:.3g} (target {relation} {target:g}): {'MET' if met else 'NOT MET'}")


def header(title: str) -> None:
    load = os.getloadavg()
    print(f"== {title}", flush=True)
    line("machine", f"{os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}")
    line("load average at start", " ".join(f"{value:.2f}" for value in load))


def cpu_model() -> str:
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                return text.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc/<pid>/status (VmRSS, in kB)."""
    for text in Path(f"/proc/{pid}/status").read_text().splitlines():
        if text.startswith("VmRSS:"):
            return int(text.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """Processor time (user and system) a process has spent, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
