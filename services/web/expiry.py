"""The expiry timeline: what holds for a term, drawn on one time axis with today marked: the
talent pool's entries (madiun-2021 P22(1), 3 years from the decree) and the box-9 pins
(binjai-2023 P30(2)(a), 2 years), each bar from its decree to its first day no longer valid, an
entry used for an inauguration ending there."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.talent.retention import AwardKind
from projections.scouting.pool import pool_entries
from projections.talent.awards import awards
from services.api.context import fresh_context
from services.web import kept_reads
from services.web.charts import Span, timeline
from services.web.cycle import names_of, shown, today
from services.web.frame import page
from services.web.session import SignedIn

router = APIRouter(include_in_schema=False)


@router.get("/expiry")
def expiry_timeline(request: Request, me: SignedIn, on: date | None = None) -> Response:
    ctx = fresh_context(request)
    agency = me.actor.agency
    day = on or today(agency)
    names = names_of(request, agency)
    mask = shown(me)

    def label(nip: str) -> str:
        return names.get(nip) or mask(nip)

    entries = [
        Span(
            label(row.nip),
            row.decree_date,
            row.held_until,
            "pool",
            ended=row.held_until <= day,
        )
        for row in pool_entries(ctx.documents, agency)
    ]
    pins = [
        Span(
            label(row.nip),
            row.decree_date,
            row.expired_on or row.expires_on,
            "pin",
            ended=not row.valid_on(day) and row.decree_date <= day,
        )
        for row in kept_reads.talent(request, awards, agency)
        if row.kind is AwardKind.PIN and row.expires_on is not None
    ]
    spans = entries + pins
    return page(
        request,
        "expiry.html",
        me=me,
        day=day,
        chart=timeline(spans, day) if spans else None,
        spans=sorted(spans, key=lambda s: (s.end, s.label)),
        untimed=[
            row
            for row in kept_reads.talent(request, awards, agency)
            if row.kind is AwardKind.PIN and row.expires_on is None
        ],
        shown=shown,
        names=names,
    )
