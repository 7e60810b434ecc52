"""The succession coverage forecast over HTTP: each critical and target position's vacancy day
against its ready successors, those falling vacant within the horizon with none ready flagged;
as JSON, and one line per position (CSV with ``format=csv``)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from domain.envelope import Actor
from domain.talent.coverage import CoverageForecast
from services.api.auth import CurrentActor
from services.api.context import Context, FreshCtx
from services.personal_data_reads import record_reads
from services.talent.coverage import MAX_HORIZON_MONTHS, coverage_forecast, people

router = APIRouter(tags=["talent"])
Horizon = Annotated[int, Query(ge=0, le=MAX_HORIZON_MONTHS, description="months ahead")]


class CoverageLine(BaseModel):
    """One position of the forecast as a CSV row."""

    position: str
    unit: str
    level: str
    functional_grade: str
    critical: bool
    target: bool
    incumbent: str
    retirement_age: int | None
    vacates_on: date | None
    citation: str
    status: str
    successors: int
    ready: int
    flagged: bool


def lines(found: CoverageForecast) -> list[CoverageLine]:
    return [
        CoverageLine(
            position=row.position,
            unit=row.unit,
            level=row.level,
            functional_grade=row.functional_grade or "",
            critical=row.critical,
            target=row.target,
            incumbent=row.incumbent or "",
            retirement_age=row.retirement_age,
            vacates_on=row.vacates_on,
            citation=row.citation or "",
            status=row.status,
            successors=len(row.successors),
            ready=row.ready,
            flagged=row.flagged,
        )
        for row in found.rows
    ]


def _forecast(
    ctx: Context, actor: Actor, agency: str, horizon: int, on: date | None, via: str
) -> CoverageForecast:
    found = coverage_forecast(ctx.app, ctx.documents, ctx.directory, agency, on, horizon, actor)
    record_reads(ctx.app, actor, agency, people(found), via)
    return found


@router.get("/talent/coverage")
def coverage(
    agency: str, ctx: FreshCtx, actor: CurrentActor, horizon: Horizon = 24, on: date | None = None
) -> CoverageForecast:
    """When each critical and target position falls vacant (its holder reaching the retirement
    age of the position under PP 11/2017 P239, from the NIP's birth date) against the successors
    ready for it; those vacant within ``horizon`` months of ``on`` (today) with none flagged."""
    return _forecast(ctx, actor, agency, horizon, on, "GET /talent/coverage")


@router.get("/talent/coverage/lines")
def coverage_lines(
    agency: str, ctx: FreshCtx, actor: CurrentActor, horizon: Horizon = 24, on: date | None = None
) -> list[CoverageLine]:
    """The forecast one line per position, for a spreadsheet (``format=csv``)."""
    return lines(_forecast(ctx, actor, agency, horizon, on, "GET /talent/coverage/lines"))
