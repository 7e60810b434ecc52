"""What waits for the signed-in user in the talent cycle (binjai-2023, balikpapan-2022), for the
home page: counts with a link to the page where each is taken up, for the roles that take it up.
Mapping campaigns open for whoever assesses or closes them, open follow-up tasks for whoever
closes them, monitoring check-ins due or late for whoever records them, evaluations due or late
for the PPK, box-9 pins expiring soon for the PPK who decrees them and whoever keeps the talents.
Each count is one read of a read model kept small (the campaigns, one document of the agency's
open follow-ups, the monitorings of placed successors, the pins), and only the reads the role
needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from domain.envelope import Actor, Role
from domain.rules.registry import pack_for
from projections import talent as read
from projections.documents import DocumentView
from projections.talent.waiting import open_campaigns, open_follow_up_count
from services.permissions import roles_of
from services.talent import development, mapping, monitoring, retention

# As far ahead as the clocks' first reminder (services.settings.DEFAULT_LEADS): what is counted
# here is what the reminders already speak of.
AHEAD = timedelta(days=90)


@dataclass(frozen=True)
class Waiting:
    key: str  # the label
    count: int
    href: str
    late: bool = False  # past its date: shown as such


def _campaigns(view: DocumentView, actor: Actor, day: date) -> list[Waiting]:
    return [
        Waiting("cycle_campaigns_open", len(open_campaigns(view, actor.agency, day)), "/mapping")
    ]


def _follow_ups(view: DocumentView, actor: Actor, day: date) -> list[Waiting]:
    count = open_follow_up_count(view, actor.agency)
    return [Waiting("cycle_follow_ups", count, "/development#follow-ups")]


def _monitoring(view: DocumentView, actor: Actor, day: date) -> list[Waiting]:
    due = read.monitoring_due(view, actor.agency, day, AHEAD)
    found: list[Waiting] = []
    if actor.role in roles_of(monitoring.record_check_in):
        late = sum(1 for row in due.check_ins if row.overdue)
        found += [
            Waiting("cycle_check_ins_late", late, "/monitoring", late=late > 0),
            Waiting("cycle_check_ins_due", len(due.check_ins) - late, "/monitoring"),
        ]
    if actor.role in roles_of(monitoring.evaluate_monitoring):
        late = sum(1 for row in due.evaluations if row.overdue)
        found += [
            Waiting("cycle_evaluations_late", late, "/monitoring", late=late > 0),
            Waiting("cycle_evaluations_due", len(due.evaluations) - late, "/monitoring"),
        ]
    return found


def _pins(view: DocumentView, actor: Actor, day: date) -> list[Waiting]:
    pins = read.valid_pins(view, actor.agency, day)
    soon = sum(1 for pin in pins if pin.expires_on is not None and pin.expires_on <= day + AHEAD)
    return [Waiting("cycle_pins_expiring", soon, "/expiry")]


Count = Callable[[DocumentView, Actor, date], list[Waiting]]
# Each read with the roles it is made for: those whose steps take up what it counts.
COUNTS: tuple[tuple[frozenset[Role], Count], ...] = (
    (roles_of(mapping.assess_employee) | roles_of(mapping.close_campaign), _campaigns),
    (roles_of(development.close_follow_up), _follow_ups),
    (roles_of(monitoring.record_check_in) | roles_of(monitoring.evaluate_monitoring), _monitoring),
    (roles_of(retention.award) | roles_of(retention.record_retention), _pins),
)


def waiting(view: DocumentView, actor: Actor, day: date) -> list[Waiting]:
    """What waits for ``actor`` on ``day``; nothing where the agency's pack has no talent
    cycle."""
    if pack_for(actor.agency).cycle is None:
        return []
    return [
        found for roles, count in COUNTS if actor.role in roles for found in count(view, actor, day)
    ]
