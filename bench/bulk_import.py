"""Benchmark 1: bulk import of a generated agency into PostgreSQL and SQLite.

Three figures per backend, in events per second:
- import: `import_personnel` end to end (CSV reading and checking, the lookup of each employee,
  the bounded saves);
- write path: the same employees' events saved by `Talenta.save_bounded` (the store's share);
- raw: the same stored rows (as the product wrote them) inserted by the driver's `executemany`
  into a table of the same shape, in one transaction; for reference also committing as often as
  the product's bounded saves do, and (PostgreSQL) COPY.
The target is the write path at >= 50 % of raw.

    python -m bench.bulk_import --size city [--backend postgres|sqlite|both] [--quick]
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import psycopg

from bench.common import (
    AGENCY,
    Timer,
    fresh_postgres,
    fresh_sqlite,
    generated_agency,
    header,
    line,
    verdict,
)
from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from services.application import MAX_EVENTS_PER_SAVE, Talenta
from services.config import StoreConfig
from services.demo import Size
from services.importing import PersonnelFiles, import_personnel, parse_personnel

ACTOR = Actor(id="bench", role=Role.CASEWORKER)
EFFECTIVE = date(2025, 7, 1)
TARGET = 0.5

Row = tuple[Any, int, str, bytes]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=[size.value for size in Size], default="city")
    parser.add_argument("--employees", type=int, help="overrides --size")
    parser.add_argument("--backend", choices=["postgres", "sqlite", "both"], default="both")
    parser.add_argument("--quick", action="store_true", help="2,000 employees")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    employees = 2_000 if args.quick else args.employees or Size(args.size).employees
    repeats = 1 if args.quick else args.repeats
    header(f"bulk import: {employees} employees")
    backends = ["postgres", "sqlite"] if args.backend == "both" else [args.backend]
    with generated_agency(employees, args.seed) as directory:
        files = PersonnelFiles.in_directory(directory)
        for backend in backends:
            run(backend, files, repeats)


def run(backend: str, files: PersonnelFiles, repeats: int) -> None:
    """Each figure is the best of ``repeats`` runs on fresh stores: other work on the machine
    slows single runs down, never speeds them up."""
    print(f"-- {backend}")
    imports, writes, raws, per_save, copies = [], [], [], [], []
    rows: list[Row] = []
    for _ in range(repeats):
        with _store(backend) as (config, _):
            imports.append(_import(config, files))
            rows = rows or _stored_rows(config)
        with _store(backend) as (config, _):
            writes.append(_write_path(config, files))
        with _store(backend) as (_, raw_target):
            raws.append(_raw_executemany(backend, raw_target, rows, len(rows)))
            per_save.append(_raw_executemany(backend, raw_target, rows, MAX_EVENTS_PER_SAVE))
            if backend == "postgres":
                copies.append(_raw_copy(raw_target, rows))
    best_import, best_write, best_raw = max(imports), max(writes), max(raws)
    line("best product import", f"{best_import:,.0f} events/s")
    line("best product write path", f"{best_write:,.0f} events/s")
    line("best raw executemany (baseline)", f"{best_raw:,.0f} events/s")
    line(
        f"best raw executemany, commit per {MAX_EVENTS_PER_SAVE} (reference)",
        f"{max(per_save):,.0f} events/s",
    )
    if copies:
        line("best raw COPY (reference)", f"{max(copies):,.0f} events/s")
    line("import ratio to raw", f"{best_import / best_raw:.1%}")
    line("write path ratio to raw committing as often", f"{best_write / max(per_save):.1%}")
    verdict("write path ratio to raw", best_write / best_raw, TARGET)


@contextmanager
def _store(backend: str) -> Iterator[tuple[StoreConfig, str]]:
    """A fresh product store and, beside it, where the raw baseline writes."""
    if backend == "postgres":
        with fresh_postgres() as store:
            yield store.config, store.settings.conninfo()
    else:
        with fresh_sqlite() as config:
            yield config, config.eventsourcing_env()["SQLITE_DBNAME"] + ".raw"


def _import(config: StoreConfig, files: PersonnelFiles) -> float:
    app = Talenta(config)
    try:
        timer = Timer()
        report = import_personnel(app, files, AGENCY, ACTOR, EFFECTIVE)
        seconds = timer.seconds
    finally:
        app.close()
    rate = report.events / seconds
    line("product import (end to end)", f"{report.events} events in {seconds:.2f} s: {rate:,.0f}/s")
    return rate


def _write_path(config: StoreConfig, files: PersonnelFiles) -> float:
    parsed = parse_personnel(files, AGENCY)
    envelope = Envelope(actor=ACTOR, effective=EFFECTIVE, reason="import")
    employees = [Employee.enrol(facts, envelope) for facts in parsed.facts]
    app = Talenta(config)
    try:
        timer = Timer()
        events = app.save_bounded(employees)
        seconds = timer.seconds
    finally:
        app.close()
    rate = events / seconds
    line("product write path (save_bounded)", f"{events} events in {seconds:.2f} s: {rate:,.0f}/s")
    return rate


def _stored_rows(config: StoreConfig) -> list[Row]:
    app = Talenta(config)
    try:
        rows: list[Row] = []
        start = 1
        while batch := app.recorder.select_notifications(start, 10_000):
            rows.extend((n.originator_id, n.originator_version, n.topic, n.state) for n in batch)
            start = batch[-1].id + 1
    finally:
        app.close()
    size = sum(len(row[3]) for row in rows) / max(1, len(rows))
    line("stored rows", f"{len(rows)}, state {size:,.0f} bytes on average")
    return rows


_PG_TABLE = (
    "CREATE TABLE raw_events (originator_id uuid NOT NULL, originator_version bigint NOT NULL, "
    "topic text, state bytea, notification_id bigserial, "
    "PRIMARY KEY (originator_id, originator_version)); "
    "CREATE UNIQUE INDEX raw_events_notification_id_idx ON raw_events (notification_id)"
)
_SQLITE_TABLE = (
    "CREATE TABLE raw_events (originator_id TEXT, originator_version INTEGER NOT NULL, "
    "topic TEXT, state BLOB, notification_id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "UNIQUE (originator_id, originator_version))"
)
_INSERT = (
    "INSERT INTO raw_events (originator_id, originator_version, topic, state) "
    "VALUES ({0}, {0}, {0}, {0})"
)


def _raw_executemany(backend: str, target: str, rows: list[Row], per_commit: int) -> float:
    """The rows inserted by the driver's executemany, committing every ``per_commit`` rows."""
    batches = [rows[start : start + per_commit] for start in range(0, len(rows), per_commit)]
    if backend == "postgres":
        with psycopg.connect(target) as conn:
            conn.execute("DROP TABLE IF EXISTS raw_events")
            conn.execute(_PG_TABLE)
            conn.commit()
            timer = Timer()
            for batch in batches:
                with conn.cursor() as cursor:
                    cursor.executemany(_INSERT.format("%s"), batch)
                conn.commit()
            return len(rows) / timer.seconds
    db = sqlite3.connect(target)
    try:
        db.execute("DROP TABLE IF EXISTS raw_events")
        db.execute(_SQLITE_TABLE)
        timer = Timer()
        for batch in batches:
            with db:
                db.executemany(
                    _INSERT.format("?"), [(str(row[0]), row[1], row[2], row[3]) for row in batch]
                )
        return len(rows) / timer.seconds
    finally:
        db.close()


def _raw_copy(target: str, rows: list[Row]) -> float:
    with psycopg.connect(target) as conn:
        conn.execute("TRUNCATE raw_events")
        conn.commit()
        timer = Timer()
        with (
            conn.cursor() as cursor,
            cursor.copy(
                "COPY raw_events (originator_id, originator_version, topic, state) FROM STDIN"
            ) as copy,
        ):
            for row in rows:
                copy.write_row(row)
        conn.commit()
        return len(rows) / timer.seconds


if __name__ == "__main__":
    main()
