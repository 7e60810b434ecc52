"""Printable audit reports over HTTP (text/html, print-ready): a vacancy's pick and a
nomination, for the roles that read audit answers of their own agency."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from projections.chain import Head, head_of
from services.api.auth import CurrentActor
from services.api.context import Context, Ctx
from services.audit.report import ChainHead, nomination_report, vacancy_report

router = APIRouter(prefix="/audit/reports", tags=["audit"])


def _head(ctx: Context) -> ChainHead:
    def caught_up() -> Head | None:
        ctx.refresh()
        return head_of(ctx.chain)

    return caught_up


@router.get("/vacancies/{vacancy_id}", response_class=HTMLResponse)
def vacancy(vacancy_id: UUID, ctx: Ctx, actor: CurrentActor) -> HTMLResponse:
    """The pick's audit report: candidates, shortlist, decree, every step with its actor,
    citations and evidence, the flags, and the chain head to print on the decree."""
    via = "GET /audit/reports/vacancies/{vacancy_id}"
    return HTMLResponse(vacancy_report(ctx.app, _head(ctx), vacancy_id, actor, via))


@router.get("/nominations/{plan_id}/{nip}", response_class=HTMLResponse)
def nomination(plan_id: UUID, nip: str, ctx: Ctx, actor: CurrentActor) -> HTMLResponse:
    """The nomination's audit report: who nominated NIP, when, why, under which rule, on which
    nine-box state, and the chain head to print on the decree."""
    via = "GET /audit/reports/nominations/{plan_id}/{nip}"
    return HTMLResponse(nomination_report(ctx.app, _head(ctx), plan_id, nip, actor, via))
