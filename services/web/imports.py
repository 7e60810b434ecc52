"""The import page: a caseworker uploads the agency's SIASN/SIMPEG export (its CSV files, several
at once, or a zip of them); the import runs in the background while the page polls its progress,
then shows the counts and every refused row with its file, line and reason, downloadable as CSV.
The good rows are stored; a refused import (not a caseworker, not an export) wrote nothing and is
recorded like the command line's refused import."""

from __future__ import annotations

import shutil
from datetime import date
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel
from starlette.datastructures import UploadFile

from domain.envelope import Actor
from services.api.context import context
from services.api.limits import MAX_IMPORT_BYTES
from services.application import Talenta
from services.audit.refusals import record_refusal
from services.importing import may_import
from services.importing.jobs import ImportJob
from services.importing.load import ImportNotAllowed
from services.web.attempt import Refused
from services.web.exports import csv_answer
from services.web.frame import page, see_other
from services.web.import_jobs import (
    ImportJobs,
    ImportRunning,
    UploadRefused,
    export_files,
    new_folder,
    save_export,
)
from services.web.session import PostedForm, SignedIn, WebUser

router = APIRouter(include_in_schema=False)
COMMAND = "import_personnel"


class RefusedRow(BaseModel):
    file: str
    line: int
    nip: str
    message: str
    message_en: str


def jobs(request: Request) -> ImportJobs:
    found: ImportJobs = request.app.state.import_jobs
    return found


@router.get("/import")
def form(request: Request, me: SignedIn) -> Response:
    return _form(request, me)


def _form(request: Request, me: WebUser, refused: Refused | None = None) -> Response:
    return page(
        request,
        "import.html",
        refused.status if refused else 200,
        me=me,
        refused=refused,
        running=jobs(request).running_for(me.actor.agency),
        limit_mb=MAX_IMPORT_BYTES // 1_000_000,
        here="/import",
    )


@router.post("/import")
def start(request: Request, me: SignedIn, posted: PostedForm) -> Response:
    app: Talenta = context(request).app
    uploads = [
        (upload.filename, upload.file)
        for upload in posted.getlist("files")
        if isinstance(upload, UploadFile) and upload.filename
    ]
    effective = str(posted.get("effective") or "")
    body: dict[str, Any] = {"agency": me.actor.agency, "files": [name for name, _ in uploads]}
    body |= {"effective": effective} if effective else {}
    running = jobs(request).running_for(me.actor.agency)
    if running is not None:
        # Not a refusal of the import itself: the same files can be sent once this one ends.
        return _form(request, me, _running())
    folder = new_folder()
    try:
        may_import(me.actor)
        on = date.fromisoformat(effective) if effective else None
        names = save_export(uploads, folder)
        files = export_files(folder)
    except (PermissionError, UploadRefused, ValueError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        refused = _refused(error)
        _record(app, me.actor, body, refused)
        return _form(request, me, refused)
    job = ImportJob(owner=me.user.username, agency=me.actor.agency, files=names)
    try:
        jobs(request).start(app, folder, files, job, me.actor, on)
    except ImportRunning:
        shutil.rmtree(folder, ignore_errors=True)
        return _form(request, me, _running())
    return see_other(request, f"/import/{job.id}")


@router.get("/import/{job_id}")
def job_page(request: Request, me: SignedIn, job_id: UUID) -> Response:
    job = _job(request, me, job_id)
    if isinstance(job, Response):
        return job
    return page(request, "import_job.html", me=me, job=job)


@router.get("/import/{job_id}/progress")
def progress(request: Request, me: SignedIn, job_id: UUID) -> Response:
    """The progress bar, polled by the page; once the import ends, its report, which polls no
    more."""
    job = _job(request, me, job_id)
    if isinstance(job, Response):
        return job
    return page(request, "import_progress.html", me=me, job=job)


@router.get("/import/{job_id}/refused.csv")
def refused_csv(request: Request, me: SignedIn, job_id: UUID) -> Response:
    job = _job(request, me, job_id)
    if isinstance(job, Response):
        return job
    errors = job.report.errors if job.report else []
    rows = [
        RefusedRow(
            file=error.file,
            line=error.line,
            nip=error.nip,
            message=error.reason.id,
            message_en=error.reason.en,
        )
        for error in errors
    ]
    return csv_answer([row.model_dump() for row in rows], RefusedRow, "import-refused-rows")


def _job(request: Request, me: WebUser, job_id: UUID) -> ImportJob | Response:
    """The user's own import, whichever process runs it: another's is not found."""
    job = jobs(request).of(job_id, me.user.username)
    if job is None:
        missing = Refused(404, "not-found", "impor tidak ditemukan", "no such import")
        return page(request, "message.html", 404, me=me, title="", refused=missing)
    return job


def _refused(error: Exception) -> Refused:
    if isinstance(error, ImportNotAllowed):
        return Refused(403, "forbidden", error.message.id, error.message.en)
    if isinstance(error, UploadRefused):
        return Refused(422, "invalid-upload", error.message.id, error.message.en)
    return Refused(422, "invalid-value", "tanggal berlaku tidak sah", "not a valid effective date")


def _running() -> Refused:
    return Refused(
        409,
        "import-running",
        "impor instansi ini sedang berjalan; tunggu sampai selesai",
        "an import of this agency is running; wait until it ends",
    )


def _record(app: Talenta, actor: Actor, body: dict[str, Any], refused: Refused) -> None:
    record_refusal(
        app,
        actor,
        COMMAND,
        "web",
        body,
        refused.status,
        refused.code,
        refused.citation,
        refused.message,
        refused.message_en,
    )
