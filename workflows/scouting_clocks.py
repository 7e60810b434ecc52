"""madiun-2021 clocks: a round's registration deadline and assessment reminders (P13-17), pool-entry
expiry (P22(1)), tenure review (P25(3)), and what the relay does with each scouting event."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from uuid import UUID

from eventsourcing.utils import get_topic

from domain.envelope import Actor, Role
from domain.rules.calendar import ClockId
from domain.rules.madiun import PACK
from domain.scouting.candidate import AssessmentStage
from domain.scouting.mutation import TenureReview
from domain.scouting.plan import Schedule
from domain.scouting.pool import PoolMembership
from domain.scouting.round import ScoutingRound
from services.application import Talenta
from services.scouting.mutations import RemindTenure, remind_tenure
from services.scouting.pool import ExpireEntry, RemindExpiry, expire_entry, remind_expiry
from services.scouting.rounds import (
    CloseRegistration,
    SendReminder,
    close_registration,
    send_reminder,
)
from services.settings import ClockKind, Settings
from workflows.activities import MilestoneHandler
from workflows.clock import ClockInput, Milestone
from workflows.milestones import Action, Binding, ClockType, handler_table
from workflows.moments import anniversary, milestone, reminders, start_of
from workflows.relay import ClockCommand, ClockRules, SettleClock, StartClock

SYSTEM = Actor(id="talenta-clock", role=Role.SYSTEM)
REMIND_ASSESSORS = {
    AssessmentStage.POTENTIAL: Action.REMIND_POTENTIAL,
    AssessmentStage.TECHNICAL: Action.REMIND_TECHNICAL,
}


def pool_entry_clock(entry_id: UUID) -> str:
    return f"pool-entry/{entry_id}"


def round_clock(round_id: UUID) -> str:
    return f"scouting-round/{round_id}"


def tenure_clock(review_id: UUID) -> str:
    return f"tenure/{review_id}"


def _event_id(event: object) -> str:
    return f"{event.originator_id}/{event.originator_version}"  # type: ignore[attr-defined]


def entry_decreed(settings: Settings, event: PoolMembership.EntryDecreed) -> Sequence[ClockCommand]:
    years = PACK.clock(ClockId.POOL_ENTRY).years
    assert years is not None  # a term of years, not the budget year
    deadline = anniversary(event.envelope, event.expires_on, years, event.agency)
    leads = settings.leads(event.agency, ClockKind.POOL_ENTRY)
    clock = ClockInput(
        kind=ClockType.POOL_ENTRY,
        subject_id=f"{event.originator_id}/{event.entry_id}",
        milestones=[
            *reminders(deadline, event.agency, Action.REMIND, leads),
            milestone(deadline, event.agency, Action.EXPIRE, "expire"),
        ],
    )
    return [StartClock(pool_entry_clock(event.entry_id), clock)]


def entry_used(event: PoolMembership.EntryUsed) -> Sequence[ClockCommand]:
    return [SettleClock(pool_entry_clock(event.entry_id), _event_id(event))]


def round_opened(settings: Settings, event: ScoutingRound.Opened) -> Sequence[ClockCommand]:
    """Registration closes at the end of its last day (P13); assessors are reminded ahead of
    each assessment date of the candidates still without a score (P15-17)."""
    schedule = Schedule.model_validate(event.schedule)
    closes = start_of(schedule.registration_closed_from(), event.agency)
    milestones = [milestone(closes, event.agency, Action.CLOSE_REGISTRATION, "close-registration")]
    leads = settings.leads(event.agency, ClockKind.ASSESSMENT)
    for stage, day in schedule.assessment_days().items():
        assessed = start_of(day, event.agency)
        milestones += reminders(assessed, event.agency, REMIND_ASSESSORS[stage], leads)
    clock = ClockInput(
        kind=ClockType.SCOUTING_ROUND, subject_id=str(event.originator_id), milestones=milestones
    )
    return [StartClock(round_clock(event.originator_id), clock)]


def tenure_started(settings: Settings, event: TenureReview.TenureStarted) -> Sequence[ClockCommand]:
    due = start_of(event.due_on, event.agency)
    leads = settings.leads(event.agency, ClockKind.TENURE)
    clock = ClockInput(
        kind=ClockType.TENURE,
        subject_id=str(event.originator_id),
        milestones=[
            *reminders(due, event.agency, Action.REMIND, leads),
            milestone(due, event.agency, Action.REMIND, "review-due", lead_days=0),
        ],
    )
    return [StartClock(tenure_clock(event.originator_id), clock)]


def tenure_decided(event: TenureReview.TenureDecided) -> Sequence[ClockCommand]:
    return [SettleClock(tenure_clock(event.originator_id), _event_id(event))]


def rules(settings: Settings) -> ClockRules:
    """What the relay does with each scouting event, with the agencies' lead times."""
    return {
        get_topic(ScoutingRound.Opened): partial(round_opened, settings),
        get_topic(PoolMembership.EntryDecreed): partial(entry_decreed, settings),
        get_topic(PoolMembership.EntryUsed): entry_used,
        get_topic(TenureReview.TenureStarted): partial(tenure_started, settings),
        get_topic(TenureReview.TenureDecided): tenure_decided,
    }


def remind_pool_entry(app: Talenta, subject_id: str, reached: Milestone) -> None:
    membership_id, entry_id = (UUID(part) for part in subject_id.split("/"))
    command = RemindExpiry(
        membership_id=membership_id, entry_id=entry_id, lead_days=reached.lead_days, on=reached.on
    )
    remind_expiry(app, command, SYSTEM)


def expire_pool_entry(app: Talenta, subject_id: str, reached: Milestone) -> None:
    membership_id, entry_id = (UUID(part) for part in subject_id.split("/"))
    command = ExpireEntry(membership_id=membership_id, entry_id=entry_id, expired_on=reached.on)
    expire_entry(app, command, SYSTEM)


def remind_tenure_review(app: Talenta, subject_id: str, reached: Milestone) -> None:
    command = RemindTenure(review_id=UUID(subject_id), lead_days=reached.lead_days, on=reached.on)
    remind_tenure(app, command, SYSTEM)


def close_round_registration(app: Talenta, subject_id: str, reached: Milestone) -> None:
    command = CloseRegistration(
        round_id=UUID(subject_id),
        closed_on=reached.on,
        effective=reached.on,
        reason="batas waktu pendaftaran / registration deadline",
    )
    close_registration(app, command, SYSTEM)


def remind_assessors(stage: AssessmentStage) -> MilestoneHandler:
    def remind(app: Talenta, subject_id: str, reached: Milestone) -> None:
        scouting: ScoutingRound = app.repository.get(UUID(subject_id))
        missing = scouting.missing_scores(stage)
        if missing:
            command = SendReminder(
                round_id=scouting.id, key=reached.key, nips=missing, effective=reached.on
            )
            send_reminder(app, command, SYSTEM)

    return remind


BINDINGS = (
    Binding(ClockType.SCOUTING_ROUND, Action.CLOSE_REGISTRATION, close_round_registration),
    *(
        Binding(ClockType.SCOUTING_ROUND, action, remind_assessors(stage))
        for stage, action in REMIND_ASSESSORS.items()
    ),
    Binding(ClockType.POOL_ENTRY, Action.REMIND, remind_pool_entry),
    Binding(ClockType.POOL_ENTRY, Action.EXPIRE, expire_pool_entry),
    Binding(ClockType.TENURE, Action.REMIND, remind_tenure_review),
)
HANDLERS = handler_table(BINDINGS)
