"""Imports in the background of the serving process: the progress the importer reports reaches
the job, one import per agency runs at a time, and a second may start once the first has ended."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from domain.envelope import Actor, Role
from services.application import Talenta
from services.config import StoreConfig
from services.web.import_jobs import ImportJob, ImportJobs, ImportRunning, Phase, export_files
from tests.web.test_import import MANY, many_employees

CLERK = Actor(id="siti", role=Role.CASEWORKER, agency="kota-madiun")


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
    jobs = ImportJobs()
    try:
        first_folder = export(tmp_path, "first")
        first = ImportJob(owner="siti", agency="kota-madiun", files=("data_utama.csv",))
        jobs.start(app, first_folder, export_files(first_folder), first, CLERK, None)
        second_folder = export(tmp_path, "second")
        second = ImportJob(owner="siti", agency="kota-madiun", files=("data_utama.csv",))
        with pytest.raises(ImportRunning):
            jobs.start(app, second_folder, export_files(second_folder), second, CLERK, None)
        assert jobs.running_for("kota-madiun") is first
        ended(first)
        assert (first.phase, first.done, first.total) == (Phase.DONE, MANY, MANY)
        assert first.report is not None and first.report.created == MANY
        assert not first_folder.exists(), "the uploaded files are removed once imported"

        jobs.start(app, second_folder, export_files(second_folder), second, CLERK, None)
        again = ended(second).report
        assert again is not None and again.unchanged == MANY, "importing again changes nothing"
        assert jobs.of(second.id, "siti") is second
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
        ImportJobs().start(app, folder, files, job, CLERK, None)

        assert ended(job).phase is Phase.FAILED
        assert job.failure is not None
        assert job.failure.id.startswith("impor gagal karena kesalahan di server")
        assert job.failure.en.startswith("the import failed on a server error")
    finally:
        app.close()
