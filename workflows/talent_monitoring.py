"""The post-placement monitoring clock (binjai-2023 P33(2), balikpapan-2022 P25(3)) and what the
relay does with monitoring events.

One clock per monitoring, ``monitoring/<monitoring id>``, with milestones:
- reminders ahead of each yearly check-in (``check-in-<year>-<lead>d``);
- reminders ahead of the evaluation (``evaluation-<lead>d``);
- the due date itself, recorded as ``EvaluationDue`` by the system (``evaluation-due``);
- overdue reminders ``OVERDUE_DAYS`` after the due date (``overdue-<days>d``). They stop there so
  the workflow stays finite: after the last one the clock ends, and the monitoring due list (an
  open ``EvaluationDue`` without ``Evaluated``) keeps showing it to the PPK.
``Evaluated`` settles the clock, so nothing after the evaluation is sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from uuid import UUID

from eventsourcing.utils import get_topic

from domain.envelope import Actor, Role
from domain.talent.monitoring import Monitoring
from services.application import Talenta
from services.settings import ClockKind, Settings
from services.talent.monitoring import (
    MarkEvaluationDue,
    RemindCheckIn,
    RemindEvaluation,
    mark_evaluation_due,
    remind_check_in,
    remind_evaluation,
)
from workflows.clock import ClockInput, Milestone
from workflows.milestones import Action, Binding, ClockType, handler_table
from workflows.moments import anniversary, milestone, reminders
from workflows.relay import ClockCommand, ClockRules, SettleClock, StartClock

SYSTEM = Actor(id="talenta-clock", role=Role.SYSTEM)
KIND = ClockType.MONITORING
# Days after the due date that a still missing evaluation is reminded of; then the clock ends.
OVERDUE_DAYS = (7, 14, 30, 60, 90)


def monitoring_clock(monitoring_id: UUID) -> str:
    return f"monitoring/{monitoring_id}"


def _event_id(event: Monitoring.Evaluated) -> str:
    return f"{event.originator_id}/{event.originator_version}"


def _check_in_reminders(settings: Settings, event: Monitoring.MonitoringStarted) -> list[Milestone]:
    leads = settings.leads(event.agency, ClockKind.CHECK_IN)
    found: list[Milestone] = []
    for year, day in enumerate(event.check_ins, start=1):
        at = anniversary(event.envelope, day, year, event.agency)
        found += [
            each.model_copy(update={"key": f"check-in-{year}-{each.lead_days}d"})
            for each in reminders(at, event.agency, Action.REMIND_CHECK_IN, leads)
        ]
    return found


def _overdue(due: datetime, agency: str) -> list[Milestone]:
    """Overdue reminders still ahead; when the clock starts late, the latest one already past
    is sent at once rather than all of them together."""
    now = datetime.now(UTC)
    moments = [(due + timedelta(days=days), days) for days in OVERDUE_DAYS]
    past = [(at, days) for at, days in moments if at <= now]
    kept = [(at, days) for at, days in moments if at > now]
    if past:
        kept.insert(0, (max(now, due), past[-1][1]))
    return [milestone(at, agency, Action.REMIND_OVERDUE, f"overdue-{days}d") for at, days in kept]


def monitoring_started(
    settings: Settings, event: Monitoring.MonitoringStarted
) -> Sequence[ClockCommand]:
    years = len(event.check_ins) + 1
    leads = settings.leads(event.agency, ClockKind.EVALUATION)
    due = anniversary(event.envelope, event.evaluation_due, years, event.agency)
    clock = ClockInput(
        kind=KIND,
        subject_id=str(event.originator_id),
        milestones=[
            *_check_in_reminders(settings, event),
            *[
                each.model_copy(update={"key": f"evaluation-{each.lead_days}d"})
                for each in reminders(due, event.agency, Action.REMIND_EVALUATION, leads)
            ],
            milestone(due, event.agency, Action.EVALUATION_DUE, "evaluation-due"),
            *_overdue(due, event.agency),
        ],
    )
    return [StartClock(monitoring_clock(event.originator_id), clock)]


def evaluated(event: Monitoring.Evaluated) -> Sequence[ClockCommand]:
    return [SettleClock(monitoring_clock(event.originator_id), _event_id(event))]


def rules(settings: Settings) -> ClockRules:
    return {
        get_topic(Monitoring.MonitoringStarted): partial(monitoring_started, settings),
        get_topic(Monitoring.Evaluated): evaluated,
    }


def _remind_check_in(app: Talenta, subject_id: str, reached: Milestone) -> None:
    year = int(reached.key.split("-")[2])  # check-in-<year>-<lead>d
    command = RemindCheckIn(
        monitoring_id=UUID(subject_id), year=year, key=reached.key, on=reached.on
    )
    remind_check_in(app, command, SYSTEM)


def _remind_evaluation(app: Talenta, subject_id: str, reached: Milestone) -> None:
    command = RemindEvaluation(monitoring_id=UUID(subject_id), key=reached.key, on=reached.on)
    remind_evaluation(app, command, SYSTEM)


def _evaluation_due(app: Talenta, subject_id: str, reached: Milestone) -> None:
    mark_evaluation_due(
        app, MarkEvaluationDue(monitoring_id=UUID(subject_id), due_on=reached.on), SYSTEM
    )


BINDINGS = (
    Binding(KIND, Action.REMIND_CHECK_IN, _remind_check_in),
    Binding(KIND, Action.REMIND_EVALUATION, _remind_evaluation),
    Binding(KIND, Action.REMIND_OVERDUE, _remind_evaluation),
    Binding(KIND, Action.EVALUATION_DUE, _evaluation_due),
)
HANDLERS = handler_table(BINDINGS)
