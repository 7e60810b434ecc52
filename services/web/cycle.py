"""What the pages of the talent cycle's second half share (development, retention, placement,
monitoring): the agency's day and cycle rules, the names of its employees, whether a role is
offered a handler's form, and the page an agency without the cycle gets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from domain.agencies import get_agency
from domain.rules.cycle import CycleRules
from domain.rules.registry import pack_for
from services.api.context import Context
from services.permissions import roles_of
from services.web.attempt import Refused
from services.web.frame import page
from services.web.rounds import nip_shown
from services.web.session import WebUser


def today_of(agency: str) -> date:
    """Today in the agency's own time zone."""
    return get_agency(agency).local_date(datetime.now(UTC))


def cycle_of(agency: str) -> CycleRules | None:
    """The talent cycle of the agency's pack; None where the pack has none (Madiun)."""
    return pack_for(agency).cycle


def runs_cycle(agency: str) -> bool:
    return cycle_of(agency) is not None


def offered(me: WebUser, handlers: dict[str, Callable[..., Any]]) -> set[str]:
    """The steps whose handler the user's current role may take."""
    return {name for name, handler in handlers.items() if me.actor.role in roles_of(handler)}


def names_of(ctx: Context, agency: str) -> dict[str, str]:
    return {row.nip: row.name for row in ctx.directory.rows(agency)}


def shower(me: WebUser) -> Callable[[str], str]:
    """An NIP as the user's role may see it."""
    return lambda nip: nip_shown(nip, me.actor.role)


def no_cycle_page(request: Request, me: WebUser) -> Response:
    refused = Refused(
        404,
        "no-talent-cycle-in-pack",
        f"peraturan {pack_for(me.actor.agency).regulation} tidak mengatur siklus manajemen talenta",
        f"{pack_for(me.actor.agency).regulation} has no talent-management cycle",
    )
    return page(request, "message.html", 404, me=me, title="", refused=refused)


def refusal_page(request: Request, me: WebUser, refused: Refused) -> Response:
    return page(request, "message.html", refused.status, me=me, title="", refused=refused)
