"""A successor placed in a critical position, monitored for ``pack.cycle.monitoring_years``
(binjai-2023 P33(2), balikpapan-2022 P25(3)): yearly check-ins, then the PPK's evaluation with an
outcome from ``pack.cycle.monitoring_outcomes`` (Binjai P33(3): re-placement by promotion or an
equivalent position; Balikpapan P25(4): further development, the performance review board).

The system's steps (reminders, the due date) are idempotent: a retried clock activity records
nothing twice and a monitoring already evaluated takes no more of them.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.envelope import Envelope
from domain.rules.calendar import add_years, expiry
from domain.rules.cycle import CycleRules, MonitoringOutcome
from domain.talent.critical import CriticalPosition
from domain.talent.refusals import MONITORING
from domain.values import Nip

_MONITORING_IDS = uuid5(NAMESPACE_URL, "talenta:monitoring")


def monitoring_id(placement_id: UUID) -> UUID:
    return uuid5(_MONITORING_IDS, str(placement_id))


def into_critical_position(linked: bool, declared: CriticalPosition | None, on: date) -> bool:
    """Whether a placement inaugurated ``on`` is monitored (binjai-2023 P33(2),
    balikpapan-2022 P25(3)): its plan is linked to a critical position, or its position (the
    same unit and title) is declared critical and not withdrawn that day, linked or not."""
    return linked or (declared is not None and declared.active_on(on))


class Monitoring(Aggregate):
    class MonitoringStarted(Aggregate.Created):
        placement_id: UUID
        nip: str
        agency: str
        starts_on: date
        check_ins: list[date]
        evaluation_due: date
        envelope: dict[str, Any]

    class CheckInReminderSent(Aggregate.Event):
        key: str
        envelope: dict[str, Any]

    class EvaluationReminderSent(Aggregate.Event):
        key: str
        envelope: dict[str, Any]

    class CheckInRecorded(Aggregate.Event):
        year: int
        notes: str
        envelope: dict[str, Any]

    class EvaluationDue(Aggregate.Event):
        due_on: date
        envelope: dict[str, Any]

    class Evaluated(Aggregate.Event):
        outcome: str
        notes: str
        envelope: dict[str, Any]

    @staticmethod
    def create_id(placement_id: UUID, **_: Any) -> UUID:
        return monitoring_id(placement_id)

    @event(MonitoringStarted)
    def __init__(
        self,
        placement_id: UUID,
        nip: str,
        agency: str,
        starts_on: date,
        check_ins: list[date],
        evaluation_due: date,
        envelope: dict[str, Any],
    ) -> None:
        self.placement_id = placement_id
        self.nip = nip
        self.agency = agency
        self.starts_on = starts_on
        self.check_ins = tuple(check_ins)
        self.evaluation_due = evaluation_due
        self.reminded: set[str] = set()
        self.checked_in: dict[int, str] = {}
        self.due_on: date | None = None
        self.outcome: MonitoringOutcome | None = None

    @classmethod
    def start(
        cls,
        placement_id: UUID,
        nip: str,
        agency: str,
        inaugurated_on: date,
        cycle: CycleRules,
        envelope: Envelope,
    ) -> Monitoring:
        """From the inauguration: a check-in at each anniversary before the end, the evaluation
        due on the last one (reading D7: 29 Feb counts to 28 Feb)."""
        years = cycle.monitoring_years
        return cls(
            placement_id=placement_id,
            nip=str(Nip(nip)),
            agency=agency,
            starts_on=inaugurated_on,
            check_ins=[add_years(inaugurated_on, year) for year in range(1, years)],
            evaluation_due=expiry(inaugurated_on, years),
            envelope=envelope.to_event(),
        )

    # Commands of the people

    def record_check_in(self, year: int, notes: str, cycle: CycleRules, envelope: Envelope) -> None:
        self._ensure_open(cycle)
        if not 1 <= year <= len(self.check_ins):
            raise MONITORING.refused(
                "no-such-check-in",
                cycle.monitoring_citation,
                year=year,
                recorded=len(self.check_ins),
            )
        if year in self.checked_in:
            raise MONITORING.refused(
                "check-in-already-recorded", cycle.monitoring_citation, year=year
            )
        self._checked_in(
            year=year, notes=notes, envelope=envelope.citing(cycle.monitoring_citation).to_event()
        )

    def evaluate(
        self, outcome: MonitoringOutcome, notes: str, cycle: CycleRules, envelope: Envelope
    ) -> None:
        """The final evaluation, from the end of the term on (its n-th anniversary, reading D7):
        an earlier one would end monitoring before the regulation's 3 years have run."""
        self._ensure_open(cycle)
        allowed = ", ".join(cycle.monitoring_outcomes)
        if outcome not in cycle.monitoring_outcomes:
            raise MONITORING.refused(
                "outcome-not-in-pack",
                cycle.monitoring_outcomes_citation,
                outcome=outcome,
                allowed=allowed,
            )
        if envelope.effective < self.evaluation_due:
            years = cycle.monitoring_years
            raise MONITORING.refused(
                "evaluation-too-early",
                cycle.monitoring_citation,
                years=years,
                evaluation_due=self.evaluation_due,
                effective=envelope.effective,
            )
        self._evaluated(
            outcome=str(outcome),
            notes=notes,
            envelope=envelope.citing(
                cycle.monitoring_citation, cycle.monitoring_outcomes_citation
            ).to_event(),
        )

    # Commands of the clock: idempotent, False when there is nothing (more) to record

    def remind_check_in(self, year: int, key: str, envelope: Envelope) -> bool:
        if key in self.reminded or year in self.checked_in or self.evaluated:
            return False
        self._check_in_reminded(key=key, envelope=envelope.to_event())
        return True

    def remind_evaluation(self, key: str, envelope: Envelope) -> bool:
        if key in self.reminded or self.evaluated:
            return False
        self._evaluation_reminded(key=key, envelope=envelope.to_event())
        return True

    def mark_due(self, due_on: date, cycle: CycleRules, envelope: Envelope) -> bool:
        if self.due_on is not None or self.evaluated:
            return False
        if due_on < self.evaluation_due:
            raise MONITORING.refused(
                "evaluation-not-yet-due",
                cycle.monitoring_citation,
                evaluation_due=self.evaluation_due,
                due_on=due_on,
            )
        self._due(due_on=due_on, envelope=envelope.to_event())
        return True

    # Queries

    @property
    def evaluated(self) -> bool:
        return self.outcome is not None

    def _ensure_open(self, cycle: CycleRules) -> None:
        if self.evaluated:
            raise MONITORING.refused(
                "already-evaluated",
                cycle.monitoring_outcomes_citation,
                nip=self.nip,
                outcome=self.outcome,
            )

    # Events

    @event(CheckInRecorded)
    def _checked_in(self, year: int, notes: str, envelope: dict[str, Any]) -> None:
        self.checked_in[year] = notes

    @event(CheckInReminderSent)
    def _check_in_reminded(self, key: str, envelope: dict[str, Any]) -> None:
        self.reminded.add(key)

    @event(EvaluationReminderSent)
    def _evaluation_reminded(self, key: str, envelope: dict[str, Any]) -> None:
        self.reminded.add(key)

    @event(EvaluationDue)
    def _due(self, due_on: date, envelope: dict[str, Any]) -> None:
        self.due_on = due_on

    @event(Evaluated)
    def _evaluated(self, outcome: str, notes: str, envelope: dict[str, Any]) -> None:
        self.outcome = MonitoringOutcome(outcome)
