"""The printable audit reports among the web's pages: a vacancy's (its candidates, the TPK's
session and members, every step with its actor, citations and evidence, the flags and the chain
head to print on the decree) and a nomination's. The same reports as the API's, in the site's
frame; each is a recorded read of the people in it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader, StrictUndefined

from projections.chain import Head, head_of
from services.api.context import context
from services.audit import report
from services.audit.events import AuditEvent
from services.audit.nomination import audit_nomination
from services.audit.pick import CandidateTrail, audit_pick
from services.personal_data_reads import record_reads
from services.web.auditor import Listed, answered, json_for, no_such_list
from services.web.exports import csv_answer
from services.web.frame import HERE, PAGE_HEADERS
from services.web.session import SignedIn, WebUser

router = APIRouter(prefix="/auditor/reports", include_in_schema=False)

FRAMED = Environment(
    loader=ChoiceLoader(
        [
            DictLoader({"base.html": (HERE / "templates" / "audit_report_frame.html").read_text()}),
            FileSystemLoader(Path(report.__file__).parent / "templates"),
        ]
    ),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@router.get("/vacancy/{vacancy_id}")
def vacancy(
    request: Request, me: SignedIn, vacancy_id: UUID, format: str = "", listed: Listed = "trail"
) -> Response:
    """``?format=csv&list=trail|candidates``: the vacancy's own steps or its candidates as CSV,
    a recorded read of the candidates as the report is."""
    ctx = context(request)
    via = "web GET /auditor/reports/vacancy"
    if format == "csv":
        found = answered(request, me, lambda: audit_pick(ctx.app, vacancy_id, me.actor))
        if isinstance(found, Response):
            return found
        nips = [candidate.nip for candidate in found.candidates]
        record_reads(ctx.app, me.actor, found.agency, nips, via)
        audit = json_for(found, me.actor.role)
        if listed == "candidates":
            return csv_answer(audit["candidates"], CandidateTrail, "vacancy-report-candidates")
        if listed != "trail":
            return no_such_list(request, me)
        return csv_answer(audit["timeline"], AuditEvent, "vacancy-report-trail")
    return _framed(
        request,
        me,
        lambda: report.vacancy_report(ctx.app, _head(request), vacancy_id, me.actor, via, FRAMED),
    )


@router.get("/nomination/{plan_id}/{nip}")
def nomination(
    request: Request, me: SignedIn, plan_id: UUID, nip: str, format: str = ""
) -> Response:
    """``?format=csv``: the report's trail (the nomination, the nominee's assessments, the
    plan's steps) as CSV, a recorded read of the nominee as the report is."""
    ctx = context(request)
    via = "web GET /auditor/reports/nomination"
    if format == "csv":
        found = answered(request, me, lambda: audit_nomination(ctx.app, plan_id, nip, me.actor))
        if isinstance(found, Response):
            return found
        record_reads(ctx.app, me.actor, found.agency, [found.nip], via)
        events = [found.nomination, *found.assessment_events, *found.plan_timeline]
        return csv_answer(json_for(events, me.actor.role), AuditEvent, "nomination-report-trail")
    return _framed(
        request,
        me,
        lambda: report.nomination_report(
            ctx.app, _head(request), plan_id, nip, me.actor, via, FRAMED
        ),
    )


def _head(request: Request) -> report.ChainHead:
    def caught_up() -> Head | None:
        ctx = context(request)
        ctx.refresh()
        return head_of(ctx.chain)

    return caught_up


def _framed(request: Request, me: WebUser, render: Callable[[], str]) -> Response:
    found = answered(request, me, render)
    if isinstance(found, Response):
        return found
    return HTMLResponse(found, headers=PAGE_HEADERS)
