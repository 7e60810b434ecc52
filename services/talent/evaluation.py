"""The yearly programme evaluation (binjai-2023 P34(2)): a SYSTEM command, run by the agency's
Temporal Schedule at the end of the budget year, records the year's figures once per agency and
year."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from eventsourcing.utils import get_topic

from domain.envelope import Actor, Envelope, Role
from domain.rules.calendar import budget_year_end
from domain.talent.evaluation import ProgrammeEvaluation, ProgrammeReport, programme_evaluation_id
from domain.talent.mapping import TalentProfile
from domain.talent.monitoring import Monitoring
from domain.talent.placement import Placement
from domain.talent.retention import Award, AwardKind
from domain.talent.succession import SuccessionPlan
from services.application import Talenta
from services.auth import same_agency
from services.commands import BudgetYear, Command, RequiredName
from services.envelopes import envelope
from services.permissions import allowed
from services.talent.common import cycle_pack

PAGE = 500


class EvaluateProgramme(Command):
    agency: RequiredName
    year: BudgetYear


@allowed(Role.SYSTEM)
def evaluate_programme(app: Talenta, command: EvaluateProgramme, actor: Actor) -> bool:
    """False when the year is already evaluated, so a re-fired schedule records nothing twice."""
    same_agency(actor, command.agency)
    year_end = budget_year_end(date(command.year, 1, 1))
    pack, cycle = cycle_pack(command.agency, year_end)
    if programme_evaluation_id(command.agency, command.year) in app.repository:
        return False
    stamp = envelope(
        actor,
        year_end,
        pack,
        reason=f"evaluasi akhir tahun anggaran {command.year} / end of budget year {command.year}",
    )
    report = programme_figures(app, command.agency, command.year)
    app.save(ProgrammeEvaluation.evaluate(command.agency, command.year, report, cycle, stamp))
    return True


def programme_figures(app: Talenta, agency: str, year: int) -> ProgrammeReport:
    """The year's figures, gathered by reading the event log once per kind of event.

    A stand-in for read models: it scans the log (cheap at a municipality's size, once a year)
    and can be replaced by queries of the read models without changing the command. Boxes: each
    talent's latest assessment by the year's end, per unit; nominations and placements: those of
    the year; pins: valid on 31 December; monitoring due: evaluation due by the year's end and not
    recorded by then.
    """
    year_end = budget_year_end(date(year, 1, 1))
    latest: dict[str, tuple[date, str, int]] = {}
    for assessed in _events(app, TalentProfile.Assessed):
        on = Envelope.from_event(assessed.envelope).effective
        later = assessed.nip not in latest or latest[assessed.nip][0] <= on
        if assessed.agency == agency and on <= year_end and later:
            latest[assessed.nip] = (on, assessed.unit, assessed.box)
    boxes: dict[str, dict[str, int]] = {}
    for _, unit, box in latest.values():
        per_unit = boxes.setdefault(unit, {})
        per_unit[str(box)] = per_unit.get(str(box), 0) + 1
    plans = {
        declared.originator_id
        for declared in _events(app, SuccessionPlan.TargetDeclared)
        if declared.agency == agency
    }
    nominations = sum(
        1
        for nominated in _events(app, SuccessionPlan.Nominated)
        if nominated.originator_id in plans
        and Envelope.from_event(nominated.envelope).effective.year == year
    )
    pins = {
        awarded.originator_id
        for awarded in _events(app, Award.Awarded)
        if awarded.agency == agency
        and awarded.kind == AwardKind.PIN
        and awarded.decree_date <= year_end
        and (awarded.expires_on is None or awarded.expires_on > year_end)
    }
    for expired in _events(app, Award.PinExpired):
        if expired.expired_on <= year_end:
            pins.discard(expired.originator_id)
    placements = sum(
        1
        for placed in _events(app, Placement.Placed)
        if placed.agency == agency and placed.decree_date.year == year
    )
    due = {
        started.originator_id
        for started in _events(app, Monitoring.MonitoringStarted)
        if started.agency == agency and started.evaluation_due <= year_end
    }
    for evaluated in _events(app, Monitoring.Evaluated):
        if Envelope.from_event(evaluated.envelope).effective <= year_end:
            due.discard(evaluated.originator_id)
    return ProgrammeReport(
        boxes=boxes,
        nominations=nominations,
        placements=placements,
        valid_pins=len(pins),
        monitoring_due=len(due),
    )


def _events(app: Talenta, kind: type[Any]) -> Iterator[Any]:
    """Every stored event of one type, in the log's order."""
    position = 0
    while True:
        notifications = app.recorder.select_notifications(
            start=position, limit=PAGE, topics=(get_topic(kind),), inclusive_of_start=False
        )
        for notification in notifications:
            yield app.mapper.to_domain_event(notification)
            position = notification.id
        if len(notifications) < PAGE:
            return
