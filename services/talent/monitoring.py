"""Monitoring commands (binjai-2023 P33, balikpapan-2022 P25): yearly check-ins by the caseworker
or the talent team, the PPK's final evaluation, and the clock's idempotent steps."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.envelope import Actor, DocumentRef, Evidence, Role
from domain.rules.core import ReadingId
from domain.rules.cycle import MonitoringOutcome
from domain.talent.monitoring import Monitoring
from services.application import Talenta
from services.auth import same_agency
from services.commands import Anniversary, Command, Name, Reason, RequiredName
from services.envelopes import envelope
from services.permissions import allowed
from services.talent.common import cycle_pack


class RecordCheckIn(Command):
    monitoring_id: UUID
    year: Anniversary  # 1 = the check-in at the first anniversary
    notes: Reason = ""
    effective: date
    documents: tuple[DocumentRef, ...] = ()


class EvaluateMonitoring(Command):
    monitoring_id: UUID
    outcome: MonitoringOutcome
    notes: Reason = ""
    effective: date
    # A re-placement (Binjai P33(3)) is decreed; the evaluation may cite it.
    decree_number: Name = ""
    documents: tuple[DocumentRef, ...] = ()


class RemindCheckIn(Command):
    monitoring_id: UUID
    year: Anniversary
    key: RequiredName
    on: date


class RemindEvaluation(Command):
    monitoring_id: UUID
    key: RequiredName
    on: date


class MarkEvaluationDue(Command):
    monitoring_id: UUID
    due_on: date


def _monitoring(app: Talenta, monitoring_id: UUID, actor: Actor) -> Monitoring:
    found: Monitoring = app.find(monitoring_id, "pemantauan", "monitoring")
    same_agency(actor, found.agency)
    return found


@allowed(Role.CASEWORKER, Role.TALENT_TEAM)
def record_check_in(app: Talenta, command: RecordCheckIn, actor: Actor) -> None:
    monitoring = _monitoring(app, command.monitoring_id, actor)
    pack, cycle = cycle_pack(monitoring.agency, command.effective)
    stamp = envelope(
        actor,
        command.effective,
        pack,
        reason=command.notes,
        evidence=Evidence(documents=command.documents),
    )
    monitoring.record_check_in(command.year, command.notes, cycle, stamp)
    app.save(monitoring)


@allowed(Role.PPK)
def evaluate_monitoring(app: Talenta, command: EvaluateMonitoring, actor: Actor) -> None:
    """Settles the monitoring clock (the relay signals it on ``Evaluated``)."""
    monitoring = _monitoring(app, command.monitoring_id, actor)
    pack, cycle = cycle_pack(monitoring.agency, command.effective)
    stamp = envelope(
        actor,
        command.effective,
        pack,
        reason=command.notes,
        evidence=Evidence(
            decree_number=command.decree_number,
            decree_date=command.effective if command.decree_number else None,
            documents=command.documents,
        ),
    )
    monitoring.evaluate(command.outcome, command.notes, cycle, stamp)
    app.save(monitoring)


@allowed(Role.SYSTEM)
def remind_check_in(app: Talenta, command: RemindCheckIn, actor: Actor) -> bool:
    monitoring = _monitoring(app, command.monitoring_id, actor)
    pack, cycle = cycle_pack(monitoring.agency, command.on)
    stamp = envelope(actor, command.on, pack, cycle.monitoring_citation, readings=(ReadingId.D7,))
    if monitoring.remind_check_in(command.year, command.key, stamp):
        app.save(monitoring)
        return True
    return False


@allowed(Role.SYSTEM)
def remind_evaluation(app: Talenta, command: RemindEvaluation, actor: Actor) -> bool:
    monitoring = _monitoring(app, command.monitoring_id, actor)
    pack, cycle = cycle_pack(monitoring.agency, command.on)
    stamp = envelope(actor, command.on, pack, cycle.monitoring_citation, readings=(ReadingId.D7,))
    if monitoring.remind_evaluation(command.key, stamp):
        app.save(monitoring)
        return True
    return False


@allowed(Role.SYSTEM)
def mark_evaluation_due(app: Talenta, command: MarkEvaluationDue, actor: Actor) -> bool:
    monitoring = _monitoring(app, command.monitoring_id, actor)
    pack, cycle = cycle_pack(monitoring.agency, command.due_on)
    stamp = envelope(
        actor,
        command.due_on,
        pack,
        cycle.monitoring_citation,
        reason=f"pemantauan {cycle.monitoring_years} tahun berakhir; evaluasi jatuh tempo / the "
        f"{cycle.monitoring_years}-year monitoring ended; the evaluation is due",
        readings=(ReadingId.D7,),
    )
    if monitoring.mark_due(command.due_on, cycle, stamp):
        app.save(monitoring)
        return True
    return False
