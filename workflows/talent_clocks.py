"""The box-9 pin clock (binjai-2023 P30(2)(a), reading D7) and what the relay does with awards.

One clock per pin award, ``pin/<award id>``: reminders ahead of the expiry, then the expiry itself,
each recorded by the system through an idempotent command. Awards without an expiry (every award
but the pin, and every Balikpapan award) start no clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from uuid import UUID

from eventsourcing.utils import get_topic

from domain.envelope import Actor, Role
from domain.talent.retention import Award, AwardKind
from services.application import Talenta
from services.settings import ClockKind, Settings
from services.talent.common import cycle_pack
from services.talent.retention import ExpirePin, RemindPin, expire_pin, remind_pin
from workflows.clock import ClockInput, Milestone
from workflows.milestones import Action, Binding, ClockType, handler_table
from workflows.moments import anniversary, milestone, reminders
from workflows.relay import ClockCommand, ClockRules, StartClock

SYSTEM = Actor(id="talenta-clock", role=Role.SYSTEM)
PIN = ClockType.PIN


def pin_clock(award_id: UUID) -> str:
    return f"{PIN}/{award_id}"


def pin_awarded(settings: Settings, event: Award.Awarded) -> Sequence[ClockCommand]:
    _, cycle = cycle_pack(event.agency, event.decree_date)
    if AwardKind(event.kind) is not AwardKind.PIN or not event.expires_on or not cycle.pin_years:
        return []
    deadline = anniversary(event.envelope, event.expires_on, cycle.pin_years, event.agency)
    clock = ClockInput(
        kind=PIN,
        subject_id=str(event.originator_id),
        milestones=[
            *reminders(
                deadline, event.agency, Action.REMIND, settings.leads(event.agency, ClockKind.PIN)
            ),
            milestone(deadline, event.agency, Action.EXPIRE, "expire"),
        ],
    )
    return [StartClock(pin_clock(event.originator_id), clock)]


def rules(settings: Settings) -> ClockRules:
    return {get_topic(Award.Awarded): partial(pin_awarded, settings)}


def remind_pin_expiry(app: Talenta, subject_id: str, reached: Milestone) -> None:
    command = RemindPin(award_id=UUID(subject_id), lead_days=reached.lead_days, on=reached.on)
    remind_pin(app, command, SYSTEM)


def expire_pin_award(app: Talenta, subject_id: str, reached: Milestone) -> None:
    expire_pin(app, ExpirePin(award_id=UUID(subject_id), expired_on=reached.on), SYSTEM)


BINDINGS = (
    Binding(PIN, Action.REMIND, remind_pin_expiry),
    Binding(PIN, Action.EXPIRE, expire_pin_award),
)
HANDLERS = handler_table(BINDINGS)
