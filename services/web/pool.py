"""The talent pool page: the current pool per level with each entry's decree and expiry, or the
pool as it stood on a past date."""

from __future__ import annotations

from datetime import UTC, date, datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.agencies import get_agency
from domain.values import PositionLevel
from services.web import kept_reads
from services.web.frame import page
from services.web.names import staff
from services.web.rounds import nip_shown
from services.web.session import SignedIn

router = APIRouter(include_in_schema=False)


@router.get("/pool")
def talent_pool(
    request: Request, me: SignedIn, on: date | None = None, level: PositionLevel | None = None
) -> Response:
    day = on or get_agency(me.actor.agency).local_date(datetime.now(UTC))
    rows = kept_reads.pool_on(request, me.actor.agency, day, level)
    names = staff(request, me.actor.agency).names
    # The level asked for, even when empty; otherwise the levels that hold someone.
    by_level = {
        each: [row for row in rows if row.level is each]
        for each in PositionLevel
        if each is level or (level is None and any(row.level is each for row in rows))
    }
    return page(
        request,
        "pool.html",
        me=me,
        day=day,
        level=level,
        levels=list(PositionLevel),
        by_level=by_level,
        names=names,
        shown=lambda nip: nip_shown(nip, me.actor.role),
    )
