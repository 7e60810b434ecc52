"""An agency's export imported in the background of the serving process: the uploaded files
saved to a folder of their own (a zip's CSV files taken out of it), the import's progress as the
importer reports it (the seam the command line's progress bar uses), and the report kept for the
user who started it, in the store's database (services/importing/jobs.py), where the pages of
every process serving the store read it."""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import IO
from uuid import UUID

from eventsourcing.persistence import PersistenceError

from domain.bilingual import Bilingual, Message, said
from domain.envelope import Actor
from services.application import Talenta
from services.importing import ImportInterrupted, PersonnelFiles, import_personnel
from services.importing.files import NotAnExport
from services.importing.jobs import BEAT, FOLDER_PREFIX, ImportJob, ImportJobStore, Phase

log = logging.getLogger(__name__)

# What a zip may unpack to: its headers may claim less than it holds (a zip bomb).
MAX_UNZIPPED_BYTES = 1_000_000_000


class UploadRefused(Bilingual, ValueError):
    """The upload is not an export."""

    def __init__(self, indonesian: str, english: str) -> None:
        super().__init__(Message(id=indonesian, en=english))


class ImportRunning(RuntimeError):
    """An import of the same agency runs already."""


def save_export(uploads: Iterable[tuple[str, IO[bytes]]], folder: Path) -> tuple[str, ...]:
    """Writes the uploaded CSV files, and those inside an uploaded zip, into ``folder`` under
    their own names (no folders of theirs): the names the importer finds its files by."""
    names: list[str] = []
    for filename, content in uploads:
        name = Path(filename.replace("\\", "/")).name
        if name.lower().endswith(".zip"):
            names += _unzipped(name, content, folder)
        elif name.lower().endswith(".csv"):
            names.append(_written(folder, name, content, None))
        else:
            raise UploadRefused(
                f"{name}: bukan berkas CSV atau zip", f"{name}: not a CSV file or a zip of them"
            )
    if not names:
        raise UploadRefused("tidak ada berkas yang diunggah", "no file was uploaded")
    return tuple(names)


def _unzipped(name: str, content: IO[bytes], folder: Path) -> list[str]:
    try:
        archive = zipfile.ZipFile(content)
    except zipfile.BadZipFile:
        raise UploadRefused(f"{name}: bukan zip yang utuh", f"{name}: not a readable zip") from None
    budget = [MAX_UNZIPPED_BYTES]
    written: list[str] = []
    with archive:
        for member in archive.infolist():
            inner = Path(member.filename).name
            hidden = inner.startswith(".") or "__MACOSX" in member.filename
            if member.is_dir() or hidden or not inner.lower().endswith(".csv"):
                continue
            with archive.open(member) as source:
                written.append(_written(folder, inner, source, budget))
    if not written:
        raise UploadRefused(f"{name}: tidak berisi berkas CSV", f"{name}: holds no CSV file")
    return written


def _written(folder: Path, name: str, source: IO[bytes], budget: list[int] | None) -> str:
    target = folder / name
    if target.exists():
        raise UploadRefused(f"{name}: diunggah dua kali", f"{name}: uploaded twice")
    with target.open("wb") as out:
        while chunk := source.read(1 << 20):
            if budget is not None:
                budget[0] -= len(chunk)
                if budget[0] < 0:
                    raise UploadRefused(
                        f"isi zip melebihi {MAX_UNZIPPED_BYTES} bita",
                        f"the zip unpacks to more than {MAX_UNZIPPED_BYTES} bytes",
                    )
            out.write(chunk)
    return name


def export_files(folder: Path) -> PersonnelFiles:
    """The export's files by their usual names, refused as the command line refuses a folder."""
    try:
        return PersonnelFiles.in_directory(folder)
    except NotAnExport as error:
        # Its message names no folder: this one is the server's own, of no use to the uploader.
        raise UploadRefused(error.message.id, error.message.en) from None


class ImportJobs:
    """The imports of one store, whichever process runs them (``store``); this process runs
    those it starts, each on a thread of its own."""

    def __init__(self, store: ImportJobStore, beat: timedelta = BEAT) -> None:
        self.store = store
        self.beat = beat

    def running_for(self, agency: str) -> ImportJob | None:
        """An agency's export is imported one at a time: two at once would race on the same
        employees, and the second would fail part-way."""
        return self.store.running_for(agency)

    def of(self, job_id: UUID, owner: str) -> ImportJob | None:
        job = self.store.get(job_id)
        return job if job is not None and job.owner == owner else None

    def start(
        self,
        app: Talenta,
        folder: Path,
        files: PersonnelFiles,
        job: ImportJob,
        actor: Actor,
        effective: date | None,
    ) -> ImportJob:
        """Runs the import on a thread of its own; ``folder`` is removed once it ends."""
        job.folder = str(folder)
        if not self.store.create(job):
            raise ImportRunning(job.agency)  # started meanwhile by another request or process
        thread = threading.Thread(
            target=self._run,
            args=(app, folder, files, job, actor, effective),
            name=f"import-{job.id}",
            daemon=True,
        )
        thread.start()
        return job

    def _run(
        self,
        app: Talenta,
        folder: Path,
        files: PersonnelFiles,
        job: ImportJob,
        actor: Actor,
        effective: date | None,
    ) -> None:
        alive = threading.Event()
        threading.Thread(
            target=self._beating, args=(job.id, alive), name=f"import-{job.id}-beat", daemon=True
        ).start()

        def progress(done: int, total: int) -> None:
            job(done, total)
            self._keep(job)

        failure: Message | None = None
        try:
            report = import_personnel(app, files, job.agency, actor, effective, progress)
        except ImportInterrupted as error:
            failure = said(error)
        except Exception:
            log.exception("import %s failed", job.id)
            failure = Message(
                id="impor gagal karena kesalahan di server; pegawai yang sudah tersimpan utuh, "
                "impor ulang berkas yang sama untuk menyelesaikannya",
                en="the import failed on a server error; the employees saved so far are whole, "
                "import the same files again to complete it",
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            alive.set()
        # The job ends only once its uploaded files are gone: whoever sees it ended sees them
        # gone; and it ends here once it ended in the store, so that whoever sees it ended may
        # start the agency's next import.
        if failure is None:
            outcome = replace(job, report=report, phase=Phase.DONE)
        else:
            outcome = replace(job, failure=failure, phase=Phase.FAILED)
        self._keep(outcome)
        job.report, job.failure, job.phase = outcome.report, outcome.failure, outcome.phase

    def _beating(self, job_id: UUID, ended: threading.Event) -> None:
        while not ended.wait(self.beat.total_seconds()):
            try:
                self.store.beat(job_id)
            except PersistenceError:
                log.warning("import %s: its beat was not kept", job_id, exc_info=True)

    def _keep(self, job: ImportJob) -> None:
        """The job as it stands, for every process's pages. A store that cannot be reached
        does not stop the import: its saves tell the store's state themselves."""
        try:
            self.store.update(job)
        except PersistenceError:
            log.warning("import %s: its progress was not kept", job.id, exc_info=True)


def new_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
