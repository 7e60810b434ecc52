"""The report of a scouting round to the mayor (madiun-2021:P19-P21), as a page to print: the
round and its schedule, each candidate's administrative result, potential and technical scores,
final score and category, ranked by the final score, the report's number once it is recorded and
the pool's decree. Read from the round board, as the round's page is."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.scouting.candidate import Stage
from projections import scouting as read
from projections.scouting.rounds import CandidateRow
from services.api.context import fresh_context
from services.auth import same_agency
from services.scouting.rounds import RoundNotFound
from services.web.auditor import answered
from services.web.frame import page
from services.web.names import staff
from services.web.rounds import nip_shown
from services.web.session import SignedIn

router = APIRouter(include_in_schema=False)


def ranked(candidates: list[CandidateRow]) -> list[CandidateRow]:
    """Those with a final score first, highest first; then the rest, by how far they came."""
    order = list(Stage)
    return sorted(
        candidates,
        key=lambda c: (
            c.final is None,
            -(c.final.score if c.final else Decimal(0)),
            -order.index(c.stage),
            c.nip,
        ),
    )


@router.get("/rounds/{round_id}/report")
def mayor_report(request: Request, me: SignedIn, round_id: UUID) -> Response:
    def board() -> read.RoundBoard:
        found = read.round_board(fresh_context(request).documents, round_id)
        if found is None:
            raise RoundNotFound(round_id)
        same_agency(me.actor, found.agency)
        return found

    found = answered(request, me, board)
    if isinstance(found, Response):
        return found
    candidates = ranked([row for rows in found.stages.values() for row in rows])
    names = staff(request, found.agency).names
    return page(
        request,
        "round_report.html",
        me=me,
        board=found,
        candidates=candidates,
        names=names,
        shown=lambda nip: nip_shown(nip, me.actor.role),
    )
