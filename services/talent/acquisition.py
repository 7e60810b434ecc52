"""Acquisition commands (Binjai P13-16, Balikpapan P9-12): declare, report and withdraw a critical
position; analyse the talent needs of a period; set the acquisition strategy from them."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.envelope import Actor, DocumentRef, Evidence, Role
from domain.talent.critical import CriticalPosition, critical_position_id
from domain.talent.planning import Need, TalentPlan, strategy_before_analysis, talent_plan_id
from domain.talent.refusals import CRITICAL, PLANNING
from domain.values import PositionLevel
from services.application import Talenta
from services.auth import same_agency
from services.commands import Command, Name, Rank, Reason, RequiredName
from services.envelopes import envelope
from services.permissions import allowed
from services.talent.common import cycle_pack


class DeclareCriticalPosition(Command):
    agency: RequiredName
    position: RequiredName
    unit: RequiredName
    level: PositionLevel
    characteristics: dict[Name, Reason]  # every pack characteristic code -> its justification
    priority_rank: Rank
    competency_standard: Reason
    decree_number: Name
    decree_date: date
    documents: tuple[DocumentRef, ...] = ()
    reason: Reason = ""


class ReportCriticalPosition(Command):
    critical_position_id: UUID
    letter_number: RequiredName
    letter_date: date
    reason: Reason = ""


class WithdrawCriticalPosition(Command):
    critical_position_id: UUID
    decree_number: RequiredName
    decree_date: date
    reason: Reason = ""


class AnalyseNeeds(Command):
    agency: RequiredName
    period: Name
    analysed_on: date
    basis: tuple[Name, ...]  # RPJMD / RPJPD references
    needs: tuple[Need, ...]
    reason: Reason = ""


class SetStrategy(Command):
    agency: RequiredName
    period: Name
    mechanisms: tuple[Name, ...]
    decree_number: RequiredName
    decree_date: date
    reason: Reason = ""


def critical_position(app: Talenta, position_id: UUID, actor: Actor) -> CriticalPosition:
    found: CriticalPosition = app.find(position_id, "jabatan kritikal", "critical position")
    same_agency(actor, found.agency)
    return found


@allowed(Role.PPK)
def declare_critical_position(app: Talenta, command: DeclareCriticalPosition, actor: Actor) -> UUID:
    same_agency(actor, command.agency)
    pack, cycle = cycle_pack(command.agency, command.decree_date)
    if critical_position_id(command.agency, command.unit, command.position) in app.repository:
        raise CRITICAL.refused(
            "already-declared",
            cycle.critical_decree_citation,
            position=command.position,
            unit=command.unit,
        )
    stamp = envelope(
        actor,
        command.decree_date,
        pack,
        reason=command.reason,
        evidence=Evidence(
            decree_number=command.decree_number,
            decree_date=command.decree_date,
            documents=command.documents,
        ),
    )
    position = CriticalPosition.declare(
        command.agency,
        command.position,
        command.unit,
        command.level,
        command.characteristics,
        command.priority_rank,
        command.competency_standard,
        command.decree_number,
        command.decree_date,
        pack,
        stamp,
    )
    app.save(position)
    return position.id


@allowed(Role.CASEWORKER, Role.TALENT_TEAM)
def report_critical_position(app: Talenta, command: ReportCriticalPosition, actor: Actor) -> None:
    position = critical_position(app, command.critical_position_id, actor)
    pack, _ = cycle_pack(position.agency, command.letter_date)
    stamp = envelope(actor, command.letter_date, pack)
    position.report(command.letter_number, command.letter_date, pack, stamp)
    app.save(position)


@allowed(Role.PPK)
def withdraw_critical_position(
    app: Talenta, command: WithdrawCriticalPosition, actor: Actor
) -> None:
    position = critical_position(app, command.critical_position_id, actor)
    pack, _ = cycle_pack(position.agency, command.decree_date)
    stamp = envelope(
        actor,
        command.decree_date,
        pack,
        reason=command.reason,
        evidence=Evidence(decree_number=command.decree_number, decree_date=command.decree_date),
    )
    position.withdraw(command.decree_number, command.decree_date, pack, stamp)
    app.save(position)


@allowed(Role.TALENT_TEAM)
def analyse_needs(app: Talenta, command: AnalyseNeeds, actor: Actor) -> UUID:
    same_agency(actor, command.agency)
    on = command.analysed_on
    pack, cycle = cycle_pack(command.agency, on)
    if talent_plan_id(command.agency, command.period) in app.repository:
        raise PLANNING.refused(
            "already-analysed", cycle.needs_analysis_citation, period=command.period
        )
    # A need per critical position names one the PPK set for this agency, in force that day.
    for need in command.needs:
        if need.critical_position_id is None:
            continue
        position = critical_position(app, need.critical_position_id, actor)
        if position.agency != command.agency or not position.active_on(on):
            raise PLANNING.refused(
                "critical-position-not-in-force",
                cycle.needs_analysis_citation,
                position=position.position,
                agency=command.agency,
                on=on,
            )
    stamp = envelope(actor, on, pack, reason=command.reason)
    plan = TalentPlan.analyse(
        command.agency, command.period, command.basis, command.needs, pack, stamp
    )
    app.save(plan)
    return plan.id


@allowed(Role.PPK)
def set_strategy(app: Talenta, command: SetStrategy, actor: Actor) -> None:
    same_agency(actor, command.agency)
    on = command.decree_date
    pack, _ = cycle_pack(command.agency, on)
    plan_id = talent_plan_id(command.agency, command.period)
    if plan_id not in app.repository:
        raise strategy_before_analysis(pack, on, command.period)
    plan: TalentPlan = app.repository.get(plan_id)
    stamp = envelope(
        actor,
        on,
        pack,
        reason=command.reason,
        evidence=Evidence(decree_number=command.decree_number, decree_date=on),
    )
    plan.set_strategy(command.mechanisms, command.decree_number, on, pack, stamp)
    app.save(plan)
