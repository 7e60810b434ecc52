"""The clocks' worker killed in the middle of an activity and started again (issues 3 and 6): on
PostgreSQL and a real Temporal dev server, `talenta worker` runs as a process of its own; pool
entries whose expiry or 7-day reminder falls due every two seconds are recorded exactly once
each, whether they fell due before the kill, during the activity the kill cut off (held mid-save
by a lock on the event table, so the kill lands inside it), while no worker ran, or after the
restart; and every clock whose deadline passed runs to its end."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import psycopg
from temporalio.client import Client, WorkflowExecutionStatus

from domain.envelope import Actor, Role
from domain.scouting.pool import PoolMembership, membership_id
from domain.scouting.round import round_id
from domain.values import PositionLevel
from infra.temporal import DevServer
from services.application import Talenta
from services.config import StoreConfig
from services.scouting.pool import PoolDecree, decree_entries
from tests.e2e.support import WIB, three_years_before, wait_until

AGENCY = "kota-madiun"
LEVEL = PositionLevel.ADMINISTRATOR
MAYOR = Actor(id="walikota", role=Role.PPK, agency=AGENCY)
EARLIER_ROUND = round_id(AGENCY, LEVEL, "Talent Scouting Administrator 2023")
TALENTA = Path(sys.executable).parent / "talenta"
READY = "clocks running"


@dataclass(frozen=True)
class Planned:
    """One pool entry and the milestone that falls due during the test: its expiry, or its
    reminder 7 days ahead of an expiry a week away."""

    nip: str
    expires: bool
    due: datetime

    @property
    def membership(self) -> UUID:
        return membership_id(self.nip, LEVEL)


def nip(sequence: int) -> str:
    return f"198001012005011{sequence:03d}"


def decree(app: Talenta, planned: Planned) -> None:
    deadline = planned.due if planned.expires else planned.due + timedelta(days=7)
    effective_at = three_years_before(deadline)
    command = PoolDecree(
        decree_number=f"800/{uuid4().hex[:8]}/401.012/2023",
        decree_date=effective_at.astimezone(WIB).date(),
        effective_at=effective_at,
    )
    decree_entries(app, [planned.nip], LEVEL, AGENCY, EARLIER_ROUND, command, MAYOR)


def recorded(app: Talenta, planned: Planned) -> tuple[list[int], int]:
    """The reminders' lead days and the number of expiries recorded for the entry."""
    events = list(app.repository.event_store.get(planned.membership))
    reminders = [e.lead_days for e in events if isinstance(e, PoolMembership.ExpiryReminderSent)]
    expiries = sum(isinstance(e, PoolMembership.EntryExpired) for e in events)
    return reminders, expiries


def done(app: Talenta, planned: Planned) -> bool:
    reminders, expiries = recorded(app, planned)
    return bool(expiries if planned.expires else reminders)


class EventTableLock:
    """Holds the write lock of the event table in a transaction of the test's own: an activity
    recording a milestone then waits inside its save, until the lock is released."""

    def __init__(self, store: StoreConfig) -> None:
        self.connection = psycopg.connect(store.url)

    def hold(self) -> None:
        self.connection.execute("LOCK TABLE talenta_events IN EXCLUSIVE MODE")

    def waiting_saves(self) -> int:
        """Sessions of the store waiting for the lock: saves stopped mid-way."""
        row = self.connection.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        ).fetchone()
        return int(row[0]) if row else 0

    def release(self) -> None:
        self.connection.rollback()

    def close(self) -> None:
        self.connection.close()


class WorkerProcess:
    """`talenta worker` as an operator starts it, its output in a log file."""

    def __init__(self, store: StoreConfig, temporal: str, log: Path) -> None:
        self.log = log
        with open(log, "wb") as output:
            self.process = subprocess.Popen(
                [str(TALENTA), "worker", "--store", store.url, "--temporal", temporal],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    async def ready(self, timeout: float = 30) -> None:
        def started() -> bool:
            assert self.process.poll() is None, self.output()
            return READY in self.output()

        await wait_until(started, timeout, f"the worker to start: {self.log}")

    def kill(self) -> None:
        """SIGKILL, as a crash: no shutdown of the Temporal worker, the relay or the store."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


async def clock_ended(client: Client, app: Talenta, planned: Planned) -> bool:
    decreed = [
        event.entry_id
        for event in app.repository.event_store.get(planned.membership)
        if isinstance(event, PoolMembership.EntryDecreed)
    ]
    description = await client.get_workflow_handle(f"pool-entry/{decreed[-1]}").describe()
    return description.status == WorkflowExecutionStatus.COMPLETED


async def test_a_worker_killed_mid_activity_restarted_loses_no_milestone_and_records_none_twice(
    pg_app: Talenta, pg_store: StoreConfig, temporal_server: DevServer, tmp_path: Path
) -> None:
    app = pg_app
    client = await temporal_server.connect()
    lock = EventTableLock(pg_store)
    workers: list[WorkerProcess] = []

    def start(number: int) -> WorkerProcess:
        worker = WorkerProcess(pg_store, temporal_server.target, tmp_path / f"worker-{number}.log")
        workers.append(worker)
        return worker

    try:
        async with asyncio.timeout(120):
            first = start(1)
            await first.ready()
            # Expiries and reminders alternating, one every two seconds from 6 s on.
            now = datetime.now(UTC)
            plan = [
                Planned(nip(index + 1), index % 2 == 0, now + timedelta(seconds=6 + 2 * index))
                for index in range(8)
            ]
            for planned in plan:
                decree(app, planned)

            await wait_until(
                lambda: sum(done(app, p) for p in plan) >= 2, 30, "the first milestones"
            )
            # The next milestone's activity stops inside its save; the kill lands there.
            lock.hold()
            await wait_until(lambda: lock.waiting_saves() > 0, 15, "an activity mid-save")
            first.kill()
            lock.release()
            at_kill = sum(done(app, p) for p in plan)
            assert at_kill < len(plan), "killed too late to be in the middle"

            # While no worker runs: more entries decreed, and a milestone falls due.
            gap = datetime.now(UTC)
            late = [
                Planned(nip(20 + index), index % 2 == 1, gap + timedelta(seconds=12 + 2 * index))
                for index in range(2)
            ]
            for planned in late:
                decree(app, planned)
            await asyncio.sleep(2.5)
            missed = sum(p.due < datetime.now(UTC) and not done(app, p) for p in plan)

            second = start(2)
            await second.ready()
            everything = plan + late
            await wait_until(
                lambda: all(done(app, p) for p in everything), 40, "every milestone after restart"
            )
            # The activity cut off is retried once its 30 s run time has passed; its clock
            # then goes on to its end, as every clock whose deadline passed does.
            expiring = [p for p in everything if p.expires]
            async with asyncio.timeout(50):
                for planned in expiring:
                    while not await clock_ended(client, app, planned):
                        await asyncio.sleep(0.5)
            await asyncio.sleep(2)  # a doubled milestone would be recorded by now

        assert missed >= 1, "no milestone fell due while no worker ran"
        for planned in everything:
            # An entry whose clock starts days after its 7-day reminder fell due still gets that
            # reminder, at once, before it expires.
            expected = ([7], 1) if planned.expires else ([7], 0)
            assert recorded(app, planned) == expected, planned
    finally:
        lock.close()
        for worker in workers:
            with contextlib.suppress(Exception):
                worker.stop()
