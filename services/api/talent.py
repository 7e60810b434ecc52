"""The talent-management cycle (binjai-2023, balikpapan-2022): every step as a command route
under /talent, the mapping campaign's report, and the audit answers for a nomination and a
placement."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import wraps
from typing import Annotated, Any
from uuid import UUID

from eventsourcing.domain import Aggregate
from fastapi import APIRouter, Query

from domain.agencies import get_agency
from domain.envelope import Actor
from projections import talent as read
from projections.talent import (
    AwardRow,
    CriticalPositionRow,
    FollowUpRow,
    GroupRow,
    MonitoringDue,
    NineBoxGrid,
    PlacementRow,
    PlanRow,
    PriorityRow,
    ProfileRow,
)
from services.api.auth import CurrentActor
from services.api.commands import Handler, add_command_routes
from services.api.context import Context, Ctx, FreshCtx
from services.application import NotFound
from services.audit.nomination import NominationAudit, audit_nomination
from services.audit.placement import PlacementAudit, audit_placement
from services.auth import same_agency
from services.talent import (
    acquisition,
    development,
    mapping,
    monitoring,
    placement,
    retention,
    search,
    succession,
)
from services.talent.mapping import CampaignReport

router = APIRouter(tags=["talent"])


def answering(handler: Handler) -> Handler:
    """The handler, answering an aggregate it returns (a retention record, an award) with its
    identity and public state rather than its internals."""

    @wraps(handler)
    def answered(*args: Any, **kwargs: Any) -> Any:
        result = handler(*args, **kwargs)
        if isinstance(result, Aggregate):
            state = {k: v for k, v in vars(result).items() if not k.startswith("_")}
            return {"id": result.id, "version": result.version, **state}
        return result

    return answered


# In the order the cycle runs. The clock's own steps (reminders, expiry, due dates) are the
# system's and have no route.
HANDLERS: list[Handler] = [
    acquisition.declare_critical_position,
    acquisition.report_critical_position,
    acquisition.withdraw_critical_position,
    acquisition.analyse_needs,
    acquisition.set_strategy,
    mapping.open_campaign,
    mapping.assess_employee,
    mapping.close_campaign,
    succession.set_nominated_group,
    succession.set_group,
    succession.declare_target,
    succession.nominate,
    succession.order_successors,
    development.enrol,
    development.counsel,
    development.open_follow_ups,
    development.close_follow_up,
    retention.record_retention,
    retention.award,
    search.open_talent_search,
    search.conclude_talent_search,
    search.decide_talent_search,
    placement.place_talent,
    monitoring.record_check_in,
    monitoring.evaluate_monitoring,
]
COMMANDS: list[Handler] = [answering(handler) for handler in HANDLERS]


def _scoped(ctx: Context, command: mapping.OpenCampaign, actor: Actor) -> mapping.OpenCampaign:
    """A campaign naming no one maps the employees the directory lists, read as any read is:
    holding at least the sender's own writes."""
    if command.nips:
        return command
    ctx.before_read(actor.id)
    return mapping.directory_scope(command, ctx.directory)


add_command_routes(router, "/talent", COMMANDS, prepare={"open_campaign": _scoped})


@router.get("/talent/campaigns/{campaign_id}")
def campaign(campaign_id: UUID, ctx: Ctx, actor: CurrentActor) -> CampaignReport:
    """A mapping campaign's progress and its box-9 talents per unit."""
    return mapping.campaign_report(ctx.app, campaign_id, actor)


@router.get("/talent/nominations/{plan_id}/{nip}/audit")
def nomination_audit(plan_id: UUID, nip: str, ctx: Ctx, actor: CurrentActor) -> NominationAudit:
    """Who nominated NIP to the plan's target position, when, why, under which rule and reading,
    and the nine-box state the nomination rested on."""
    return audit_nomination(ctx.app, plan_id, nip, actor)


@router.get("/talent/placements/{placement_id}/audit")
def placement_audit(placement_id: UUID, ctx: Ctx, actor: CurrentActor) -> PlacementAudit:
    """Who placed whom where, when, by which decree, from which plan and successor order; the
    box on the decree date and its assessment; direct or not under the pack's box-9 rule;
    cross-unit; the rule and readings; the monitoring started."""
    return audit_placement(ctx.app, placement_id, actor)


# Read models (projections/talent), caught up with the log first; the agency from the query.


def _today(agency: str, on: date | None) -> date:
    """``on``, else today in the agency's own time zone."""
    return on or get_agency(agency).local_date(datetime.now(UTC))


@router.get("/talent/ninebox")
def ninebox(
    agency: str,
    ctx: FreshCtx,
    actor: CurrentActor,
    on: date | None = None,
    unit: str | None = None,
    period: str | None = None,
) -> NineBoxGrid:
    """The nine-box grid of the agency (or a unit, a period) as it stood on ``on`` (today)."""
    same_agency(actor, agency)
    return read.ninebox_grid(ctx.documents, agency, _today(agency, on), unit, period)


@router.get("/talent/profiles/{nip}")
def talent_profile(nip: str, agency: str, ctx: FreshCtx, actor: CurrentActor) -> ProfileRow:
    """An employee's assessments, superseded ones included."""
    same_agency(actor, agency)
    found = read.profile(ctx.documents, agency, nip)
    if found is None:
        raise NotFound(f"NIP {nip} belum dipetakan", f"NIP {nip} was never mapped")
    return found


@router.get("/talent/critical-positions")
def critical_positions(
    agency: str, ctx: FreshCtx, actor: CurrentActor, on: date | None = None
) -> list[CriticalPositionRow]:
    """The critical positions in force on ``on`` (today)."""
    same_agency(actor, agency)
    return read.critical_positions(ctx.documents, agency, _today(agency, on))


@router.get("/talent/succession/groups")
def succession_groups(agency: str, ctx: FreshCtx, actor: CurrentActor) -> list[GroupRow]:
    same_agency(actor, agency)
    return read.succession_groups(ctx.documents, agency)


@router.get("/talent/succession/plans")
def succession_plans(agency: str, ctx: FreshCtx, actor: CurrentActor) -> list[PlanRow]:
    """Every target position's plan: nominations and the ordered successors."""
    same_agency(actor, agency)
    return read.succession_plans(ctx.documents, agency)


@router.get("/talent/succession/plans/{plan_id}")
def succession_plan(plan_id: UUID, ctx: FreshCtx, actor: CurrentActor) -> PlanRow:
    found = read.succession_plan(ctx.documents, plan_id)
    if found is None:
        raise NotFound(f"rencana suksesi {plan_id} tidak ada", f"no succession plan {plan_id}")
    same_agency(actor, found.agency)
    return found


@router.get("/talent/development/priority")
def development_priority(
    agency: str, ctx: FreshCtx, actor: CurrentActor, on: date | None = None
) -> list[PriorityRow]:
    """The development priority list on ``on`` (today), from the highest box."""
    same_agency(actor, agency)
    return read.development_priority(ctx.documents, agency, _today(agency, on))


@router.get("/talent/development/follow-ups")
def follow_ups(agency: str, ctx: FreshCtx, actor: CurrentActor) -> list[FollowUpRow]:
    """The follow-up tasks still open."""
    same_agency(actor, agency)
    return read.open_follow_ups(ctx.documents, agency)


@router.get("/talent/pins")
def pins(agency: str, ctx: FreshCtx, actor: CurrentActor, on: date | None = None) -> list[AwardRow]:
    """The pins valid on ``on`` (today)."""
    same_agency(actor, agency)
    return read.valid_pins(ctx.documents, agency, _today(agency, on))


@router.get("/talent/placements")
def placements(agency: str, ctx: FreshCtx, actor: CurrentActor) -> list[PlacementRow]:
    same_agency(actor, agency)
    return read.placements(ctx.documents, agency)


@router.get("/talent/monitoring/due")
def monitoring_due(
    agency: str,
    ctx: FreshCtx,
    actor: CurrentActor,
    on: date | None = None,
    days: Annotated[int, Query(ge=0, le=3660)] = 90,
) -> MonitoringDue:
    """Evaluations and check-ins due within ``days`` of ``on`` (today), the overdue flagged."""
    same_agency(actor, agency)
    day = _today(agency, on)
    return read.monitoring_due(ctx.documents, agency, day, timedelta(days=days))
