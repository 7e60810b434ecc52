"""The clock catalogue: every milestone a clock is started with has its command in the one typed
table, no pair is bound twice, and the policies the clocks keep come from the rules beside them
(a round's registration runs through its last day, madiun-2021:P13; the pool entry's term,
P22(1))."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from eventsourcing.utils import get_topic

from domain.rules.calendar import ClockId
from domain.rules.madiun import PACK
from domain.scouting.candidate import AssessmentStage
from domain.scouting.plan import Schedule
from services.settings import Settings
from tests.unit.test_settings import monitoring, pin, pool_entry, scouting_round, tenure
from workflows.catalog import BINDINGS, HANDLERS, rules
from workflows.milestones import Action, Binding, ClockType, handler_table
from workflows.moments import start_of
from workflows.relay import StartClock
from workflows.scouting_clocks import entry_decreed, round_opened

STARTS = [
    pytest.param(pool_entry, "kota-madiun", ClockType.POOL_ENTRY, id="madiun-2021:P22(1) pool"),
    pytest.param(tenure, "kota-madiun", ClockType.TENURE, id="madiun-2021:P25(3) tenure"),
    pytest.param(scouting_round, "kota-madiun", ClockType.SCOUTING_ROUND, id="madiun-2021:P13"),
    pytest.param(pin, "kota-binjai", ClockType.PIN, id="binjai-2023:P30(2)(a) pin"),
    pytest.param(monitoring, "kota-binjai", ClockType.MONITORING, id="binjai-2023:P33(2)"),
    pytest.param(monitoring, "kota-balikpapan", ClockType.MONITORING, id="balikpapan-2022:P25(3)"),
]


def started(event: Any) -> StartClock:
    (command,) = rules(Settings())[get_topic(type(event))](event)
    assert isinstance(command, StartClock)
    return command


@pytest.mark.parametrize(("event", "agency", "clock"), STARTS)
def test_every_milestone_a_clock_starts_with_has_its_command(
    event: Any, agency: str, clock: ClockType
) -> None:
    command = started(event(agency))
    assert command.clock.kind == clock
    assert command.clock.milestones
    for milestone in command.clock.milestones:
        assert (command.clock.kind, milestone.action) in HANDLERS
        assert Action(milestone.action)  # one of the table's actions, not a free string


def test_each_clock_and_action_is_bound_once_and_every_clock_type_has_a_binding() -> None:
    pairs = [(binding.clock, binding.action) for binding in BINDINGS]
    assert len(pairs) == len(set(pairs)) == len(HANDLERS)
    assert {binding.clock for binding in BINDINGS} == set(ClockType)
    again = Binding(ClockType.PIN, Action.EXPIRE, BINDINGS[0].handler)
    with pytest.raises(ValueError, match="two handlers"):
        handler_table([*BINDINGS, again])


def schedule(closes: date) -> Schedule:
    return Schedule(
        announcement=date(2025, 1, 2),
        registration_opens=date(2025, 1, 3),
        registration_closes=closes,
        potential_assessment=date(2026, 3, 10),
        technical_assessment=date(2026, 3, 24),
        result=date(2026, 4, 7),
    )


@pytest.mark.parametrize(
    ("closes", "closed_from"),
    [
        pytest.param(date(2025, 2, 28), date(2025, 3, 1), id="madiun-2021:P13 end of February"),
        pytest.param(date(2024, 2, 28), date(2024, 2, 29), id="madiun-2021:P13 leap year"),
        pytest.param(date(2025, 12, 31), date(2026, 1, 1), id="madiun-2021:P13 year end"),
    ],
)
def test_registration_runs_through_its_last_day(closes: date, closed_from: date) -> None:
    assert schedule(closes).registration_closed_from() == closed_from


def test_the_round_clock_closes_registration_at_the_start_of_the_day_after() -> None:
    event = scouting_round("kota-madiun")
    plan = Schedule.model_validate(event.schedule)
    command = round_opened(Settings(), event)
    assert isinstance(command[0], StartClock)
    closing = command[0].clock.milestones[0]
    assert closing.action == Action.CLOSE_REGISTRATION
    assert closing.at == start_of(plan.registration_closed_from(), "kota-madiun")
    assert closing.on == plan.registration_closed_from()
    assert plan.assessment_days() == {
        AssessmentStage.POTENTIAL: plan.potential_assessment,
        AssessmentStage.TECHNICAL: plan.technical_assessment,
    }


def test_the_pool_clock_runs_the_packs_term_from_the_decrees_moment() -> None:
    """madiun-2021:P22(1): decreed at 10:30 WIB on 29 February 2024, the entry expires at 10:30
    on 28 February 2027 (reading D7)."""
    event = pool_entry("kota-madiun")
    decreed_at = datetime(2024, 2, 29, 10, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    event.envelope["effective_at"] = decreed_at.isoformat()
    (command,) = entry_decreed(Settings(), event)
    assert isinstance(command, StartClock)
    expiry = command.clock.milestones[-1]
    assert expiry.action == Action.EXPIRE
    assert PACK.clock(ClockId.POOL_ENTRY).years == 3
    assert expiry.at == datetime(2027, 2, 28, 10, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert expiry.on == date(2027, 2, 28)
