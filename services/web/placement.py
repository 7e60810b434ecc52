"""Placement in the browser (binjai-2023 P31-32, balikpapan-2022 P23): the target positions with
their ordered successors and the placements decreed, and a target's page where the PPK places a
successor by decree. Box 9 outside the plan's order is offered where the pack places it directly
(Balikpapan P23(3)); in Binjai it is only considered (P31(3)) and must be one of the successors.
A refusal is shown beside the form, with its article, and nothing is written."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.rules.cycle import Box9Placement
from projections import talent as read
from projections.talent import PlanRow
from services.api.context import fresh_context
from services.application import Talenta
from services.talent import placement
from services.web import kept_reads
from services.web.attempt import Refused, attempt, fields_of, read_or_refused, refused_page
from services.web.cycle import cycle_of, exported, names_of, no_cycle_page, offered, plan_of, today
from services.web.cycle import shown as nip_mask
from services.web.frame import page, see_other
from services.web.session import PostedForm, SignedIn, WebUser

router = APIRouter(include_in_schema=False)

TOP_BOX = 9


@router.get("/placement")
def placement_list(request: Request, me: SignedIn, format: str = "") -> Response:
    ctx = fresh_context(request)
    agency = me.actor.agency
    cycle = cycle_of(agency)
    if cycle is None:
        return no_cycle_page(request, me)
    if format == "csv":
        return exported(me, read.placements(ctx.documents, agency), read.PlacementRow, "placements")
    return page(
        request,
        "placements.html",
        me=me,
        cycle=cycle,
        plans=kept_reads.talent(request, read.succession_plans, agency),
        placed=kept_reads.talent(request, read.placements, agency),
        names=names_of(request, agency),
        shown=nip_mask(me),
    )


def _plan_page(
    request: Request,
    me: WebUser,
    plan: PlanRow,
    status: int = 200,
    refused: Refused | None = None,
    done: bool = False,
    values: dict[str, Any] | None = None,
) -> Response:
    cycle = cycle_of(plan.agency)
    if cycle is None:
        return no_cycle_page(request, me)
    day = today(plan.agency)
    boxes = {
        row.nip: row.box
        for row in kept_reads.talent(request, read.development_priority, plan.agency, day)
    }
    successors = {s.nip for s in plan.successors}
    # Box 9 outside the order only where the pack places it directly (Balikpapan P23(3)).
    direct = [
        nip
        for nip, box in boxes.items()
        if box == TOP_BOX and nip not in successors and cycle.box9_placement is Box9Placement.DIRECT
    ]
    placed = next(
        (
            row
            for row in kept_reads.talent(request, read.placements, plan.agency)
            if row.plan_id == plan.plan_id
        ),
        None,
    )
    return page(
        request,
        "placement.html",
        status,
        here=f"/placement/{plan.plan_id}",
        me=me,
        plan=plan,
        cycle=cycle,
        boxes=boxes,
        direct=sorted(direct),
        placed=placed,
        day=day,
        names=names_of(request, plan.agency),
        shown=nip_mask(me),
        steps=offered(me, {"place_talent": placement.place_talent}),
        refused=refused,
        done=done,
        values=values or {},
    )


@router.get("/placement/{plan_id}")
def plan_page(request: Request, me: SignedIn, plan_id: UUID, done: str = "") -> Response:
    found = read_or_refused(request, me, lambda: plan_of(request, me.actor, plan_id))
    if isinstance(found, Response):
        return found
    return _plan_page(request, me, found, done=done == "place_talent")


@router.post("/placement/{plan_id}")
def place(request: Request, me: SignedIn, form: PostedForm, plan_id: UUID) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    found = attempt(
        app, me.actor, "place_talent", body, lambda: plan_of(request, me.actor, plan_id)
    )
    if isinstance(found, Refused):
        return refused_page(request, me, found)

    def command() -> UUID:
        decree = placement.PlaceTalent(
            plan_id=plan_id,
            nip=body.get("nip"),
            decree_number=body.get("decree_number"),
            decree_date=body.get("decree_date"),
            inaugurated_on=body.get("inaugurated_on"),
            reason=body.get("reason", ""),
            documents=tuple(body["documents"]),
        )
        placed: UUID = placement.place_talent(app, decree, me.actor)
        return placed

    outcome = attempt(app, me.actor, "place_talent", body, command)
    if isinstance(outcome, Refused):
        return _plan_page(request, me, found, outcome.status, outcome, values=body)
    return see_other(request, f"/placement/{plan_id}?done=place_talent#step-place_talent")
