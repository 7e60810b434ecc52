"""Succession commands (Binjai P21-22, P29; Balikpapan P15-17): the group decree (in Balikpapan
after the talent team's group from the nominations), a target position, nominations by the
pack's nominator, the ordered successors."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.envelope import Actor, DocumentRef, Evidence, Role
from domain.talent.nominated_group import (
    NominatedGroup,
    NominatedMember,
    nominated_group_id,
)
from domain.talent.refusals import NOMINATED_GROUP, SUCCESSION
from domain.talent.succession import SuccessionGroup, SuccessionPlan, group_id, succession_plan_id
from domain.talent.succession_values import DecreedGroup, Successor, TalentFacts, TargetStatus
from domain.values import Nip, PositionLevel
from services.application import Talenta
from services.auth import same_agency
from services.commands import Command, Name, NipText, Reason, RequiredName, RequiredText
from services.envelopes import envelope
from services.permissions import allowed
from services.talent.acquisition import critical_position
from services.talent.boxes import assessment_on
from services.talent.common import cycle_pack


class SetGroup(Command):
    agency: RequiredName
    period: Name
    nips: tuple[NipText, ...]
    decree_number: RequiredName
    decree_date: date
    documents: tuple[DocumentRef, ...] = ()
    reason: Reason = ""


class NominationRef(Command):
    plan_id: UUID
    nip: NipText


class SetNominatedGroup(Command):
    """The talent team's group from its nominations (Balikpapan P16(2))."""

    agency: RequiredName
    period: Name
    nominations: tuple[NominationRef, ...]
    decided_on: date
    reference: RequiredName  # the team's minutes (berita acara) number
    documents: tuple[DocumentRef, ...] = ()
    reason: Reason = ""


class DeclareTarget(Command):
    agency: RequiredName
    position: RequiredName
    unit: RequiredName
    level: PositionLevel
    status: TargetStatus
    declared_on: date
    critical_position_id: UUID | None = None
    reason: Reason = ""


class Nominate(Command):
    plan_id: UUID
    nip: NipText
    nominated_on: date
    justification: RequiredText


class OrderSuccessors(Command):
    plan_id: UUID
    ordered_on: date
    successors: tuple[Successor, ...]  # first to be placed first; ``order`` is set from this
    reason: Reason = ""


def succession_plan(app: Talenta, plan_id: UUID, actor: Actor) -> SuccessionPlan:
    found: SuccessionPlan = app.find(plan_id, "rencana suksesi", "succession plan")
    same_agency(actor, found.agency)
    return found


@allowed(Role.PPK)
def set_group(app: Talenta, command: SetGroup, actor: Actor) -> UUID:
    """Declared for the PPK, the group setter of both packs; the aggregate still checks the
    role against ``pack.cycle.group_setter``."""
    same_agency(actor, command.agency)
    on = command.decree_date
    pack, cycle = cycle_pack(command.agency, on)
    if group_id(command.agency, command.period) in app.repository:
        raise SUCCESSION.refused("group-exists", cycle.group_citation, period=command.period)
    members = {nip: assessment_on(app, command.agency, nip, on) for nip in command.nips}
    talents = {nip: TalentFacts.of(app.facts(nip), on) for nip in members}
    stamp = envelope(
        actor,
        on,
        pack,
        reason=command.reason,
        evidence=Evidence(
            decree_number=command.decree_number, decree_date=on, documents=command.documents
        ),
    )
    group = SuccessionGroup.decree(
        command.agency,
        command.period,
        members,
        command.decree_number,
        on,
        pack,
        stamp,
        talents={str(Nip(nip)): talent for nip, talent in talents.items()},
        nominated=nominated_group(app, command.agency, command.period),
    )
    app.save(group)
    return group.id


def decreed_group(app: Talenta, agency: str, period: str) -> DecreedGroup | None:
    """The succession group the PPK decreed for ``period``, None when none was."""
    key = group_id(agency, period)
    found = app.repository.get(key) if key in app.repository else None
    if not isinstance(found, SuccessionGroup):
        return None
    return DecreedGroup(
        period=found.period, reference=found.decree_number, members=frozenset(found.members)
    )


def nominated_group(app: Talenta, agency: str, period: str) -> DecreedGroup | None:
    """The group the talent team set from the nominations for ``period`` (Balikpapan P16(2)),
    None when it set none."""
    key = nominated_group_id(agency, period)
    found = app.repository.get(key) if key in app.repository else None
    return found.as_group if isinstance(found, NominatedGroup) else None


@allowed(Role.TALENT_TEAM)
def set_nominated_group(app: Talenta, command: SetNominatedGroup, actor: Actor) -> UUID:
    """The talent team sets the group from its nominations, each read from its plan; the PPK's
    decree (``set_group``) may then hold only these talents."""
    same_agency(actor, command.agency)
    on = command.decided_on
    pack, cycle = cycle_pack(command.agency, on)
    citation = cycle.nominated_group_citation or cycle.group_citation
    if nominated_group_id(command.agency, command.period) in app.repository:
        raise NOMINATED_GROUP.refused("nominated-group-exists", citation, period=command.period)
    members = []
    for ref in command.nominations:
        plan = succession_plan(app, ref.plan_id, actor)
        nip = str(Nip(ref.nip))
        members.append(
            NominatedMember(plan_id=plan.id, nip=nip, nomination=plan.nominations.get(nip))
        )
    stamp = envelope(
        actor,
        on,
        pack,
        reason=command.reason,
        evidence=Evidence(
            minutes_number=command.reference, minutes_date=on, documents=command.documents
        ),
    )
    group = NominatedGroup.set(
        command.agency, command.period, members, command.reference, pack, stamp
    )
    app.save(group)
    return group.id


@allowed(Role.CASEWORKER, Role.TALENT_TEAM)
def declare_target(app: Talenta, command: DeclareTarget, actor: Actor) -> UUID:
    same_agency(actor, command.agency)
    on = command.declared_on
    pack, cycle = cycle_pack(command.agency, on)
    if succession_plan_id(command.agency, command.unit, command.position) in app.repository:
        raise SUCCESSION.refused(
            "target-exists", cycle.plan_citation, position=command.position, unit=command.unit
        )
    if command.critical_position_id is not None:
        critical = critical_position(app, command.critical_position_id, actor)
        declared = (critical.position, critical.unit, critical.level)
        if declared != (command.position, command.unit, command.level):
            raise SUCCESSION.refused(
                "critical-position-mismatch",
                cycle.critical_decree_citation,
                critical=critical,
                target=command,
            )
        if not critical.active_on(on):
            raise SUCCESSION.refused(
                "critical-position-not-in-force",
                cycle.critical_decree_citation,
                position=critical.position,
                on=on,
            )
    stamp = envelope(actor, on, pack, reason=command.reason)
    plan = SuccessionPlan.declare(
        command.agency,
        command.position,
        command.unit,
        command.level,
        command.critical_position_id,
        command.status,
        pack,
        stamp,
    )
    app.save(plan)
    return plan.id


@allowed(Role.PPK, Role.TALENT_TEAM)
def nominate(app: Talenta, command: Nominate, actor: Actor) -> None:
    """Open to both roles that nominate in some pack; the aggregate refuses the one that is not
    ``pack.cycle.nominator`` (Binjai P22: the PPK; Balikpapan P16(1): the talent team)."""
    plan = succession_plan(app, command.plan_id, actor)
    on = command.nominated_on
    pack, _ = cycle_pack(plan.agency, on)
    stamp = envelope(actor, on, pack, reason=command.justification)
    held = assessment_on(app, plan.agency, command.nip, on)
    plan.nominate(
        command.nip,
        held,
        command.justification,
        pack,
        stamp,
        talent=TalentFacts.of(app.facts(command.nip), on),
        group=decreed_group(app, plan.agency, held.period) if held else None,
    )
    app.save(plan)


@allowed(Role.PPK, Role.TALENT_TEAM)
def order_successors(app: Talenta, command: OrderSuccessors, actor: Actor) -> tuple[Successor, ...]:
    """The talent team drafts the plan from the mapping; the PPK sets it (P29, P17)."""
    plan = succession_plan(app, command.plan_id, actor)
    on = command.ordered_on
    pack, _ = cycle_pack(plan.agency, on)
    stamp = envelope(actor, on, pack, reason=command.reason)
    ordered = plan.order_successors(command.successors, pack, stamp)
    app.save(plan)
    return ordered
