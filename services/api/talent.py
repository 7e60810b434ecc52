"""The talent-management cycle (binjai-2023, balikpapan-2022): every step as a command route
under /talent, the mapping campaign's report, and the audit answers for a nomination and a
placement."""

from __future__ import annotations

from functools import wraps
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate
from fastapi import APIRouter

from services.api.commands import Handler, add_command_routes
from services.api.context import Ctx
from services.audit.nomination import NominationAudit, audit_nomination
from services.audit.placement import PlacementAudit, audit_placement
from services.auth import CurrentActor
from services.talent import (
    acquisition,
    development,
    mapping,
    monitoring,
    placement,
    retention,
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
    placement.place_talent,
    monitoring.record_check_in,
    monitoring.evaluate_monitoring,
]
COMMANDS: list[Handler] = [answering(handler) for handler in HANDLERS]
add_command_routes(router, "/talent", COMMANDS)


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
