"""An import run in the background, as every process serving the store sees it: its files, its
progress, its report or why it stopped, kept in a table of the application's own database beside
the log (either backend). A page served by any API process reads it there, and a job outlives the
process that ran it.

The process running a job beats on it while it runs; a job whose beat stopped (its process was
killed or restarted) is told as interrupted, and an agency's next import may then start. Every
save of the importer is atomic and importing the same files again records nothing for the
employees already stored, so the caseworker completes an interrupted import by starting it again.
"""

from __future__ import annotations

import shutil
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, InternalError
from eventsourcing.postgres import PostgresDatastore, PostgresFactory
from eventsourcing.sqlite import SQLiteDatastore, SQLiteFactory
from psycopg.sql import SQL, Identifier
from pydantic import TypeAdapter

from domain.bilingual import Message
from services.importing.report import ImportReport

# How often a running job's process says it is alive, and how long a silence ends the job.
BEAT = timedelta(seconds=5)
STALE_AFTER = timedelta(seconds=30)
KEPT_JOBS = 50  # ended jobs kept per agency, the oldest forgotten first
CREATE_ATTEMPTS = 3  # tries at creating the table while other processes create it too
FOLDER_PREFIX = "talenta-import-"  # the uploads' folders, removed with an interrupted job

INTERRUPTED = Message(
    id="impor terputus karena server berhenti; pegawai yang sudah tersimpan utuh dan tidak "
    "akan tersimpan dua kali, impor ulang berkas yang sama untuk menyelesaikannya",
    en="the import was cut off when the server stopped; the employees saved so far are whole "
    "and are not saved twice: import the same files again to complete it",
)


class Phase(StrEnum):
    CHECKING = "checking"  # every row is checked before anything is saved
    SAVING = "saving"
    DONE = "done"
    FAILED = "failed"
    INTERRUPTED = "interrupted"  # its process stopped before it ended


RUNNING = (Phase.CHECKING, Phase.SAVING)


@dataclass
class ImportJob:
    owner: str
    agency: str
    files: tuple[str, ...]
    id: UUID = field(default_factory=uuid4)
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    phase: Phase = Phase.CHECKING
    done: int = 0
    total: int = 0
    report: ImportReport | None = None
    failure: Message | None = None  # why a failed or interrupted import stopped
    folder: str = ""  # where its uploaded files wait, on the server running it

    def __call__(self, done: int, total: int) -> None:
        """The importer's progress: its first report says saving begins."""
        self.phase, self.done, self.total = Phase.SAVING, done, total

    @property
    def running(self) -> bool:
        return self.phase in RUNNING


_REPORT = TypeAdapter(ImportReport)
_FILES = TypeAdapter(tuple[str, ...])
COLUMNS = "id, owner, agency, files, started, phase, done, total, report, failure, folder, beat"


class ImportJobStore(ABC):
    """The jobs of one store. Times are kept as UTC ISO text to the microsecond, so that text
    order is time order on both backends."""

    def __init__(self, stale_after: timedelta = STALE_AFTER) -> None:
        self.stale_after = stale_after

    def create(self, job: ImportJob) -> bool:
        """Keeps the new job unless one of its agency runs: False then, and nothing is kept."""
        row = _row(job)
        if not self._insert(row) and (
            self.running_for(job.agency) is not None or not self._insert(row)
        ):
            return False
        self._forget_ended(job.agency)
        return True

    def update(self, job: ImportJob) -> None:
        """Keeps the job's progress, or its outcome once it ended, and says its process is
        alive. The progress of a job told as interrupted meanwhile is not kept: its agency may
        run another import by now."""
        self._update(_row(job), ended=not job.running)

    def beat(self, job_id: UUID) -> None:
        self._beat(str(job_id), _now())

    def get(self, job_id: UUID) -> ImportJob | None:
        rows = self._select("id = {}", str(job_id))
        if rows and self._stale(rows[0]):
            rows = self._select("id = {}", str(job_id))
        return _job(rows[0]) if rows else None

    def running_for(self, agency: str) -> ImportJob | None:
        rows = self._select("agency = {} AND phase IN ('checking', 'saving')", agency)
        if rows and self._stale(rows[0]):
            rows = self._select("agency = {} AND phase IN ('checking', 'saving')", agency)
        return _job(rows[0]) if rows else None

    def _stale(self, row: Any) -> bool:
        """Whether the job is told as running though its process fell silent; it is then
        marked interrupted, with every other such job (a write only when one is found)."""
        cutoff = _text(datetime.now(UTC) - self.stale_after)
        if row["phase"] not in RUNNING or row["beat"] >= cutoff:
            return False
        self._interrupt_stale(cutoff)
        return True

    def _interrupt_stale(self, cutoff: str) -> None:
        failure = INTERRUPTED.model_dump_json()
        for folder in self._interrupt(cutoff, failure):
            # The uploads of a process that stopped; a folder on another server is not here.
            if folder and Path(folder).name.startswith(FOLDER_PREFIX):
                shutil.rmtree(folder, ignore_errors=True)

    @abstractmethod
    def _insert(self, row: dict[str, Any]) -> bool: ...

    @abstractmethod
    def _update(self, row: dict[str, Any], ended: bool) -> None: ...

    @abstractmethod
    def _beat(self, job_id: str, now: str) -> None: ...

    @abstractmethod
    def _select(self, where: str, value: str) -> Sequence[Any]: ...

    @abstractmethod
    def _interrupt(self, cutoff: str, failure: str) -> list[str]:
        """Marks the running jobs last heard of before ``cutoff`` interrupted; their folders."""

    @abstractmethod
    def _forget_ended(self, agency: str) -> None: ...


_TABLE = (
    "CREATE TABLE IF NOT EXISTS {table} ("
    "id TEXT PRIMARY KEY, owner TEXT NOT NULL, agency TEXT NOT NULL, files TEXT NOT NULL, "
    "started TEXT NOT NULL, phase TEXT NOT NULL, done INTEGER NOT NULL, total INTEGER NOT NULL, "
    "report TEXT, failure TEXT, folder TEXT NOT NULL, beat TEXT NOT NULL)"
)
# One running job per agency, whichever process starts it: two would race on its employees.
_ONE_RUNNING = (
    "CREATE UNIQUE INDEX IF NOT EXISTS {index} ON {table} (agency) "
    "WHERE phase IN ('checking', 'saving')"
)
_INSERT = "INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT DO NOTHING RETURNING id"
_UPDATE = (
    "UPDATE {table} SET phase = {p}, done = {p}, total = {p}, report = {p}, failure = {p}, "
    "beat = {p} WHERE id = {p} AND ({p} OR phase IN ('checking', 'saving'))"
)
_BEAT = "UPDATE {table} SET beat = {p} WHERE id = {p} AND phase IN ('checking', 'saving')"
_INTERRUPT = (
    "UPDATE {table} SET phase = 'interrupted', failure = {p} "
    "WHERE phase IN ('checking', 'saving') AND beat < {p} RETURNING folder"
)
_SELECT = "SELECT {columns} FROM {table} WHERE {where}"
_FORGET = (
    "DELETE FROM {table} WHERE agency = {p} AND phase NOT IN ('checking', 'saving') AND id NOT IN "
    "(SELECT id FROM {table} WHERE agency = {p} AND phase NOT IN ('checking', 'saving') "
    "ORDER BY started DESC LIMIT {p})"
)
_NAMES = COLUMNS.split(", ")


class SQLiteImportJobs(ImportJobStore):
    def __init__(self, datastore: SQLiteDatastore, stale_after: timedelta = STALE_AFTER) -> None:
        super().__init__(stale_after)
        self.datastore = datastore
        with datastore.transaction(commit=True) as c:
            c.execute(_TABLE.format(table="import_jobs"))
            c.execute(_ONE_RUNNING.format(index="import_jobs_running", table="import_jobs"))

    def _insert(self, row: dict[str, Any]) -> bool:
        statement = _INSERT.format(table="import_jobs", columns=COLUMNS, values=_marks(len(row)))
        with self.datastore.transaction(commit=True) as c:
            c.execute(statement, [row[name] for name in _NAMES])
            return c.fetchone() is not None

    def _update(self, row: dict[str, Any], ended: bool) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute(_UPDATE.format(table="import_jobs", p="?"), [*_updated(row), ended])

    def _beat(self, job_id: str, now: str) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute(_BEAT.format(table="import_jobs", p="?"), [now, job_id])

    def _select(self, where: str, value: str) -> Sequence[Any]:
        statement = _SELECT.format(columns=COLUMNS, table="import_jobs", where=where.format("?"))
        with self.datastore.transaction(commit=False) as c:
            c.execute(statement, [value])
            return list(c.fetchall())

    def _interrupt(self, cutoff: str, failure: str) -> list[str]:
        with self.datastore.transaction(commit=True) as c:
            c.execute(_INTERRUPT.format(table="import_jobs", p="?"), [failure, cutoff])
            return [row["folder"] for row in c.fetchall()]

    def _forget_ended(self, agency: str) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute(_FORGET.format(table="import_jobs", p="?"), [agency, agency, KEPT_JOBS])


class PostgresImportJobs(ImportJobStore):
    def __init__(self, datastore: PostgresDatastore, stale_after: timedelta = STALE_AFTER) -> None:
        super().__init__(stale_after)
        self.datastore = datastore
        self.table = Identifier(datastore.schema, "import_jobs")
        for attempt in range(CREATE_ATTEMPTS):
            try:
                self._create()
                return
            except (IntegrityError, InternalError):
                # API processes started together race on CREATE ... IF NOT EXISTS; the loser is
                # refused, and the table then exists.
                if attempt == CREATE_ATTEMPTS - 1:
                    raise

    def _create(self) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(SQL(_TABLE.format(table="{table}")).format(table=self.table))
            curs.execute(
                SQL(_ONE_RUNNING).format(index=Identifier("import_jobs_running"), table=self.table)
            )

    def _sql(self, statement: str, **parts: str) -> SQL:
        return SQL(statement.format(table="{table}", p="%s", **parts))

    def _insert(self, row: dict[str, Any]) -> bool:
        statement = self._sql(_INSERT, columns=COLUMNS, values=", ".join(["%s"] * len(row)))
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(statement.format(table=self.table), [row[name] for name in _NAMES])
            return curs.fetchone() is not None

    def _update(self, row: dict[str, Any], ended: bool) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(self._sql(_UPDATE).format(table=self.table), [*_updated(row), ended])

    def _beat(self, job_id: str, now: str) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(self._sql(_BEAT).format(table=self.table), [now, job_id])

    def _select(self, where: str, value: str) -> Sequence[Any]:
        statement = self._sql(_SELECT, columns=COLUMNS, where=where.format("%s"))
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(statement.format(table=self.table), [value])
            return curs.fetchall()

    def _interrupt(self, cutoff: str, failure: str) -> list[str]:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(self._sql(_INTERRUPT).format(table=self.table), [failure, cutoff])
            return [row["folder"] for row in curs.fetchall()]

    def _forget_ended(self, agency: str) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(self._sql(_FORGET).format(table=self.table), [agency, agency, KEPT_JOBS])


def job_store(app: Application[UUID], stale_after: timedelta = STALE_AFTER) -> ImportJobStore:
    """The jobs in the application's own database, whichever backend it is."""
    if isinstance(app.factory, SQLiteFactory):
        return SQLiteImportJobs(app.factory.datastore, stale_after)
    if isinstance(app.factory, PostgresFactory):
        return PostgresImportJobs(app.factory.datastore, stale_after)
    raise TypeError(f"no import job store for {type(app.factory).__name__}")


def _now() -> str:
    return _text(datetime.now(UTC))


def _text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _marks(count: int) -> str:
    return ", ".join(["?"] * count)


def _row(job: ImportJob) -> dict[str, Any]:
    return {
        "id": str(job.id),
        "owner": job.owner,
        "agency": job.agency,
        "files": _FILES.dump_json(job.files).decode(),
        "started": _text(job.started),
        "phase": job.phase.value,
        "done": job.done,
        "total": job.total,
        "report": None if job.report is None else _REPORT.dump_json(job.report).decode(),
        "failure": None if job.failure is None else job.failure.model_dump_json(),
        "folder": job.folder,
        "beat": _now(),
    }


def _updated(row: dict[str, Any]) -> list[Any]:
    return [row[name] for name in ("phase", "done", "total", "report", "failure", "beat", "id")]


def _job(row: Any) -> ImportJob:
    return ImportJob(
        id=UUID(row["id"]),
        owner=row["owner"],
        agency=row["agency"],
        files=_FILES.validate_json(row["files"]),
        started=datetime.fromisoformat(row["started"]),
        phase=Phase(row["phase"]),
        done=row["done"],
        total=row["total"],
        report=None if row["report"] is None else _REPORT.validate_json(row["report"]),
        failure=None if row["failure"] is None else Message.model_validate_json(row["failure"]),
        folder=row["folder"],
    )
