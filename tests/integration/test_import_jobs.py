"""Imports in the background of the serving process: the progress the importer reports reaches
the job, one import per agency runs at a time, and a second may start once the first has ended.
A job is kept in the store's database: another process serving the same store follows it, and a
job whose process was killed is told as interrupted, its agency free to import the same files
again, which stores each employee once."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from uuid import UUID

import pytest

from domain.envelope import Actor, Role
from services.application import Talenta
from services.config import StoreConfig
from services.importing.jobs import ImportJob, ImportJobStore, Phase, job_store
from services.web.import_jobs import ImportJobs, ImportRunning, export_files
from tests.faults.exports import write_export
from tests.web.test_import import MANY, many_employees

CLERK = Actor(id="siti", role=Role.CASEWORKER, agency="kota-madiun")
# Saved in several of the importer's batches on either backend (1,000 at most per batch).
SEVERAL_BATCHES = 4_000


def export(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    many_employees(folder / "data_utama.csv")
    return folder


def ended(job: ImportJob) -> ImportJob:
    deadline = time.monotonic() + 300
    while job.running:
        assert time.monotonic() < deadline, "the import did not end"
        time.sleep(0.05)
    return job


def test_one_import_per_agency_runs_at_a_time(tmp_path: Path) -> None:
    app = Talenta(StoreConfig(f"sqlite:///{tmp_path / 'talenta.sqlite'}"))
    jobs = ImportJobs(job_store(app))
    try:
        first_folder = export(tmp_path, "first")
        first = ImportJob(owner="siti", agency="kota-madiun", files=("data_utama.csv",))
        jobs.start(app, first_folder, export_files(first_folder), first, CLERK, None)
        second_folder = export(tmp_path, "second")
        second = ImportJob(owner="siti", agency="kota-madiun", files=("data_utama.csv",))
        with pytest.raises(ImportRunning):
            jobs.start(app, second_folder, export_files(second_folder), second, CLERK, None)
        running = jobs.running_for("kota-madiun")
        assert running is not None and running.id == first.id
        ended(first)
        assert (first.phase, first.done, first.total) == (Phase.DONE, MANY, MANY)
        assert first.report is not None and first.report.created == MANY
        assert not first_folder.exists(), "the uploaded files are removed once imported"

        jobs.start(app, second_folder, export_files(second_folder), second, CLERK, None)
        again = ended(second).report
        assert again is not None and again.unchanged == MANY, "importing again changes nothing"
        kept = jobs.of(second.id, "siti")
        assert kept is not None and kept.report == second.report
        assert jobs.of(second.id, "asesor") is None, "another user's import is not theirs"
    finally:
        app.close()


def test_an_import_failing_on_the_server_tells_why_in_both_languages(tmp_path: Path) -> None:
    app = Talenta(StoreConfig(f"sqlite:///{tmp_path / 'talenta.sqlite'}"))
    try:
        folder = export(tmp_path, "gone")
        files = export_files(folder)
        (folder / "data_utama.csv").unlink()  # lost before the import reads it
        job = ImportJob(owner="siti", agency="kota-madiun", files=("data_utama.csv",))
        jobs = ImportJobs(job_store(app))
        jobs.start(app, folder, files, job, CLERK, None)

        assert ended(job).phase is Phase.FAILED
        assert jobs.running_for("kota-madiun") is None
        assert job.failure is not None
        assert job.failure.id.startswith("impor gagal karena kesalahan di server")
        assert job.failure.en.startswith("the import failed on a server error")
    finally:
        app.close()


def stored_events(app: Talenta) -> dict[UUID, int]:
    """How many events each aggregate of the store holds."""
    counts: dict[UUID, int] = {}
    for notification in app.recorder.select_notifications(start=1, limit=1_000_000):
        counts[notification.originator_id] = counts.get(notification.originator_id, 0) + 1
    return counts


def watched(jobs: ImportJobs, job_id: UUID, until: Callable[[ImportJob], bool]) -> ImportJob:
    deadline = time.monotonic() + 300
    while True:
        job = jobs.of(job_id, "siti")
        assert job is not None, "the job is not seen"
        if until(job):
            return job
        assert time.monotonic() < deadline, f"the job stayed {job.phase} at {job.done}"
        time.sleep(0.01)


def test_a_job_started_by_one_process_is_followed_from_another(
    store: StoreConfig, tmp_path: Path
) -> None:
    """Two application instances on one database, as two API processes are: the second sees
    the first's job run, refuses a second import of the agency meanwhile, and reads the same
    report once it ends."""
    first, second = Talenta(store), Talenta(store)
    try:
        here, there = ImportJobs(job_store(first)), ImportJobs(job_store(second))
        folder = tmp_path / "export"
        write_export(folder, SEVERAL_BATCHES)
        job = ImportJob(owner="siti", agency="kota-madiun", files=("data_utama.csv",))
        here.start(first, folder, export_files(folder), job, CLERK, None)

        seen = watched(there, job.id, lambda j: j.running)
        running = there.running_for("kota-madiun")
        assert running is not None and running.id == job.id
        other = tmp_path / "other"
        write_export(other, 10)
        with pytest.raises(ImportRunning):
            again = ImportJob(owner="siti", agency="kota-madiun", files=("data_utama.csv",))
            there.start(second, other, export_files(other), again, CLERK, None)
        assert other.exists(), "a refused start leaves the upload to whoever refused it"

        part_way = watched(there, job.id, lambda j: j.phase is Phase.DONE or j.done > 0)
        assert part_way.phase is Phase.SAVING, "the second process saw the saving run"
        assert 0 < part_way.done < part_way.total == SEVERAL_BATCHES
        seen = watched(there, job.id, lambda j: not j.running)
        ended(job)
        assert (seen.phase, seen.done, seen.total) == (Phase.DONE, SEVERAL_BATCHES, SEVERAL_BATCHES)
        assert seen.report == job.report
        assert seen.report is not None and seen.report.created == SEVERAL_BATCHES
        assert there.running_for("kota-madiun") is None
    finally:
        first.close()
        second.close()


def test_a_job_whose_process_is_killed_is_told_as_interrupted_and_completed_by_a_rerun(
    store: StoreConfig, tmp_path: Path
) -> None:
    """The serving process is killed (SIGKILL) between two of the import's saves; the process
    serving the store next tells the job as interrupted once its beat stops, removes its
    uploads, and lets the same files be imported again: each employee is then stored once."""
    export = tmp_path / "export"
    write_export(export, SEVERAL_BATCHES)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.import_job_process", store.url, str(export)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).parents[2],
    )
    restarted = Talenta(store)
    try:
        assert process.stdout is not None
        job_id, folder = process.stdout.readline().decode().split()
        running = ImportJobs(job_store(restarted))
        part_way = watched(running, UUID(job_id), lambda j: j.done > 0 or not j.running)
        process.kill()
        process.wait(30)
        # Told as interrupted a second after its last beat rather than the usual half-minute.
        jobs = ImportJobs(job_store(restarted, stale_after=timedelta(seconds=1)))
        assert part_way.phase is Phase.SAVING and part_way.done < part_way.total
        stored = len(stored_events(restarted))
        assert 0 < stored < SEVERAL_BATCHES, "killed between the import's saves"

        interrupted = watched(jobs, UUID(job_id), lambda j: not j.running)
        assert interrupted.phase is Phase.INTERRUPTED
        assert interrupted.failure is not None
        assert interrupted.failure.id.startswith("impor terputus")
        assert "import the same files again" in interrupted.failure.en
        assert not Path(folder).exists(), "the killed process's uploads are removed"
        assert jobs.running_for("kota-madiun") is None

        rerun = ImportJob(owner="siti", agency="kota-madiun", files=("data_utama.csv",))
        jobs.start(restarted, export, export_files(export), rerun, CLERK, None)
        report = ended(rerun).report
        assert report is not None and rerun.phase is Phase.DONE
        assert (report.created, report.unchanged) == (SEVERAL_BATCHES - stored, stored)
        events = stored_events(restarted)
        assert len(events) == SEVERAL_BATCHES
        assert set(events.values()) == {1}, "no employee stored twice"
    finally:
        if process.poll() is None:
            process.kill()
        restarted.close()


def test_processes_opening_one_store_at_once_all_get_its_jobs(store: StoreConfig) -> None:
    """As API processes started together do: each creates the table if it is missing."""
    apps = [Talenta(store) for _ in range(6)]
    try:
        start = threading.Barrier(len(apps))
        opened: list[ImportJobStore] = []

        def open_jobs(app: Talenta) -> None:
            start.wait()
            opened.append(job_store(app))

        threads = [threading.Thread(target=open_jobs, args=(app,)) for app in apps]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert len(opened) == len(apps), "a process failed to open the jobs"
        job = ImportJob(owner="siti", agency="kota-madiun", files=("data_utama.csv",))
        assert opened[0].create(job)
        assert all(jobs.running_for("kota-madiun") == job for jobs in opened)
    finally:
        for app in apps:
            app.close()
