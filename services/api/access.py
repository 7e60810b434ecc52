"""Who read whose personal data, and which commands were refused and why: for auditors and
administrators of the agency concerned."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Depends

from domain.envelope import Actor, Role
from projections.access import ReadRow, RefusalRow
from services.api.auth import CurrentActor
from services.api.context import Ctx, FreshCtx
from services.audit.refusals import RefusalWhy, list_refusals, refusal_why
from services.auth import same_agency
from services.permissions import Forbidden
from services.personal_data_reads import list_reads, record_reads

router = APIRouter(prefix="/audit", tags=["audit"])

# Dependency -> the roles it lets through; the API's role table reads it.
READERS: dict[Callable[..., Any], frozenset[Role]] = {}


def readable_by(what: str, *roles: Role) -> Any:
    """A route dependency letting only ``roles`` through, declared once for the route and for
    the role table test."""
    allowed = frozenset(roles)

    async def check(actor: CurrentActor) -> Actor:  # on the event loop: it waits on nothing
        if actor.role not in allowed:
            raise Forbidden(what, actor, allowed)
        return actor

    READERS[check] = allowed
    return Depends(check)


AUDITORS = (Role.AUDITOR, Role.ADMINISTRATOR)


@router.get("/reads", dependencies=[readable_by("read the record of reads", *AUDITORS)])
def reads(ctx: FreshCtx, actor: CurrentActor, nip: str | None = None) -> list[ReadRow]:
    """Every recorded read of a full personnel record in the actor's agency (of one NIP):
    who, in which role, through which route or command, when."""
    return list_reads(ctx.documents, actor.agency, nip)


@router.get("/refusals", dependencies=[readable_by("read refusals", *AUDITORS)])
def refusals(
    ctx: FreshCtx,
    actor: CurrentActor,
    agency: str | None = None,
    since: date | None = None,
    until: date | None = None,
    command: str | None = None,
) -> list[RefusalRow]:
    """Every refused command of the agency (default: the actor's), by date and command."""
    wanted = agency or actor.agency
    same_agency(actor, wanted)
    return list_refusals(ctx.documents, wanted, since, until, command)


@router.get("/refusals/{refusal_id}", dependencies=[readable_by("read refusals", *AUDITORS)])
def why(refusal_id: UUID, ctx: Ctx, actor: CurrentActor) -> RefusalWhy:
    """Why a command was refused: the record, the rule evaluated again against the store as it
    stood then, and the events of each aggregate of the reader's agency the request named up to
    that moment; an employee's record shown is a recorded read."""
    found = refusal_why(ctx.app, refusal_id, actor)
    nips = [trail.nip for trail in found.subjects if trail.nip and trail.events]
    record_reads(ctx.app, actor, actor.agency, nips, "GET /audit/refusals/{refusal_id}")
    return found
