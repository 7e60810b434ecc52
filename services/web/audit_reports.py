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
from services.web.auditor import answered
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
def vacancy(request: Request, me: SignedIn, vacancy_id: UUID) -> Response:
    ctx = context(request)
    via = "web GET /auditor/reports/vacancy"
    return _framed(
        request,
        me,
        lambda: report.vacancy_report(ctx.app, _head(request), vacancy_id, me.actor, via, FRAMED),
    )


@router.get("/nomination/{plan_id}/{nip}")
def nomination(request: Request, me: SignedIn, plan_id: UUID, nip: str) -> Response:
    ctx = context(request)
    via = "web GET /auditor/reports/nomination"
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
