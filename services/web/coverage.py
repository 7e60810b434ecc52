"""The succession coverage forecast page: for the day and horizon chosen, each critical and
target position's holder, retirement age (with its article) and vacancy day against its ready
successors, as a table and as a timeline drawn on the server (SVG), flagged ones in red; the
table downloadable as CSV. Reading it is a recorded read of the retirements shown, as in the
API."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from services.api.context import fresh_context
from services.api.coverage import CoverageLine, lines
from services.personal_data import shown
from services.personal_data_reads import record_reads
from services.talent.coverage import MAX_HORIZON_MONTHS, coverage_forecast, people
from services.web.attempt import refused_read
from services.web.coverage_chart import chart
from services.web.exports import csv_answer
from services.web.frame import page
from services.web.names import staff_of
from services.web.rounds import nip_shown
from services.web.session import SignedIn

router = APIRouter(include_in_schema=False)
# The horizons offered at once; any other number of months may be typed in.
HORIZONS = (12, 24, 36)


@router.get("/coverage")
def coverage(
    request: Request,
    me: SignedIn,
    horizon: Annotated[int, Query(ge=0, le=MAX_HORIZON_MONTHS)] = 24,
    on: date | None = None,
    format: str = "",
) -> Response:
    ctx = fresh_context(request)
    agency = me.actor.agency
    try:
        found = coverage_forecast(
            ctx.app, ctx.documents, ctx.directory, agency, on, horizon, me.actor
        )
    except Exception as error:
        refused = refused_read(error)
        if refused is None:
            raise
        return page(request, "message.html", refused.status, me=me, title="", refused=refused)
    record_reads(ctx.app, me.actor, agency, people(found), "web GET /coverage")
    if format == "csv":
        rows = shown([line.model_dump(mode="json") for line in lines(found)], me.actor.role)
        return csv_answer(rows, CoverageLine, "coverage")
    return page(
        request,
        "coverage.html",
        me=me,
        found=found,
        chart=chart(found),
        horizons=HORIZONS,
        names=staff_of(ctx, agency).names,
        shown=lambda nip: nip_shown(nip, me.actor.role),
    )
