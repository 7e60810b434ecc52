"""The clock machinery on a real Temporal dev server and a real store: events start clocks
through the relay, milestones are reached once each, settling ends a clock, replays start
nothing twice."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from eventsourcing.utils import get_topic

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import EmploymentStatus, PersonnelFacts
from infra.temporal import TemporalEnv
from services.application import Talenta
from workflows.clock import ClockInput, Milestone
from workflows.relay import ClockCommand, SettleClock, StartClock
from workflows.worker import running_clocks

ENVELOPE = Envelope(actor=Actor(id="siti", role=Role.CASEWORKER), effective=date(2025, 1, 2))


def facts(sequence: int, unit: str = "BKPSDM") -> PersonnelFacts:
    return PersonnelFacts(
        nip=f"198001012005011{sequence:03d}",
        name=f"Pegawai {sequence}",
        status=EmploymentStatus.PNS,
        active=True,
        agency="kota-madiun",
        unit=unit,
    )


class Recorded:
    """What the milestone handler saw; the test's stand-in for an application command."""

    def __init__(self) -> None:
        self.reached: Counter[str] = Counter()

    def handle(self, app: Talenta, subject_id: str, milestone: Milestone) -> None:
        self.reached[f"{subject_id}/{milestone.key}"] += 1


def rules(run: str, due: datetime) -> dict[str, Any]:
    def start(event: Employee.Enrolled) -> Sequence[ClockCommand]:
        milestones = [
            Milestone(
                at=due - timedelta(seconds=1), on=due.date(), action="remind", key="remind-1s"
            ),
            Milestone(at=due, on=due.date(), action="expire", key="expire"),
        ]
        clock = ClockInput(kind="test", subject_id=event.nip, milestones=milestones)
        return [StartClock(workflow_id=f"test/{run}/{event.nip}", clock=clock)]

    def settle(event: Employee.RecordUpdated) -> Sequence[ClockCommand]:
        nip = facts(2).nip
        return [
            SettleClock(
                workflow_id=f"test/{run}/{nip}",
                event_id=f"{event.originator_id}/{event.originator_version}",
            )
        ]

    return {get_topic(Employee.Enrolled): start, get_topic(Employee.RecordUpdated): settle}


async def wait_until(condition: Any, timeout: float) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.1)


async def test_clocks_reach_each_milestone_once_and_settling_ends_a_clock(
    app: Talenta, temporal_env: TemporalEnv
) -> None:
    run = datetime.now(UTC).strftime("%H%M%S%f")
    due = datetime.now(UTC) + timedelta(seconds=4)
    recorded = Recorded()
    handlers = {("test", "remind"): recorded.handle, ("test", "expire"): recorded.handle}
    app.save(Employee.enrol(facts(1), ENVELOPE), Employee.enrol(facts(2), ENVELOPE))
    second = app.employee(facts(2).nip)
    second.update(facts(2, unit="Inspektorat"), ENVELOPE)
    app.save(second)

    async with running_clocks(app, temporal_env.client, rules(run, due), handlers):
        await wait_until(lambda: recorded.reached[f"{facts(1).nip}/expire"], timeout=30)

    assert recorded.reached == Counter(
        {f"{facts(1).nip}/remind-1s": 1, f"{facts(1).nip}/expire": 1}
    )
    settled = temporal_env.client.get_workflow_handle(f"test/{run}/{facts(2).nip}")
    assert await settled.result() == []

    relay_view = app.factory.tracking_recorder()
    assert relay_view.max_tracking_id(f"relay@{app.name}") == 3

    # A relay following the whole log from 0 again starts no clock and reaches nothing twice.
    clocks = running_clocks(app, temporal_env.client, rules(run, due), handlers, "replay")
    async with clocks:
        await wait_until(lambda: relay_view.max_tracking_id(f"replay@{app.name}") == 3, 30)
        await asyncio.sleep(1)
    assert sum(recorded.reached.values()) == 2


async def test_the_relay_retries_after_a_failure_and_loses_no_clock(
    app: Talenta, temporal_env: TemporalEnv
) -> None:
    run = datetime.now(UTC).strftime("%H%M%S%f")
    due = datetime.now(UTC) + timedelta(seconds=2)
    recorded = Recorded()
    handlers = {("test", "remind"): recorded.handle, ("test", "expire"): recorded.handle}
    working = rules(run, due)
    start = working[get_topic(Employee.Enrolled)]
    failures = iter([RuntimeError("Temporal unreachable")])

    def flaky(event: Employee.Enrolled) -> Sequence[ClockCommand]:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return start(event)

    app.save(Employee.enrol(facts(1), ENVELOPE))
    async with running_clocks(
        app, temporal_env.client, {**working, get_topic(Employee.Enrolled): flaky}, handlers
    ):
        await wait_until(lambda: recorded.reached[f"{facts(1).nip}/expire"], timeout=30)

    assert sum(recorded.reached.values()) == 2
