"""The auditor's answers over HTTP: the timeline of a subject, why a decision stands, and read
models as of a past moment (roles: auditor, administrator, and the teams and decision makers
whose steps they explain; always within the reader's own agency)."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from fastapi import APIRouter

from domain.values import PositionLevel
from services.api.context import Ctx
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
from services.auth import CurrentActor

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get("/timeline/{subject}/{key}")
def subject_timeline(subject: Subject, key: str, ctx: Ctx, actor: CurrentActor) -> Timeline:
    """Every event about an employee (key: NIP), a vacancy, a target position (its plan id), a
    scouting round or a critical position, in recorded order."""
    return timeline(ctx.app, subject, key, actor)


@router.get("/why/nomination/{plan_id}/{nip}")
def nomination_why(plan_id: UUID, nip: str, ctx: Ctx, actor: CurrentActor) -> NominationWhy:
    return why_nomination(ctx.app, plan_id, nip, actor)


@router.get("/why/placement/{placement_id}")
def placement_why(placement_id: UUID, ctx: Ctx, actor: CurrentActor) -> PlacementWhy:
    return why_placement(ctx.app, placement_id, actor)


@router.get("/why/shortlist/{vacancy_id}")
def shortlist_why(vacancy_id: UUID, ctx: Ctx, actor: CurrentActor) -> VacancyDecisionWhy:
    return why_shortlist(ctx.app, vacancy_id, actor)


@router.get("/why/pick/{vacancy_id}")
def pick_why(vacancy_id: UUID, ctx: Ctx, actor: CurrentActor) -> VacancyDecisionWhy:
    return why_pick(ctx.app, vacancy_id, actor)


@router.get("/why/pool-entry/{entry_id}")
def pool_entry_why(entry_id: UUID, ctx: Ctx, actor: CurrentActor) -> PoolEntryWhy:
    return why_pool_entry(ctx.app, entry_id, actor)


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
