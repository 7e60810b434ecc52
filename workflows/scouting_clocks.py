"""madiun-2021 clocks: pool-entry expiry (P22), tenure review (P25(3)), and what the relay does
with each scouting event."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from eventsourcing.utils import get_topic

from domain.envelope import Actor, Role
from domain.scouting.mutation import TenureReview
from domain.scouting.pool import PoolMembership
from services.application import Talenta
from services.scouting.mutations import RemindTenure, remind_tenure
from services.scouting.pool import ExpireEntry, RemindExpiry, expire_entry, remind_expiry
from workflows.activities import MilestoneHandler
from workflows.clock import ClockInput, Milestone
from workflows.moments import anniversary, milestone, reminders, start_of
from workflows.relay import ClockCommand, ClockRules, SettleClock, StartClock

SYSTEM = Actor(id="talenta-clock", role=Role.SYSTEM)
POOL_ENTRY_YEARS = 3


def pool_entry_clock(entry_id: UUID) -> str:
    return f"pool-entry/{entry_id}"


def tenure_clock(review_id: UUID) -> str:
    return f"tenure/{review_id}"


def _event_id(event: object) -> str:
    return f"{event.originator_id}/{event.originator_version}"  # type: ignore[attr-defined]


def entry_decreed(event: PoolMembership.EntryDecreed) -> Sequence[ClockCommand]:
    deadline = anniversary(event.envelope, event.expires_on, POOL_ENTRY_YEARS, event.agency)
    clock = ClockInput(
        kind="pool-entry",
        subject_id=f"{event.originator_id}/{event.entry_id}",
        milestones=[
            *reminders(deadline, event.agency, "remind"),
            milestone(deadline, event.agency, "expire", "expire"),
        ],
    )
    return [StartClock(pool_entry_clock(event.entry_id), clock)]


def entry_used(event: PoolMembership.EntryUsed) -> Sequence[ClockCommand]:
    return [SettleClock(pool_entry_clock(event.entry_id), _event_id(event))]


def tenure_started(event: TenureReview.TenureStarted) -> Sequence[ClockCommand]:
    due = start_of(event.due_on, event.agency)
    clock = ClockInput(
        kind="tenure",
        subject_id=str(event.originator_id),
        milestones=[
            *reminders(due, event.agency, "remind"),
            milestone(due, event.agency, "remind", "review-due", lead_days=0),
        ],
    )
    return [StartClock(tenure_clock(event.originator_id), clock)]


def tenure_decided(event: TenureReview.TenureDecided) -> Sequence[ClockCommand]:
    return [SettleClock(tenure_clock(event.originator_id), _event_id(event))]


RULES: ClockRules = {
    get_topic(PoolMembership.EntryDecreed): entry_decreed,
    get_topic(PoolMembership.EntryUsed): entry_used,
    get_topic(TenureReview.TenureStarted): tenure_started,
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


HANDLERS: dict[tuple[str, str], MilestoneHandler] = {
    ("pool-entry", "remind"): remind_pool_entry,
    ("pool-entry", "expire"): expire_pool_entry,
    ("tenure", "remind"): remind_tenure_review,
}
