"""Placement by PPK decree from a succession plan (binjai-2023 P31-32, balikpapan-2022 P23), with
the monitoring of a successor placed in a critical position (P33(2) / P25(3))."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from domain.agencies import get_agency
from domain.envelope import Actor, DocumentRef, Evidence, Role
from domain.personnel.facts import PositionSpell
from domain.rules.core import ReadingId
from domain.talent.critical import CriticalPosition, critical_position_id
from domain.talent.monitoring import Monitoring, into_critical_position
from domain.talent.placement import Candidate, Decree, Placement, Target, placement_id
from domain.talent.refusals import PLACEMENT
from domain.talent.succession import SuccessionPlan
from domain.talent.succession_rules import direct_needs_group, succession_citations
from domain.talent.succession_values import TalentFacts
from services.application import Talenta
from services.auth import same_agency
from services.commands import Command, NipText, Reason, RequiredName
from services.envelopes import envelope
from services.permissions import allowed
from services.talent.boxes import assessment_on
from services.talent.common import agency_employee, cycle_pack, take_post
from services.talent.succession import decreed_group


class PlaceTalent(Command):
    """The PPK's placement decree for one talent into the plan's target position."""

    plan_id: UUID
    nip: NipText
    decree_number: RequiredName
    decree_date: date
    inaugurated_on: date
    # The inauguration's moment, when known to the minute; the monitoring clock counts from it.
    effective_at: datetime | None = None
    reason: Reason = ""
    documents: tuple[DocumentRef, ...] = ()


def _plan(app: Talenta, plan_id: UUID, actor: Actor) -> SuccessionPlan:
    found: SuccessionPlan = app.find(plan_id, "rencana suksesi", "succession plan")
    same_agency(actor, found.agency)
    return found


def _declared(app: Talenta, plan: SuccessionPlan) -> CriticalPosition | None:
    """The critical position declared for the plan's unit and position, if any."""
    declared = critical_position_id(plan.agency, plan.unit, plan.position)
    return app.repository.get(declared) if declared in app.repository else None


@allowed(Role.PPK)
def place_talent(app: Talenta, command: PlaceTalent, actor: Actor) -> UUID:
    """The placement, the new spell in the personnel record and, into a critical position, the
    monitoring: one save, so none is written without the others."""
    plan = _plan(app, command.plan_id, actor)
    pack, cycle = cycle_pack(plan.agency, command.decree_date)
    on = command.inaugurated_on
    if command.effective_at and get_agency(plan.agency).local_date(command.effective_at) != on:
        raise PLACEMENT.refused(
            "inauguration-moment-mismatch",
            cycle.placement_citation,
            effective_at=command.effective_at,
            on=on,
        )
    if placement_id(plan.id, command.nip) in app.repository:
        raise PLACEMENT.refused(
            "already-placed", cycle.placement_citation, nip=command.nip, position=plan.position
        )
    plan.ensure_unfilled(cycle)
    employee = agency_employee(app, command.nip, plan.agency, cycle.placement_citation)
    facts = employee.facts
    target = Target(
        plan_id=plan.id,
        agency=plan.agency,
        position=plan.position,
        unit=plan.unit,
        level=plan.level,
        critical=into_critical_position(
            plan.critical_position_id is not None, _declared(app, plan), on
        ),
    )
    held = assessment_on(app, plan.agency, command.nip, command.decree_date)
    candidate = Candidate(
        nip=command.nip,
        from_unit=facts.unit,
        box=held.box if held else None,
        successors=tuple(successor.nip for successor in plan.successors),
        talent=TalentFacts.of(facts, command.decree_date),
        period=held.period if held else "",
        group=decreed_group(app, plan.agency, held.period) if held else None,
    )
    decree = Decree(
        number=command.decree_number, decree_date=command.decree_date, inaugurated_on=on
    )
    evidence = Evidence(
        decree_number=command.decree_number,
        decree_date=command.decree_date,
        documents=command.documents,
    )
    stamp = envelope(
        actor,
        command.decree_date,
        pack,
        reason=command.reason,
        readings=tuple(r.id for r in pack.readings if r.id is ReadingId.C2),
        evidence=evidence,
    )
    placement = Placement.place(
        target,
        candidate,
        decree,
        cycle,
        stamp,
        group_citations=succession_citations(pack),
        direct_needs_group=direct_needs_group(pack),
    )
    filled = envelope(actor, command.decree_date, pack, reason=command.reason, evidence=evidence)
    plan.fill(placement.nip, placement.id, cycle, filled)
    spell = PositionSpell(
        level=plan.level,
        title=plan.position,
        start=on,
        unit=plan.unit,
        inauguration=on,
        decree_number=command.decree_number,
    )
    take_post(employee, spell, stamp)
    saved: list[Placement | Monitoring] = [placement]
    if placement.critical:
        # Monitoring runs from the inauguration (to the minute when known), not the decree.
        started = envelope(
            actor,
            on,
            pack,
            cycle.monitoring_citation,
            readings=(ReadingId.D7,),
            effective_at=command.effective_at,
            evidence=evidence,
        )
        saved.append(Monitoring.start(placement.id, placement.nip, plan.agency, on, cycle, started))
    app.save(*saved, plan, employee)
    return placement.id
