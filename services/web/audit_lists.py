"""The auditor's lists of the agency's own records of access: every refused command (by date and
command) and every recorded read of a full personnel record (by NIP), each downloadable as CSV,
for the auditors and administrators the API lets read them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from urllib.parse import urlencode
from uuid import UUID
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from domain.agencies import get_agency
from domain.values import Nip
from projections.access import AccessProjection, ReadRow, RefusalRow
from projections.access import reads as all_reads
from services.api.access import AUDITORS
from services.api.context import context, fresh_context
from services.audit.events import AuditEvent
from services.audit.refusals import RefusalWhy, list_refusals, refusal_why
from services.permissions import Forbidden
from services.personal_data_reads import record_reads
from services.web.auditor import SHOWN, answered, day, json_for, no_such_list
from services.web.exports import csv_answer
from services.web.frame import page
from services.web.kept_reads import kept
from services.web.session import SignedIn, WebUser

router = APIRouter(prefix="/auditor", include_in_schema=False)


def _allowed(me: WebUser, what: str) -> None:
    if me.actor.role not in AUDITORS:
        raise Forbidden(what, me.actor, frozenset(AUDITORS))


@router.get("/refusals")
def refusals(
    request: Request,
    me: SignedIn,
    since: str = "",
    until: str = "",
    command: str = "",
    format: str = "",
) -> Response:
    """``since``, ``until``: days as a date field sends them, empty when not chosen."""

    def listed() -> list[RefusalRow]:
        _allowed(me, "read refusals")
        view = fresh_context(request).documents
        first, last = day(since), day(until)
        return list_refusals(view, me.actor.agency, first, last, command or None)

    found = answered(request, me, listed)
    if isinstance(found, Response):
        return found
    rows = json_for(list(reversed(found)), me.actor.role)  # the latest first
    if format == "csv":
        return csv_answer(rows, RefusalRow, "refusals")
    asked = {"since": since, "until": until, "command": command}
    return page(
        request,
        "audit_refusals.html",
        me=me,
        rows=rows,
        local=_local_time(me),
        asked=asked,
        csv="/auditor/refusals?" + urlencode({**asked, "format": "csv"}),
    )


@router.get("/refusals/{refusal_id}")
def refusal(
    request: Request, me: SignedIn, refusal_id: UUID, format: str = "", trail: int = 0
) -> Response:
    """Why a command was refused: the record, its rule evaluated again against the store as it
    stood then, and the events of each record of the agency it named up to that moment (the
    ``trail``-th of them, from 1, as CSV with ``format=csv``); an employee's record shown is a
    recorded read, as in the API."""
    app = context(request).app

    def explained() -> RefusalWhy:
        _allowed(me, "read refusals")
        return refusal_why(app, refusal_id, me.actor)

    found = answered(request, me, explained)
    if isinstance(found, Response):
        return found
    nips = [trail.nip for trail in found.subjects if trail.nip and trail.events]
    record_reads(app, me.actor, me.actor.agency, nips, "web GET /auditor/refusals/{refusal_id}")
    why = json_for(found, me.actor.role)
    if format == "csv":
        if not 1 <= trail <= len(why["subjects"]):
            return no_such_list(request, me)
        return csv_answer(why["subjects"][trail - 1]["events"], AuditEvent, "refusal-record")
    return page(
        request,
        "audit_refusal.html",
        me=me,
        why=why,
        local=_local_time(me),
        csv=f"/auditor/refusals/{refusal_id}?format=csv",
    )


def _reads(request: Request, agency: str) -> tuple[ReadRow, ...]:
    """The agency's recorded reads, kept per position of the access read model: a list that
    grows with every auditor's answer is read and validated once per new read, not per page."""
    models = fresh_context(request)
    found, position = kept(models, AccessProjection)
    return found.answer(
        position, ("reads", agency), lambda: tuple(all_reads(models.documents, agency))
    )


@router.get("/reads")
def reads(
    request: Request,
    me: SignedIn,
    nip: str = "",
    format: str = "",
    latest: Annotated[int, Query(ge=1)] = SHOWN,
) -> Response:
    """``latest``: how many of the latest reads the page shows (the CSV holds them all)."""

    def listed() -> list[ReadRow]:
        _allowed(me, "read the record of reads")
        wanted = str(Nip(nip)) if nip else None
        return [row for row in _reads(request, me.actor.agency) if wanted in (None, row.nip)]

    found = answered(request, me, listed)
    if isinstance(found, Response):
        return found
    newest = list(reversed(found))
    if format == "csv":
        return csv_answer(json_for(newest, me.actor.role), ReadRow, "personal-data-reads")
    more = len(newest) > latest
    return page(
        request,
        "audit_reads.html",
        me=me,
        rows=json_for(newest[:latest], me.actor.role),
        total=len(newest),
        more="/auditor/reads?" + urlencode({"nip": nip, "latest": latest + SHOWN}) if more else "",
        local=_local_time(me),
        nip=nip,
        csv="/auditor/reads?" + urlencode({"nip": nip, "format": "csv"}),
    )


def _local_time(me: WebUser) -> Any:
    """An ISO moment as the agency's clock showed it, to the second."""
    zone = ZoneInfo(get_agency(me.actor.agency).time_zone)
    return lambda moment: (
        datetime.fromisoformat(moment).astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
    )
