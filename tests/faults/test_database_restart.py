"""PostgreSQL restarted in the middle of an import (issue 6), through `talenta import` as a
caseworker runs it. A restart the store can wait out is ridden through: the import completes with
every employee stored once. An outage longer than the store's retries reaches the caseworker as
one bilingual line, no traceback; every save is atomic, so the store holds whole employees only,
in file order; importing the same files again completes the import. Either way the store ends
equal to that of a clean import, event for event."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from domain.personnel.aggregate import employee_id
from services.application import Talenta
from services.config import StoreConfig
from tests.faults.cluster import Cluster
from tests.faults.conftest import NewStore
from tests.faults.exports import write_export

pytestmark = pytest.mark.postgres

TALENTA = Path(sys.executable).parent / "talenta"
EMPLOYEES = 6_000
ENROLLED = "domain.personnel.aggregate:Employee.Enrolled"


def start_import(store: StoreConfig, folder: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:
        return subprocess.Popen(
            [str(TALENTA), "--init", "import", "kota-madiun", str(folder), "--store", store.url,
             "--effective", "2025-03-03"],
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "TALENTA_ACTOR": "siti.bkpsdm"},
        )  # fmt: skip


def finish(process: subprocess.Popen[bytes], log: Path, timeout: float = 90) -> tuple[int, str]:
    return process.wait(timeout=timeout), log.read_text(errors="replace")


def stored_events(store: StoreConfig) -> dict[str, list[str]]:
    """Each stored aggregate's event topics in version order, keyed by aggregate id."""
    with psycopg.connect(store.url) as connection:
        rows = connection.execute(
            "SELECT originator_id::text, topic FROM talenta_events "
            "ORDER BY originator_id, originator_version"
        ).fetchall()
    found: dict[str, list[str]] = {}
    for originator, topic in rows:
        found.setdefault(originator, []).append(topic)
    return found


def employees_stored(store: StoreConfig) -> int:
    with psycopg.connect(store.url, connect_timeout=2) as connection:
        row = connection.execute(
            "SELECT count(DISTINCT originator_id) FROM talenta_events"
        ).fetchone()
    return int(row[0]) if row else 0


def wait_for_saves(store: StoreConfig, process: subprocess.Popen[bytes], at_least: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the import ended before the restart"
        try:
            if employees_stored(store) >= at_least:
                return
        except psycopg.errors.UndefinedTable:
            pass  # the import has not created its tables yet
        time.sleep(0.02)
    raise AssertionError(f"fewer than {at_least} employees saved in 60 s")


def test_a_restart_mid_import_is_ridden_through_with_nothing_lost_or_doubled(
    cluster: Cluster, cluster_stores: NewStore, tmp_path: Path
) -> None:
    """The store waits for its connections to come back, and a save cut off by the crash was
    rolled back by it, so the library's retry stores it once."""
    folder = tmp_path / "export"
    write_export(folder, EMPLOYEES)
    store, clean = cluster_stores(), cluster_stores()

    log = tmp_path / "restarted.log"
    process = start_import(store, folder, log)
    try:
        wait_for_saves(store, process, 600)
        at_restart = employees_stored(store)
        cluster.restart("immediate")
        code, output = finish(process, log)
    finally:
        if process.poll() is None:
            process.kill()
    assert at_restart < EMPLOYEES, "restarted after the import had saved everything"
    assert code == 0, output
    assert f"{EMPLOYEES} baru/created" in output, output

    code, output = finish(
        start_import(clean, folder, tmp_path / "clean.log"), tmp_path / "clean.log"
    )
    assert code == 0, output
    assert stored_events(store) == stored_events(clean)


def test_an_outage_mid_import_is_reported_leaves_whole_employees_and_a_rerun_completes(
    cluster: Cluster, cluster_stores: NewStore, tmp_path: Path
) -> None:
    """The server stays down until the import gives up (the store's retries take about 40 s)."""
    folder = tmp_path / "export"
    nips = write_export(folder, EMPLOYEES)
    store, clean = cluster_stores(), cluster_stores()

    log = tmp_path / "interrupted.log"
    process = start_import(store, folder, log)
    try:
        wait_for_saves(store, process, 600)
        cluster.stop("immediate")
        code, output = finish(process, log)
    finally:
        if process.poll() is None:
            process.kill()
        if not cluster.running:
            cluster.start()
    assert code == 1, output
    assert "Traceback" not in output, output
    assert "impor terhenti" in output and "import interrupted" in output, output
    assert "import the same files again" in output, output

    # Whole saves only: the employees stored are the file's first ones, each with its one
    # Enrolled event carrying its main row and both of its grade rows.
    after = stored_events(store)
    stored = len(after)
    assert 0 < stored < EMPLOYEES, stored
    assert set(after) == {str(employee_id(number)) for number in nips[:stored]}
    assert all(topics == [ENROLLED] for topics in after.values())
    with Talenta(store) as app:
        for index, number in enumerate(nips[:stored]):
            facts = app.facts(number)
            assert facts.name == f"Pegawai {index}"
            assert [str(spell.grade) for spell in facts.grades] == ["III/a", "III/b"]

    code, output = finish(
        start_import(store, folder, tmp_path / "rerun.log"), tmp_path / "rerun.log"
    )
    assert code == 0, output
    assert f"{EMPLOYEES - stored} baru/created" in output, output
    assert f"{EMPLOYEES - stored} peristiwa/events" in output, output

    code, output = finish(
        start_import(clean, folder, tmp_path / "clean.log"), tmp_path / "clean.log"
    )
    assert code == 0, output
    assert stored_events(store) == stored_events(clean)
    assert len(stored_events(store)) == EMPLOYEES
