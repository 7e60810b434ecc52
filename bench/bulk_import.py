"""Benchmark 1: bulk import of a generated agency into PostgreSQL and SQLite.

Three figures per backend, in events per second:
- import: `import_personnel` end to end (CSV reading and checking, the lookup of each employee,
  the bounded saves);
- write path: the same employees' events saved by `Talenta.save_bounded` (the store's share);
- both again with the library's own JSON transcoder instead of the product's (RapidJSON), in the
  same run, for reference;
- raw: the same stored rows (as the product wrote them) inserted by the driver's `executemany`
  into a table of the same shape, in one transaction; for reference also committing as often as
  the product's bounded saves do, and (PostgreSQL) COPY.
The target is the write path at >= 50 % of raw.

    python -m bench.bulk_import --size city [--backend postgres|sqlite|both] [--quick]
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, NamedTuple

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
LIBRARY_TRANSCODER = {"TRANSCODER_TOPIC": "eventsourcing.persistence:JSONTranscoder"}

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


class Figure(NamedTuple):
    rate: float  # events a second
    cpu: float  # this process's processor time per event, in microseconds: on a loaded
    # machine the figure least moved by the load (SQLite's work is all in this process)


def run(backend: str, files: PersonnelFiles, repeats: int) -> None:
    """Each figure is the best of ``repeats`` runs on fresh stores: other work on the machine
    slows single runs down, never speeds them up. The product's and the library's transcoder
    alternate, so that both see the same load."""
    print(f"-- {backend}")
    imports, writes, raws, per_save, copies = [], [], [], [], []
    library_imports, library_writes = [], []
    rows: list[Row] = []
    for _ in range(repeats):
        with _store(backend) as (config, _):
            imports.append(_import(config, files))
            rows = rows or _stored_rows(config)
        with _store(backend) as (config, _):
            library_imports.append(_import(config, files, LIBRARY_TRANSCODER))
        with _store(backend) as (config, _):
            writes.append(_write_path(config, files))
        with _store(backend) as (config, _):
            library_writes.append(_write_path(config, files, LIBRARY_TRANSCODER))
        with _store(backend) as (_, raw_target):
            raws.append(_raw_executemany(backend, raw_target, rows, len(rows)))
            per_save.append(_raw_executemany(backend, raw_target, rows, MAX_EVENTS_PER_SAVE))
            if backend == "postgres":
                copies.append(_raw_copy(raw_target, rows))
    best_import, best_write, best_raw = _best(imports), _best(writes), _best(raws)
    library_import, library_write = _best(library_imports), _best(library_writes)
    line("best product import", _told(best_import))
    line("best product write path", _told(best_write))
    line("best import, library's transcoder (reference)", _told(library_import))
    line("best write path, library's transcoder (reference)", _told(library_write))
    line(
        "import, product's transcoder / library's", f"{best_import.rate / library_import.rate:.2f}x"
    )
    line(
        "write path, product's transcoder / library's",
        f"{best_write.rate / library_write.rate:.2f}x",
    )
    line("best raw executemany (baseline)", _told(best_raw))
    line(
        f"best raw executemany, commit per {MAX_EVENTS_PER_SAVE} (reference)",
        _told(_best(per_save)),
    )
    if copies:
        line("best raw COPY (reference)", f"{max(copies):,.0f} events/s")
    line("import ratio to raw", f"{best_import.rate / best_raw.rate:.1%}")
    line(
        "write path ratio to raw committing as often",
        f"{best_write.rate / _best(per_save).rate:.1%}",
    )
    if backend == "sqlite":
        line("write path ratio to raw by processor time", f"{best_raw.cpu / best_write.cpu:.1%}")
    verdict("write path ratio to raw", best_write.rate / best_raw.rate, TARGET)


def _best(figures: list[Figure]) -> Figure:
    return Figure(max(f.rate for f in figures), min(f.cpu for f in figures))


def _told(figure: Figure) -> str:
    return f"{figure.rate:,.0f} events/s, {figure.cpu:,.0f} µs CPU/event"


@contextmanager
def _store(backend: str) -> Iterator[tuple[StoreConfig, str]]:
    """A fresh product store and, beside it, where the raw baseline writes."""
    if backend == "postgres":
        with fresh_postgres() as store:
            yield store.config, store.settings.conninfo()
    else:
        with fresh_sqlite() as config:
            yield config, config.eventsourcing_env()["SQLITE_DBNAME"] + ".raw"


def _import(
    config: StoreConfig, files: PersonnelFiles, env: dict[str, str] | None = None
) -> Figure:
    app = Talenta(config, env=env)
    try:
        timer, cpu = Timer(), time.process_time()
        report = import_personnel(app, files, AGENCY, ACTOR, EFFECTIVE)
        seconds, cpu = timer.seconds, time.process_time() - cpu
    finally:
        app.close()
    figure = Figure(report.events / seconds, cpu / report.events * 1e6)
    line(f"{_who(env)} import (end to end)", f"{report.events} events: {_told(figure)}")
    return figure


def _write_path(
    config: StoreConfig, files: PersonnelFiles, env: dict[str, str] | None = None
) -> Figure:
    parsed = parse_personnel(files, AGENCY)
    envelope = Envelope(actor=ACTOR, effective=EFFECTIVE, reason="import")
    employees = [Employee.enrol(facts, envelope) for facts in parsed.facts]
    app = Talenta(config, env=env)
    try:
        timer, cpu = Timer(), time.process_time()
        events = app.save_bounded(employees)
        seconds, cpu = timer.seconds, time.process_time() - cpu
    finally:
        app.close()
    figure = Figure(events / seconds, cpu / events * 1e6)
    line(f"{_who(env)} write path", f"{events} events: {_told(figure)}")
    return figure


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


def _who(env: dict[str, str] | None) -> str:
    return "library's transcoder:" if env else "product"


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


def _raw_executemany(backend: str, target: str, rows: list[Row], per_commit: int) -> Figure:
    """The rows inserted by the driver's executemany, committing every ``per_commit`` rows."""
    batches = [rows[start : start + per_commit] for start in range(0, len(rows), per_commit)]
    if backend == "postgres":
        with psycopg.connect(target) as conn:
            conn.execute("DROP TABLE IF EXISTS raw_events")
            conn.execute(_PG_TABLE)
            conn.commit()
            timer, cpu = Timer(), time.process_time()
            for batch in batches:
                with conn.cursor() as cursor:
                    cursor.executemany(_INSERT.format("%s"), batch)
                conn.commit()
            return _figure(len(rows), timer, cpu)
    db = sqlite3.connect(target)
    try:
        db.execute("DROP TABLE IF EXISTS raw_events")
        db.execute(_SQLITE_TABLE)
        timer, cpu = Timer(), time.process_time()
        for batch in batches:
            with db:
                db.executemany(
                    _INSERT.format("?"), [(str(row[0]), row[1], row[2], row[3]) for row in batch]
                )
        return _figure(len(rows), timer, cpu)
    finally:
        db.close()


def _figure(count: int, timer: Timer, cpu: float) -> Figure:
    return Figure(count / timer.seconds, (time.process_time() - cpu) / count * 1e6)


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
