"""Benchmark 4: the auditor's answers with a large log.

The audit tests' scenario (a Madiun round of four employees through the pool decree, a vacancy
shortlisted, picked and inaugurated, all through the real handlers) is written first; then the
log is grown to each size with generated employees and yearly record updates written by the
product's bulk save, the subject index is brought up to the log, and three answers are timed:
an employee's timeline, the why of a pool entry, and the pool as of a past moment. Baseline in
the same run: reading the same employee's events straight from the store.
Target: p99 < 50 ms (the issue asks for 10 million events; see --sizes).

The log and the index are written with synchronous_commit off for the benchmark database (a
commit per indexed event would otherwise take hours); the answers are timed with it back on,
after an ANALYZE and a CHECKPOINT.

    python -m bench.auditor [--sizes 100000,500000] [--repeats 200] [--quick]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import psycopg

from bench.common import (
    AGENCY,
    Timer,
    fresh_postgres,
    header,
    latency_line,
    line,
    percentile,
    verdict,
)
from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee, employee_id
from domain.values import Appraisal, AppraisalRating, PositionLevel
from projections.audit import IndexFollower, subject_index
from services.application import Talenta
from services.audit.asof import asof_pool
from services.audit.timeline import employee_timeline
from services.audit.why_scouting import why_pool_entry
from services.demo import careers
from services.scouting.pool import membership_of
from tests.integration.test_audit_scouting import AUDITOR, inaugurated
from tests.integration.test_scouting_promotion import B
from tests.unit.rules_builders import facts

TARGET_P99_MS = 50.0
YEARS = range(2015, 2025)  # one record update per year: an appraisal
STAMP = Envelope(
    actor=Actor(id="bench", role=Role.CASEWORKER, agency=AGENCY),
    effective=date(2025, 1, 2),
    reason="import",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,500000", help="log sizes to measure at")
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="a log of 3,000 events, 20 repeats")
    args = parser.parse_args()
    sizes = [3_000] if args.quick else [int(size) for size in args.sizes.split(",")]
    repeats = 20 if args.quick else args.repeats
    header(f"auditor answers at log sizes {', '.join(f'{s:,}' for s in sizes)}")
    with fresh_postgres() as store:
        conninfo = store.settings.conninfo()
        _synchronous_commit(conninfo, store.settings.dbname, on=False)
        app = Talenta(store.config)
        _, before = inaugurated(app)
        membership = membership_of(app, B, PositionLevel.ADMINISTRATOR)
        assert membership is not None
        entry = membership.entries[0].entry_id
        people = _filler()
        try:
            for size in sizes:
                print(f"-- log of {size:,} events")
                _grow(app, people, size)
                timer = Timer()
                indexed = IndexFollower(app, subject_index(app)).catch_up()
                line(
                    "subject index caught up", f"{indexed} events: {indexed / timer.seconds:,.0f}/s"
                )
                app.close()
                _synchronous_commit(conninfo, store.settings.dbname, on=True)
                app = Talenta(store.config)
                IndexFollower(app, subject_index(app)).catch_up()
                _measure(app, entry, before, repeats)
                app.close()
                _synchronous_commit(conninfo, store.settings.dbname, on=False)
                app = Talenta(store.config)
        finally:
            app.close()


def _synchronous_commit(conninfo: str, dbname: str, on: bool) -> None:
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{dbname}" SET synchronous_commit = {"on" if on else "off"}')
        if on:
            # The bulk writes flushed and the statistics current before timing: otherwise the
            # checkpoint they cause stalls every read, the baseline's too.
            timer = Timer()
            conn.execute("ANALYZE")
            conn.execute("CHECKPOINT")
            line("analyze and checkpoint", f"{timer.seconds:.0f} s")


def _filler() -> Iterator[Employee]:
    """Generated employees, each enrolled and then updated once a year with an appraisal."""
    for career in careers(10_000_000, seed=5):
        employee = Employee.enrol(facts(nip=career.nip, name=career.name), STAMP)
        appraisals: list[dict[str, Any]] = []
        for year in YEARS:
            appraisals.append(
                Appraisal(year=year, rating=AppraisalRating.BAIK).model_dump(mode="json")
            )
            employee._record_updated(
                changes={"appraisals": list(appraisals)}, envelope=STAMP.to_event()
            )
        yield employee


def _grow(app: Talenta, people: Iterator[Employee], size: int) -> None:
    have = app.recorder.max_notification_id() or 0
    timer = Timer()
    written = 0
    while have + written < size:
        batch = [next(people) for _ in range(20)]
        written += app.save_bounded(batch)
    if written:
        line(
            "log grown",
            f"{written:,} events in {timer.seconds:.0f} s: {written / timer.seconds:,.0f}/s",
        )


def _measure(app: Talenta, entry: Any, before: datetime, repeats: int) -> None:
    day = date(2025, 6, 2)
    answers: dict[str, Callable[[], object]] = {
        "timeline of an employee": lambda: employee_timeline(app, B, AUDITOR),
        "why of a pool entry": lambda: why_pool_entry(app, entry, AUDITOR),
        "pool as of a past moment": lambda: asof_pool(
            app, AGENCY, PositionLevel.ADMINISTRATOR, AUDITOR, at=before, on=day
        ),
        "raw read of the employee's events (baseline)": lambda: list(
            app.repository.event_store.get(employee_id(B))
        ),
    }
    worst = 0.0
    results: dict[str, list[float]] = {}
    for label, answer in answers.items():
        answer()  # warm
        samples = []
        for _ in range(repeats):
            started = time.perf_counter()
            answer()
            samples.append((time.perf_counter() - started) * 1000)
        results[label] = samples
        latency_line(label, samples)
        if "baseline" not in label:
            worst = max(worst, percentile(samples, 0.99))
    raw = percentile(results["raw read of the employee's events (baseline)"], 0.5)
    timeline = percentile(results["timeline of an employee"], 0.5)
    line("timeline p50 / raw read p50", f"{timeline / raw:.1f}x")
    line("measured at", datetime.now(UTC).isoformat(timespec="seconds"))
    verdict("worst answer p99 (ms)", worst, TARGET_P99_MS, at_most=True)


if __name__ == "__main__":
    main()
