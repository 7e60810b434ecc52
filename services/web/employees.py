"""Employees in the browser: the search by NIP or name over the directory read model, and an
employee's page (the record, the position history, the audit timeline, and the scouting
eligibility check for a level and a date with every requirement's result, evidence and
citation). What is shown passes the personal-data filter for the reader's role, as every API
answer does, and a full-record read by anyone but a caseworker is recorded."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.agencies import get_agency
from domain.envelope import Actor
from domain.rules.core import RuleRefusal
from domain.values import InvalidValue, PositionLevel
from projections.directory import DirectoryRow
from services.agency_bounds import acting_as
from services.application import NotFound, Talenta
from services.audit.timeline import READERS, Subject, timeline
from services.auth import AuthError
from services.eligibility import EmployeeEligibility, check_scouting
from services.personal_data import WITHHELD_OUTCOME, PersonalField, needs, shown
from services.personal_data_reads import record_reads
from services.refusals import Refusal
from services.web.attempt import Refused
from services.web.exports import csv_answer
from services.web.frame import page
from services.web.names import staff
from services.web.rounds import nip_shown
from services.web.session import SignedIn

router = APIRouter(include_in_schema=False)


def matching(rows: list[DirectoryRow], query: str) -> list[DirectoryRow]:
    """By NIP (its digits, spaces ignored) or by a part of the name, in any case."""
    wanted = query.strip().casefold()
    digits = wanted.replace(" ", "")
    if not wanted:
        return rows
    if digits.isdigit():
        return [row for row in rows if digits in row.nip]
    return [row for row in rows if wanted in row.name.casefold()]


@router.get("/staff")
def search(request: Request, me: SignedIn, q: str = "", format: str = "") -> Response:
    listed = staff(request, me.actor.agency).by_name()
    rows = matching(listed, q)
    # Searching by digits a role may not see would tell it whose NIP they spell.
    if q.strip().replace(" ", "").isdigit() and PersonalField.NIP not in needs(me.actor.role):
        rows = []
    if format == "csv":
        exported = shown([row.model_dump(mode="json") for row in rows], me.actor.role)
        return csv_answer(exported, DirectoryRow, "employees")
    return page(
        request,
        "employees.html",
        me=me,
        q=q,
        rows=rows,
        shown=lambda nip: nip_shown(nip, me.actor.role),
        linked=PersonalField.NIP in needs(me.actor.role),
    )


@router.get("/staff/{nip}")
def employee(
    request: Request,
    me: SignedIn,
    nip: str,
    level: PositionLevel | None = None,
    on: date | None = None,
) -> Response:
    app: Talenta = request.app.state.context.app
    actor = me.actor
    try:
        found = _facts(app, actor, nip)
    except (NotFound, InvalidValue) as error:
        missing = Refused(404, "not-found", error.message.id, error.message.en)
        return page(request, "message.html", 404, me=me, title="", refused=missing)
    except AuthError as error:  # an NIP no agency of the reader's employs
        outside = Refused.of(Refusal(error.status, error.code, error.message))
        return page(request, "message.html", error.status, me=me, title="", refused=outside)
    agency = found.agency
    record = shown(found.model_dump(mode="json"), actor.role)
    events = _timeline(app, actor, str(found.nip))
    day = on or get_agency(agency).local_date(datetime.now(UTC))
    checked: Any = None
    if level is not None:
        try:
            checked = _eligibility(check_scouting([found], agency, level, day)[0], actor)
        except RuleRefusal as error:
            checked = Refused(422, error.code, error.message.id, error.message.en)
    record_reads(app, actor, agency, [str(found.nip)], "web GET /staff/{nip}")
    return page(
        request,
        "employee.html",
        me=me,
        nip=str(found.nip),
        nip_text=nip_shown(str(found.nip), actor.role),
        record=record,
        events=events,
        levels=list(PositionLevel),
        level=level,
        day=day,
        checked=checked,
    )


def _facts(app: Talenta, actor: Actor, nip: str) -> Any:
    """An NIP another agency employs is answered as one no agency employs."""
    with acting_as(actor):
        return app.facts(nip)


def _timeline(app: Talenta, actor: Actor, nip: str) -> list[dict[str, Any]] | None:
    """The audit timeline, for the roles that read the auditors' answers; None for the others."""
    if actor.role not in READERS:
        return None
    found = timeline(app, Subject.EMPLOYEE, nip, actor)
    events: list[dict[str, Any]] = shown(found.model_dump(mode="json")["events"], actor.role)
    return events


def _eligibility(checked: EmployeeEligibility, actor: Actor) -> dict[str, Any]:
    """The check as the role may see it; the verdict too is withheld when a requirement is,
    since it would tell the outcome of the withheld one."""
    result: dict[str, Any] = shown(checked.result.model_dump(mode="json"), actor.role)
    withheld = any(r.get("outcome") == WITHHELD_OUTCOME for r in result["requirements"])
    result["eligible"] = None if withheld else checked.eligible
    return result
