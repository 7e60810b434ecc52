"""What the talent-cycle pages (binjai-2023, balikpapan-2022) share: the agency's day and cycle
rules, the names of its people, the steps a role is offered, and a step taken from a form with
its refusal kept for the form it came from."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from domain.agencies import get_agency
from domain.rules.cycle import CycleRules
from domain.rules.registry import pack_for
from projections.directory.projection import DirectoryRow
from services.api.context import fresh_context
from services.application import Talenta
from services.permissions import roles_of
from services.web.attempt import Refused, attempt
from services.web.frame import page
from services.web.rounds import nip_shown
from services.web.session import WebUser

Handler = Callable[..., Any]


def today(agency: str) -> date:
    """Today in the agency's own time zone."""
    return get_agency(agency).local_date(datetime.now(UTC))


def cycle_of(agency: str) -> CycleRules | None:
    return pack_for(agency).cycle


def people(request: Request, agency: str) -> list[DirectoryRow]:
    """The agency's directory, read once per page however many lists of names and units the
    page shows (each read is every row of the agency)."""
    read: dict[str, list[DirectoryRow]] = getattr(request.state, "directory_rows", {})
    if agency not in read:
        read[agency] = fresh_context(request).directory.rows(agency)
        request.state.directory_rows = read
    return read[agency]


def names_of(request: Request, agency: str) -> dict[str, str]:
    return {row.nip: row.name for row in people(request, agency)}


def units_of(request: Request, agency: str) -> list[str]:
    return sorted({row.unit for row in people(request, agency) if row.unit})


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


def refused_page(request: Request, me: WebUser, refused: Refused) -> Response:
    return page(request, "message.html", refused.status, me=me, title="", refused=refused)


def no_cycle_page(request: Request, me: WebUser) -> Response:
    """The page an agency whose pack has no talent cycle (madiun-2021) gets."""
    refused = Refused(
        404,
        "no-talent-cycle-in-pack",
        f"peraturan {pack_for(me.actor.agency).regulation} tidak mengatur siklus manajemen talenta",
        f"{pack_for(me.actor.agency).regulation} has no talent-management cycle",
    )
    return page(request, "message.html", 404, me=me, title="", refused=refused)
