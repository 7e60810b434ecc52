"""The audit answer for a placement (binjai-2023 P31-33, balikpapan-2022 P23, P25): who placed
whom into which position, when and by which decree; from which succession plan and in which place
of its successor order; the box on the decree date and the assessment it came from; whether it was
a direct box-9 placement under the pack's rule, whether it crossed units; the rule and readings;
and the monitoring it started."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from pydantic import BaseModel

from domain.envelope import Actor
from domain.rules.cycle import Box9Placement
from domain.rules.registry import pack_in_force
from domain.talent.mapping import Assessment, TalentProfile, profile_id
from domain.talent.monitoring import Monitoring, monitoring_id
from domain.talent.placement import TOP_BOX, Placement
from domain.talent.succession import SuccessionPlan
from domain.talent.succession_values import Nomination, Successor
from services.agency_bounds import bounded
from services.application import NotFound, Talenta
from services.audit.events import AuditEvent
from services.audit.timeline import ensure_reader
from services.auth import same_agency


class Box9Rule(BaseModel):
    """How the pack treats a box-9 talent outside the plan's order: placed directly
    (Balikpapan P23(3)) or only considered, still a successor (Binjai P31(3))."""

    rule: Box9Placement
    citation: str
    applied: bool  # the talent was in box 9 on the decree date


class CrossUnit(BaseModel):
    crossed: bool
    from_unit: str
    to_unit: str
    citation: str


class MonitoringAudit(BaseModel):
    monitoring_id: UUID
    starts_on: date
    check_ins: tuple[date, ...]
    evaluation_due: date
    timeline: list[AuditEvent]


class PlacementAudit(BaseModel):
    placement_id: UUID
    agency: str
    pack: str
    regulation: str
    nip: str
    position: str
    unit: str
    level: str
    decree_number: str
    decree_date: date
    inaugurated_on: date
    placed_by: Actor | None
    placed_at: datetime
    placement: AuditEvent  # the Placed event: reason, citations, readings, evidence
    plan_id: UUID
    critical: bool
    # The successors as ordered when the decree was recorded; None for a placement outside it.
    successor_order: int | None
    successors_at_the_time: tuple[Successor, ...]
    nomination: Nomination | None
    direct: bool
    box: int
    assessment_at_the_time: Assessment | None  # the assessment in force on the decree date
    box9: Box9Rule
    cross_unit: CrossUnit
    citations: tuple[str, ...]
    readings: dict[str, str]
    monitoring: MonitoringAudit | None
    plan_timeline: list[AuditEvent]


@bounded
def audit_placement(app: Talenta, placement_id: UUID, actor: Actor) -> PlacementAudit:
    ensure_reader(actor)
    placement: Placement = app.find(placement_id, "penempatan", "placement")
    same_agency(actor, placement.agency)
    store = app.repository.event_store
    placed = next(e for e in store.get(placement.id) if isinstance(e, Placement.Placed))
    event = AuditEvent.of(placed)
    pack = pack_in_force(placement.agency, placement.decree_date)
    cycle = pack.cycle
    if cycle is None:  # a placement was only ever recorded under a pack with the cycle
        raise NotFound(f"{pack.id} tanpa siklus talenta", f"{pack.id} has no talent cycle")

    plan_events = list(store.get(placement.plan_id))
    ordered = [
        e
        for e in plan_events
        if isinstance(e, SuccessionPlan.SuccessorsOrdered) and e.timestamp <= placed.timestamp
    ]
    successors = (
        tuple(Successor.model_validate(s) for s in ordered[-1].successors) if ordered else ()
    )
    order = next((s.order for s in successors if s.nip == placement.nip), None)
    plan: SuccessionPlan = app.find(placement.plan_id, "rencana suksesi", "succession plan")

    crossed = placement.from_unit != placement.unit
    return PlacementAudit(
        placement_id=placement.id,
        agency=placement.agency,
        pack=pack.id,
        regulation=pack.regulation,
        nip=placement.nip,
        position=placement.position,
        unit=placement.unit,
        level=str(placement.level),
        decree_number=placement.decree_number,
        decree_date=placement.decree_date,
        inaugurated_on=placement.inaugurated_on,
        placed_by=event.actor,
        placed_at=placed.timestamp,
        placement=event,
        plan_id=placement.plan_id,
        critical=placement.critical,
        successor_order=order,
        successors_at_the_time=successors,
        nomination=plan.nominations.get(placement.nip),
        direct=placement.direct,
        box=placement.box,
        assessment_at_the_time=_assessment_at(app, placement, placed.timestamp),
        box9=Box9Rule(
            rule=cycle.box9_placement,
            citation=cycle.box9_citation,
            applied=placement.box == TOP_BOX,
        ),
        cross_unit=CrossUnit(
            crossed=crossed,
            from_unit=placement.from_unit,
            to_unit=placement.unit,
            citation=cycle.cross_unit_citation,
        ),
        citations=event.citations,
        readings=event.readings,
        monitoring=_monitoring(app, placement.id),
        plan_timeline=[AuditEvent.of(e) for e in plan_events],
    )


def _assessment_at(app: Talenta, placement: Placement, recorded: datetime) -> Assessment | None:
    """The assessment in force on the decree date as the log stood when the decree was
    recorded: an assessment recorded later, even one dated earlier, did not inform it."""
    try:
        profile: TalentProfile = app.repository.get(profile_id(placement.agency, placement.nip))
    except AggregateNotFoundError:  # an unmapped talent is never placed
        return None
    known = {
        f"{profile.id}/{e.originator_version}"
        for e in app.repository.event_store.get(profile.id)
        if isinstance(e, TalentProfile.Assessed) and e.timestamp <= recorded
    }
    held = [
        a
        for a in reversed(profile.assessments)
        if a.ref in known and a.assessed_on <= placement.decree_date
    ]
    return max(held, key=lambda a: a.assessed_on) if held else None


def _monitoring(app: Talenta, placement: UUID) -> MonitoringAudit | None:
    found = monitoring_id(placement)
    if found not in app.repository:
        return None
    monitoring: Monitoring = app.repository.get(found)
    return MonitoringAudit(
        monitoring_id=monitoring.id,
        starts_on=monitoring.starts_on,
        check_ins=monitoring.check_ins,
        evaluation_due=monitoring.evaluation_due,
        timeline=[AuditEvent.of(e) for e in app.repository.event_store.get(found)],
    )
