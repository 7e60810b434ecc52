"""The auditor's answers over HTTP: the timeline of a subject, why a decision stands, and read
models as of a past moment (roles: auditor, administrator, and the teams and decision makers
whose steps they explain; always within the reader's own agency). An answer showing an
employee's record (an employee's timeline) or judging it again (a why) is a recorded read of
that employee's personal data (services/personal_data_reads.py)."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from fastapi import APIRouter

from domain.envelope import Actor
from domain.values import PositionLevel
from services.api.context import Context, Ctx
from services.audit.asof import (
    GridAsOf,
    GroupAsOf,
    PlanAsOf,
    PoolAsOf,
    asof_grid,
    asof_group,
    asof_plan,
    asof_pool,
)
from services.audit.timeline import Subject, Timeline, timeline
from services.audit.why import NominationWhy, PlacementWhy, why_nomination, why_placement
from services.audit.why_scouting import (
    PoolEntryWhy,
    VacancyDecisionWhy,
    why_pick,
    why_pool_entry,
    why_shortlist,
)
from services.audit.why_search import SearchWhy, why_search
from services.auth import CurrentActor
from services.personal_data_reads import record_reads

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get("/timeline/{subject}/{key}")
def subject_timeline(subject: Subject, key: str, ctx: Ctx, actor: CurrentActor) -> Timeline:
    """Every event about an employee (key: NIP), a vacancy, a target position (its plan id), a
    scouting round, a critical position or a talent search, in recorded order."""
    found = timeline(ctx.app, subject, key, actor)
    if found.subject is Subject.EMPLOYEE:
        record_reads(ctx.app, actor, found.agency, [found.key], "GET /audit/timeline/employee")
    return found


@router.get("/why/nomination/{plan_id}/{nip}")
def nomination_why(plan_id: UUID, nip: str, ctx: Ctx, actor: CurrentActor) -> NominationWhy:
    found = why_nomination(ctx.app, plan_id, nip, actor)
    record_reads(ctx.app, actor, found.audit.agency, [found.audit.nip], "GET /audit/why/nomination")
    return found


@router.get("/why/placement/{placement_id}")
def placement_why(placement_id: UUID, ctx: Ctx, actor: CurrentActor) -> PlacementWhy:
    found = why_placement(ctx.app, placement_id, actor)
    record_reads(ctx.app, actor, found.audit.agency, [found.audit.nip], "GET /audit/why/placement")
    return found


@router.get("/why/search/{search_id}")
def search_why(search_id: UUID, ctx: Ctx, actor: CurrentActor) -> SearchWhy:
    """The search's steps taken again, the decree on the chosen talent's record as it was."""
    found = why_search(ctx.app, search_id, actor)
    chosen = [found.chosen] if found.chosen else []
    record_reads(ctx.app, actor, found.agency, chosen, "GET /audit/why/search")
    return found


@router.get("/why/shortlist/{vacancy_id}")
def shortlist_why(vacancy_id: UUID, ctx: Ctx, actor: CurrentActor) -> VacancyDecisionWhy:
    return _candidates_read(ctx, actor, why_shortlist(ctx.app, vacancy_id, actor), "shortlist")


@router.get("/why/pick/{vacancy_id}")
def pick_why(vacancy_id: UUID, ctx: Ctx, actor: CurrentActor) -> VacancyDecisionWhy:
    return _candidates_read(ctx, actor, why_pick(ctx.app, vacancy_id, actor), "pick")


@router.get("/why/pool-entry/{entry_id}")
def pool_entry_why(entry_id: UUID, ctx: Ctx, actor: CurrentActor) -> PoolEntryWhy:
    found = why_pool_entry(ctx.app, entry_id, actor)
    record_reads(ctx.app, actor, found.entry.agency, [found.entry.nip], "GET /audit/why/pool-entry")
    return found


@router.get("/as-of/pool")
def pool_then(
    agency: str,
    level: PositionLevel,
    ctx: Ctx,
    actor: CurrentActor,
    at: datetime | None = None,
    on: date | None = None,
) -> PoolAsOf:
    """``at``: the recorded time (the log as it stood; naive in the agency's time zone);
    ``on``: the day the pool is read for (default: the date of ``at``)."""
    return asof_pool(ctx.app, agency, level, actor, at, on)


@router.get("/as-of/group")
def group_then(
    agency: str, period: str, ctx: Ctx, actor: CurrentActor, at: datetime | None = None
) -> GroupAsOf:
    return asof_group(ctx.app, agency, period, actor, at)


@router.get("/as-of/grid/{campaign_id}")
def grid_then(
    campaign_id: UUID,
    ctx: Ctx,
    actor: CurrentActor,
    at: datetime | None = None,
    on: date | None = None,
) -> GridAsOf:
    """The nine-box grid of a mapping campaign's unit and period."""
    return asof_grid(ctx.app, campaign_id, actor, at, on)


@router.get("/as-of/plan/{plan_id}")
def plan_then(plan_id: UUID, ctx: Ctx, actor: CurrentActor, at: datetime | None = None) -> PlanAsOf:
    return asof_plan(ctx.app, plan_id, actor, at)


def _candidates_read(
    ctx: Context, actor: Actor, found: VacancyDecisionWhy, kind: str
) -> VacancyDecisionWhy:
    nips = [candidate.nip for candidate in found.audit.candidates]
    record_reads(ctx.app, actor, found.audit.agency, nips, f"GET /audit/why/{kind}")
    return found
