"""The read models' follower killed (SIGKILL) in the middle of the log and started again, twice
at once, as API processes would be (issue 6): every read-model table then equals, row for row,
the same read models rebuilt from position 0 in a copy of the store: no row lost or doubled."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import uuid4

import psycopg
import pytest
from psycopg import sql

from domain.envelope import Actor, Role
from domain.scouting.round import round_id
from domain.values import PositionLevel
from infra.postgres import PostgresServer, drop_database, unique_database_name
from services.api.context import Context
from services.application import Talenta
from services.config import StoreConfig
from services.importing import PersonnelFiles, import_personnel
from services.scouting.pool import PoolDecree, decree_entries
from tests.faults.conftest import NewStore, store_url
from tests.faults.exports import write_export
from tests.faults.follow import CAUGHT_UP

AGENCY = "kota-madiun"
EMPLOYEES = 3_000
READ_MODELS = ("audit_owners", "audit_subjects", "chain", "directory", "documents")
TRACKING = "talenta_tracking"
LEVEL = PositionLevel.ADMINISTRATOR


def record_history(app: Talenta, folder: Path) -> None:
    """Thousands of employees, then a pool decreed for some of them (scouting documents)."""
    nips = write_export(folder, EMPLOYEES)
    caseworker = Actor(id="impor", role=Role.CASEWORKER, agency=AGENCY)
    import_personnel(app, PersonnelFiles.in_directory(folder), AGENCY, caseworker, date(2025, 3, 3))
    decree = PoolDecree(
        decree_number=f"800/{uuid4().hex[:6]}/2025",
        decree_date=date(2025, 3, 10),
        effective_at=datetime(2025, 3, 10, 2, tzinfo=UTC),
    )
    earlier = round_id(AGENCY, LEVEL, "Talent Scouting Administrator 2024")
    mayor = Actor(id="walikota", role=Role.PPK, agency=AGENCY)
    decree_entries(app, nips[:40], LEVEL, AGENCY, earlier, decree, mayor)


class FollowerProcess:
    def __init__(self, store: StoreConfig, log: Path) -> None:
        self.log = log
        with log.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tests.faults.follow", store.url],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                cwd=Path(__file__).parents[2],
            )

    def caught_up(self) -> bool:
        assert self.process.poll() is None, self.log.read_text(errors="replace")
        return CAUGHT_UP in self.log.read_text(errors="replace")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(10)


def positions(store: StoreConfig) -> dict[str, int]:
    """The read models' tracked positions (not the library's own marker rows)."""
    with psycopg.connect(store.url) as connection:
        rows = connection.execute(
            sql.SQL(
                "SELECT application_name, notification_id FROM {} WHERE application_name LIKE %s"
            ).format(sql.Identifier(TRACKING)),
            ("%@talenta",),
        ).fetchall()
    return {name: int(position) for name, position in rows}


def contents(store: StoreConfig) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every read-model table, and the tracked positions, in a stable order."""
    found = {}
    with psycopg.connect(store.url) as connection:
        for table in (*READ_MODELS, TRACKING):
            query = sql.SQL("SELECT * FROM {}").format(sql.Identifier(table))
            # Sorted on every column: the tables' keys span two or three of them.
            found[table] = sorted(
                tuple(str(value) for value in row) for row in connection.execute(query)
            )
    return found


def rebuilt(server: PostgresServer, store: StoreConfig, name: str) -> StoreConfig:
    """A copy of the store with its read models emptied and rebuilt from position 0."""
    source = store.url.rsplit("/", 1)[1]
    with psycopg.connect(server.settings.conninfo(), autocommit=True) as connection:
        connection.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(source)
            )
        )
    copy = store_url(server.settings.with_dbname(name))
    with psycopg.connect(copy.url) as connection:
        for table in (*READ_MODELS, TRACKING):
            connection.execute(sql.SQL("TRUNCATE {}").format(sql.Identifier(table)))
    with Talenta(copy) as app:
        Context.of(app).refresh()
    return copy


@pytest.mark.postgres
def test_read_models_killed_mid_log_and_restarted_twice_over_equal_a_rebuild_from_zero(
    pg_server: PostgresServer, pg_stores: NewStore, tmp_path: Path
) -> None:
    store = pg_stores()
    with Talenta(store) as app:
        Context.of(app)  # the read models' tables
        record_history(app, tmp_path / "export")
        last = app.recorder.max_notification_id() or 0

    first = FollowerProcess(store, tmp_path / "first.log")
    try:
        deadline = time.monotonic() + 60
        while not positions(store) and time.monotonic() < deadline:
            time.sleep(0.01)
        first.kill()
    finally:
        if first.process.poll() is None:
            first.kill()
    at_kill = positions(store)
    assert at_kill, "the follower applied nothing in 60 s"
    assert min(at_kill.values()) < last, "killed after it had caught up"

    again = [FollowerProcess(store, tmp_path / f"again-{n}.log") for n in range(2)]
    try:
        deadline = time.monotonic() + 90
        while not all(each.caught_up() for each in again):
            assert time.monotonic() < deadline, "the restarted followers did not catch up in 90 s"
            time.sleep(0.2)
    finally:
        for each in again:
            each.kill()

    copy_name = unique_database_name("talenta_fault_rebuilt")
    try:
        fresh = rebuilt(pg_server, store, copy_name)
        restarted, from_zero = contents(store), contents(fresh)
        assert len(restarted["directory"]) == EMPLOYEES
        assert len(restarted["chain"]) == last
        for table in (*READ_MODELS, TRACKING):
            assert restarted[table] == from_zero[table], table
    finally:
        drop_database(pg_server.settings, copy_name)
