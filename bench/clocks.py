"""Benchmark 5: the clocks on a Temporal dev server with its on-disk database.

Relay: employees are enrolled, and the product's relay (the follower of the log that starts a
clock per event) starts one clock per enrolment; its rate against the raw client starting the
same workflows one after another (and, for reference, all at once). Target: >= 80 %.

Pending clocks: 10,000 clocks wait for a milestone a day ahead while the product's worker runs;
then reminders are started a few seconds ahead, and each is timed from its milestone to the
moment its activity records it. Memory: VmRSS of the dev server and of this process, which runs
the worker. Target: every reminder at most 5 s late.

    python -m bench.clocks [--events 2000] [--pending 10000] [--reminders 50] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from eventsourcing.utils import get_topic
from temporalio.client import Client
from temporalio.common import WorkflowIDConflictPolicy, WorkflowIDReusePolicy
from temporalio.worker import Worker

from bench.common import Timer, fresh_postgres, header, latency_line, line, rss_mb, verdict
from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from infra.temporal import start_dev_server
from services.application import Talenta
from services.demo import careers
from tests.unit.rules_builders import facts
from workflows.activities import ClockActivities
from workflows.clock import CLOCK, TASK_QUEUE, ClockInput, ClockWorkflow, Milestone
from workflows.relay import ClockCommand, StartClock
from workflows.worker import relay_forever

TARGET_RELAY = 0.8
TARGET_LATE_S = 5.0
REMINDER_LEAD_S = 8.0
STAMP = Envelope(actor=Actor(id="bench", role=Role.CASEWORKER), effective=date(2025, 1, 2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2_000, help="events for the relay")
    parser.add_argument("--pending", type=int, default=10_000)
    parser.add_argument("--reminders", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="200 events, 300 pending, 10 due")
    args = parser.parse_args()
    if args.quick:
        args.events, args.pending, args.reminders = 200, 300, 10
    header(f"clocks: relay of {args.events} events, {args.pending} pending, {args.reminders} due")
    asyncio.run(_run(args.events, args.pending, args.reminders))


async def _run(events: int, pending: int, reminders: int) -> None:
    run = uuid.uuid4().hex[:8]
    with tempfile.TemporaryDirectory(prefix="talenta-temporal-") as data:
        server = await start_dev_server(Path(data) / "temporal.db")
        try:
            client = await server.connect()
            line(
                "dev server",
                f"on-disk database, pid {server.pid}, RSS {rss_mb(server.pid or 0):.0f} MB",
            )
            with fresh_postgres() as store:
                app = Talenta(store.config)
                try:
                    await _relay(app, client, run, events)
                    await _pending(app, client, server.pid or 0, run, pending, reminders)
                finally:
                    app.close()
        finally:
            await server.stop()


def _clock(subject: str, at: datetime, action: str = "remind") -> ClockInput:
    milestone = Milestone(at=at, on=at.date(), action=action, key=action)
    return ClockInput(kind="bench", subject_id=subject, milestones=[milestone])


async def _relay(app: Talenta, client: Client, run: str, count: int) -> None:
    far = datetime.now(UTC) + timedelta(days=1)

    def start(event: Employee.Enrolled) -> Sequence[ClockCommand]:
        return [StartClock(f"bench/{run}/relay/{event.nip}", _clock(event.nip, far))]

    people = careers(count, seed=9)
    app.save_bounded(Employee.enrol(facts(nip=c.nip, name=c.name), STAMP) for c in people)
    last = app.recorder.max_notification_id() or 0
    view = app.factory.tracking_recorder()
    stop = asyncio.Event()
    timer = Timer()
    relaying = asyncio.create_task(
        relay_forever(app, client, {get_topic(Employee.Enrolled): start}, stop)
    )
    while (view.max_tracking_id("relay@talenta") or 0) < last:
        await asyncio.sleep(0.05)
    relayed = count / timer.seconds
    stop.set()
    await relaying
    raw = await _raw_starts(client, f"bench/{run}/raw", count, far, together=False)
    together = await _raw_starts(client, f"bench/{run}/together", count, far, together=True)
    line("relay: events to started clocks", f"{count} in {count / relayed:.1f} s: {relayed:,.0f}/s")
    line("raw client starts, one by one (baseline)", f"{raw:,.0f}/s")
    line("raw client starts, all at once (reference)", f"{together:,.0f}/s")
    verdict("relay ratio to raw", relayed / raw, TARGET_RELAY)


async def _raw_starts(
    client: Client, prefix: str, count: int, at: datetime, together: bool
) -> float:
    async def start(index: int) -> None:
        await client.start_workflow(
            CLOCK,
            _clock(str(index), at),
            id=f"{prefix}/{index}",
            task_queue=TASK_QUEUE,
            id_reuse_policy=WorkflowIDReusePolicy.REJECT_DUPLICATE,
            id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
        )

    timer = Timer()
    if together:
        for first in range(0, count, 200):  # bounded, as a client library would pace it
            await asyncio.gather(*(start(i) for i in range(first, min(count, first + 200))))
    else:
        for index in range(count):
            await start(index)
    return count / timer.seconds


class Fired:
    """The milestone handler: notes how late each reminder was recorded."""

    def __init__(self) -> None:
        self.late: dict[str, float] = {}

    def handle(self, app: Talenta, subject_id: str, milestone: Milestone) -> None:
        self.late[subject_id] = (datetime.now(UTC) - milestone.at).total_seconds()


async def _pending(
    app: Talenta, client: Client, server_pid: int, run: str, pending: int, reminders: int
) -> None:
    fired = Fired()
    activities = ClockActivities(app, {("bench", "remind"): fired.handle})
    far = datetime.now(UTC) + timedelta(days=1)
    with ThreadPoolExecutor(max_workers=4) as executor:
        worker = Worker(
            client,
            task_queue=TASK_QUEUE,
            workflows=[ClockWorkflow],
            activities=[activities.reach_milestone],
            activity_executor=executor,
        )
        async with worker:
            timer = Timer()
            started = await _raw_starts(client, f"bench/{run}/pending", pending, far, True)
            line("pending clocks started", f"{pending} at {started:,.0f}/s")
            await _drained(client, run, fired)
            line("first tasks of every clock processed", f"after {timer.seconds:.0f} s")
            line("dev server RSS", f"{rss_mb(server_pid):.0f} MB with {pending} pending")
            line("worker process RSS", f"{rss_mb(os.getpid()):.0f} MB (this process)")
            due = datetime.now(UTC) + timedelta(seconds=REMINDER_LEAD_S)
            for index in range(reminders):
                await client.start_workflow(
                    CLOCK,
                    _clock(f"due-{index}", due),
                    id=f"bench/{run}/due/{index}",
                    task_queue=TASK_QUEUE,
                )
            deadline = time.monotonic() + REMINDER_LEAD_S + 120
            while len(fired.late) < reminders and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            lateness = [seconds * 1000 for seconds in fired.late.values()]
            latency_line("reminder lateness", lateness)
            if len(fired.late) < reminders:
                line("reminders not fired within 120 s", str(reminders - len(fired.late)))
            line("dev server RSS after", f"{rss_mb(server_pid):.0f} MB")
            line("worker process RSS after", f"{rss_mb(os.getpid()):.0f} MB")
            worst = max(lateness, default=float("inf")) / 1000
            verdict("worst reminder lateness (s)", worst, TARGET_LATE_S, at_most=True)


async def _drained(client: Client, run: str, fired: Fired) -> None:
    """Waits until a probe clock, started last with its milestone already due, has fired: the
    worker has then worked through the first tasks queued before it (each pending clock then
    waits on its timer on the server)."""
    probe = f"probe-{run}"
    await client.start_workflow(
        CLOCK, _clock(probe, datetime.now(UTC)), id=f"bench/{run}/probe", task_queue=TASK_QUEUE
    )
    deadline = time.monotonic() + 1800
    while probe not in fired.late and time.monotonic() < deadline:
        await asyncio.sleep(0.5)
    fired.late.pop(probe, None)


if __name__ == "__main__":
    main()
