"""What the talent-cycle pages (binjai-2023, balikpapan-2022) share: the agency's day and cycle
rules, the names of its people, the steps a role is offered, and a step taken from a form with
its refusal kept for the form it came from."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel

from domain.agencies import get_agency
from domain.envelope import Actor
from domain.rules.cycle import CycleRules
from domain.rules.registry import pack_for
from projections import talent as read
from projections.talent import PlanRow
from services.api.context import fresh_context
from services.application import NotFound, Talenta
from services.auth import same_agency
from services.permissions import roles_of
from services.personal_data import shown as masked
from services.web.attempt import Refused, attempt, refused_page
from services.web.exports import csv_answer
from services.web.frame import page
from services.web.names import staff
from services.web.rounds import nip_shown
from services.web.session import WebUser

Handler = Callable[..., Any]


def today(agency: str) -> date:
    """Today in the agency's own time zone."""
    return get_agency(agency).local_date(datetime.now(UTC))


def cycle_of(agency: str) -> CycleRules | None:
    return pack_for(agency).cycle


def names_of(request: Request, agency: str) -> Mapping[str, str]:
    """The agency's names by NIP, kept per position of the directory (names.py)."""
    return staff(request, agency).names


def units_of(request: Request, agency: str) -> list[str]:
    return list(staff(request, agency).units)


def offered(me: WebUser, steps: Mapping[str, Handler]) -> set[str]:
    """The steps whose handler the user's role may call: only those forms are shown."""
    return {name for name, handler in steps.items() if me.actor.role in roles_of(handler)}


def shown(me: WebUser) -> Callable[[str], str]:
    """The NIP as the user's role may see it."""
    return lambda nip: nip_shown(nip, me.actor.role)


def take(
    request: Request, me: WebUser, name: str, body: dict[str, Any], call: Callable[[], Any]
) -> Any | Refused:
    """``call()`` as the step ``name``, its refusal recorded as the API records one."""
    app: Talenta = request.app.state.context.app
    return attempt(app, me.actor, name, body, call)


def no_cycle_page(request: Request, me: WebUser) -> Response:
    """The page an agency whose pack has no talent cycle (madiun-2021) gets."""
    refused = Refused(
        404,
        "no-talent-cycle-in-pack",
        f"peraturan {pack_for(me.actor.agency).regulation} tidak mengatur siklus manajemen talenta",
        f"{pack_for(me.actor.agency).regulation} has no talent-management cycle",
    )
    return refused_page(request, me, refused)


def exported(me: WebUser, rows: Sequence[BaseModel], row_model: Any, name: str) -> Response:
    """The rows as a CSV download, the NIPs as the user's role may see them."""
    found = [row.model_dump(mode="json") for row in rows]
    return csv_answer(masked(found, me.actor.role), row_model, name)


def plan_of(request: Request, actor: Actor, plan_id: UUID) -> PlanRow:
    """The succession plan ``plan_id``; refused when there is none or it is another agency's."""
    found = read.succession_plan(fresh_context(request).documents, plan_id)
    if found is None:
        raise NotFound.of(plan_id, "rencana suksesi", "succession plan")
    same_agency(actor, found.agency)
    return found


def steps_page(
    request: Request,
    me: WebUser,
    template: str,
    status: int,
    here: str,
    agency: str,
    steps: set[str],
    refusals: dict[str, Refused] | None,
    done: str,
    values: dict[str, Any] | None,
    **more: Any,
) -> Response:
    """A page of steps: the agency's names and the NIPs as the user's role may see them, the
    steps offered, each refusal beside its form, what a refused form held and the step saved."""
    return page(
        request,
        template,
        status,
        here=here,
        me=me,
        names=names_of(request, agency),
        shown=shown(me),
        steps=steps,
        refusals=refusals or {},
        done=done,
        values=values or {},
        **more,
    )
