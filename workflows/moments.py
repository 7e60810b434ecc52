"""Where a clock's deadline falls in time, and the reminders ahead of it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from domain.agencies import get_agency
from domain.envelope import Envelope
from domain.rules.calendar import add_years
from workflows.clock import Milestone
from workflows.milestones import Action


def zone(agency: str) -> ZoneInfo:
    return ZoneInfo(get_agency(agency).time_zone)


def start_of(day: date, agency: str) -> datetime:
    """Midnight at the start of ``day`` in the agency's time zone (rulebook Part C)."""
    return datetime.combine(day, time(0), zone(agency))


def anniversary(envelope: dict[str, Any], due_on: date, years: int, agency: str) -> datetime:
    """The moment an n-year term ends: n calendar years after the decision's effective moment
    when it was recorded to the minute (29 Feb → 28 Feb, reading D7), else the start of the
    due date in the agency's time zone."""
    effective_at = Envelope.from_event(envelope).effective_at
    if effective_at is None:
        return start_of(due_on, agency)
    local = effective_at.astimezone(zone(agency))
    return datetime.combine(add_years(local.date(), years), local.timetz())


def milestone(at: datetime, agency: str, action: Action, key: str, lead_days: int = 0) -> Milestone:
    on = at.astimezone(zone(agency)).date()
    return Milestone(at=at, on=on, action=action, key=key, lead_days=lead_days)


def reminders(
    deadline: datetime, agency: str, action: Action, leads: Iterable[int]
) -> list[Milestone]:
    """A reminder ``lead`` days ahead of the deadline for each lead (the agency's setting for
    the clock, services.settings) still in the future. When
    none is left but the deadline is still ahead (the clock started late, e.g. while the relay
    was down), the last reminder that fell due is sent at once rather than lost."""
    now = datetime.now(UTC)
    due = sorted((deadline - timedelta(days=lead), lead) for lead in set(leads))
    kept = [(at, lead) for at, lead in due if at > now]
    missed = [(at, lead) for at, lead in due if at <= now]
    if missed and not kept and deadline > now:
        kept = [(now, missed[-1][1])]
    return [milestone(at, agency, action, f"{action}-{lead}d", lead) for at, lead in kept]
