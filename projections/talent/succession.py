"""Succession: the group decreed per period, and per target position its plan with the
nominations (each with the box on its date) and the ordered successors with their projection."""

from __future__ import annotations

from datetime import date
from functools import singledispatch
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.envelope import Envelope
from domain.talent.succession import SuccessionGroup, SuccessionPlan
from domain.talent.succession_values import Nomination, Successor, TargetStatus
from domain.values import PositionLevel
from projections.documents import DocumentView
from projections.documents.models import find, load, save

GROUPS = "succession-groups"
PLANS = "succession-plans"


class GroupMember(BaseModel):
    nip: str
    box: int  # on the decree date


class GroupRow(BaseModel):
    group_id: UUID
    agency: str
    period: str
    members: list[GroupMember]
    decree_number: str
    decree_date: date


class NominationRow(Nomination):
    nominated_by: str  # the actor's id: who nominated, as the audit asks


class PlanRow(BaseModel):
    plan_id: UUID
    agency: str
    position: str
    unit: str
    level: PositionLevel
    critical_position_id: UUID | None
    status: TargetStatus
    declared_on: date
    nominations: list[NominationRow] = []
    # The latest order; an earlier one stays in the log only.
    successors: list[Successor] = []
    ordered_on: date | None = None
    # Set by the placement that filled the target (SuccessionPlan.Filled).
    filled_by: str | None = None
    placement_id: UUID | None = None


def succession_groups(view: DocumentView, agency: str) -> list[GroupRow]:
    rows = [GroupRow.model_validate(document) for document in view.list(GROUPS, agency)]
    return sorted(rows, key=lambda row: row.period)


def succession_plan(view: DocumentView, plan_id: UUID) -> PlanRow | None:
    return find(view, PLANS, plan_id, PlanRow)


def succession_plans(view: DocumentView, agency: str) -> list[PlanRow]:
    rows = [PlanRow.model_validate(document) for document in view.list(PLANS, agency)]
    return sorted(rows, key=lambda row: (row.unit, row.position))


def project_group(view: DocumentView, event: SuccessionGroup.Event, tracking: Tracking) -> None:
    if not isinstance(event, SuccessionGroup.GroupSet):
        raise TypeError(f"the succession groups do not follow {type(event).__qualname__}")
    row = GroupRow(
        group_id=event.originator_id,
        agency=event.agency,
        period=event.period,
        members=[GroupMember.model_validate(member) for member in event.members],
        decree_number=event.decree_number,
        decree_date=event.decree_date,
    )
    save(view, GROUPS, row.group_id, row.agency, row, tracking)


def project_plan(view: DocumentView, event: SuccessionPlan.Event, tracking: Tracking) -> None:
    if isinstance(event, SuccessionPlan.TargetDeclared):
        row = PlanRow(
            plan_id=event.originator_id,
            agency=event.agency,
            position=event.position,
            unit=event.unit,
            level=PositionLevel(event.level),
            critical_position_id=UUID(event.critical_position_id)
            if event.critical_position_id
            else None,
            status=TargetStatus(event.status),
            declared_on=Envelope.from_event(event.envelope).effective,
        )
    else:
        row = load(view, PLANS, event.originator_id, PlanRow)
        _change(event, row)
    save(view, PLANS, row.plan_id, row.agency, row, tracking)


@singledispatch
def _change(event: SuccessionPlan.Event, row: PlanRow) -> None:
    raise TypeError(f"the succession plans do not follow {type(event).__qualname__}")


@_change.register
def _(event: SuccessionPlan.Nominated, row: PlanRow) -> None:
    stamp = Envelope.from_event(event.envelope)
    row.nominations.append(
        NominationRow(
            nip=event.nip,
            box=event.box,
            assessment=event.assessment,
            justification=event.justification,
            nominated_on=stamp.effective,
            nominated_by=stamp.actor.id,
        )
    )


@_change.register
def _(event: SuccessionPlan.SuccessorsOrdered, row: PlanRow) -> None:
    row.successors = [Successor.model_validate(successor) for successor in event.successors]
    row.ordered_on = Envelope.from_event(event.envelope).effective


@_change.register
def _(event: SuccessionPlan.Filled, row: PlanRow) -> None:
    row.filled_by = event.nip
    row.placement_id = event.placement_id


GROUP_TOPICS = (get_topic(SuccessionGroup.GroupSet),)
PLAN_TOPICS = (
    get_topic(SuccessionPlan.TargetDeclared),
    *(get_topic(cls) for cls in _change.registry if cls is not object),
)
