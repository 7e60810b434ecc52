"""Monitoring of successors placed in critical positions: one document per monitoring with its
yearly check-ins, the evaluation's due date and outcome; the list of what is due on a day."""

from __future__ import annotations

from datetime import date, timedelta
from functools import singledispatch
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.envelope import Envelope
from domain.rules.cycle import MonitoringOutcome
from domain.talent.monitoring import Monitoring
from projections.documents import DocumentView
from projections.documents.models import load, save
from projections.talent.placements import PLACEMENTS, PlacementRow

MONITORING = "monitoring"
# The clocks' first reminder goes 90 days ahead (services.settings.DEFAULT_LEADS), so by default
# the list shows what is already being reminded of.
HORIZON = timedelta(days=90)


class CheckInRow(BaseModel):
    year: int
    due_on: date
    recorded_on: date | None = None
    notes: str = ""


class EvaluationRow(BaseModel):
    outcome: MonitoringOutcome
    evaluated_on: date
    notes: str


class MonitoringRow(BaseModel):
    monitoring_id: UUID
    placement_id: UUID
    agency: str
    nip: str
    # The placement's target, copied when monitoring starts (both are recorded in one save).
    position: str
    unit: str
    starts_on: date
    check_ins: list[CheckInRow]
    evaluation_due: date
    due_recorded_on: date | None = None  # the clock's EvaluationDue
    evaluation: EvaluationRow | None = None


class EvaluationDueRow(BaseModel):
    monitoring_id: UUID
    placement_id: UUID
    nip: str
    position: str
    unit: str
    evaluation_due: date
    due_recorded_on: date | None
    overdue: bool


class CheckInDueRow(BaseModel):
    monitoring_id: UUID
    nip: str
    position: str
    unit: str
    year: int
    due_on: date
    overdue: bool


class MonitoringDue(BaseModel):
    agency: str
    on: date
    until: date
    evaluations: list[EvaluationDueRow]
    check_ins: list[CheckInDueRow]


def monitoring_due(
    view: DocumentView, agency: str, on: date, horizon: timedelta = HORIZON
) -> MonitoringDue:
    """As it stood on ``on``: the monitorings not evaluated by then whose evaluation falls due by
    ``on + horizon``, and their check-ins not recorded by then due in the same window; those past
    their date are flagged overdue (a late evaluation stays listed until it is recorded)."""
    until = on + horizon
    evaluations: list[EvaluationDueRow] = []
    check_ins: list[CheckInDueRow] = []
    for document in view.list(MONITORING, agency):
        row = MonitoringRow.model_validate(document)
        if row.evaluation is not None and row.evaluation.evaluated_on <= on:
            continue
        if row.evaluation_due <= until:
            recorded = row.due_recorded_on
            evaluations.append(
                EvaluationDueRow(
                    monitoring_id=row.monitoring_id,
                    placement_id=row.placement_id,
                    nip=row.nip,
                    position=row.position,
                    unit=row.unit,
                    evaluation_due=row.evaluation_due,
                    due_recorded_on=recorded if recorded and recorded <= on else None,
                    overdue=row.evaluation_due < on,
                )
            )
        check_ins += [
            CheckInDueRow(
                monitoring_id=row.monitoring_id,
                nip=row.nip,
                position=row.position,
                unit=row.unit,
                year=check_in.year,
                due_on=check_in.due_on,
                overdue=check_in.due_on < on,
            )
            for check_in in row.check_ins
            if check_in.due_on <= until
            and (check_in.recorded_on is None or check_in.recorded_on > on)
        ]
    return MonitoringDue(
        agency=agency,
        on=on,
        until=until,
        evaluations=sorted(evaluations, key=lambda r: (r.evaluation_due, r.nip)),
        check_ins=sorted(check_ins, key=lambda r: (r.due_on, r.nip)),
    )


def project_monitoring(view: DocumentView, event: Monitoring.Event, tracking: Tracking) -> None:
    if isinstance(event, Monitoring.MonitoringStarted):
        placed = load(view, PLACEMENTS, event.placement_id, PlacementRow)
        row = MonitoringRow(
            monitoring_id=event.originator_id,
            placement_id=event.placement_id,
            agency=event.agency,
            nip=event.nip,
            position=placed.position,
            unit=placed.unit,
            starts_on=event.starts_on,
            check_ins=[
                CheckInRow(year=year, due_on=day)
                for year, day in enumerate(event.check_ins, start=1)
            ],
            evaluation_due=event.evaluation_due,
        )
    else:
        row = load(view, MONITORING, event.originator_id, MonitoringRow)
        _change(event, row)
    save(view, MONITORING, row.monitoring_id, row.agency, row, tracking)


@singledispatch
def _change(event: Monitoring.Event, row: MonitoringRow) -> None:
    raise TypeError(f"the monitoring view does not follow {type(event).__qualname__}")


@_change.register
def _(event: Monitoring.CheckInRecorded, row: MonitoringRow) -> None:
    check_in = row.check_ins[event.year - 1]
    check_in.recorded_on = Envelope.from_event(event.envelope).effective
    check_in.notes = event.notes


@_change.register
def _(event: Monitoring.EvaluationDue, row: MonitoringRow) -> None:
    row.due_recorded_on = event.due_on


@_change.register
def _(event: Monitoring.Evaluated, row: MonitoringRow) -> None:
    row.evaluation = EvaluationRow(
        outcome=MonitoringOutcome(event.outcome),
        evaluated_on=Envelope.from_event(event.envelope).effective,
        notes=event.notes,
    )


# The reminders change nothing listed here (the clock keeps them), so the view never reads them.
MONITORING_TOPICS = (
    get_topic(Monitoring.MonitoringStarted),
    *(get_topic(cls) for cls in _change.registry if cls is not object),
)
