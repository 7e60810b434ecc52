"""Records the histories the replay tests keep: each long-lived workflow run to its end on a real
Temporal server, with stand-in activities (a history holds what an activity returned, not how).

``python -m tests.workflows.recording`` starts a dev server, records every history and writes
them to ``tests/workflows/histories/``; run it after a deliberate, versioned change of a
workflow's command sequence. While clocks of the old code may still be running, rename the old
files first (``clock_pool_entry_used_v1.json``): every file there is replayed.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from temporalio import activity
from temporalio.client import (
    Client,
    ScheduleActionExecutionStartWorkflow,
    ScheduleActionStartWorkflow,
    WorkflowExecutionStatus,
    WorkflowHandle,
)
from temporalio.worker import Worker

from infra.temporal import start_dev_server
from workflows.clock import CLOCK, ClockInput, ClockWorkflow, Milestone, MilestoneReached
from workflows.delivery import DELIVERY, DeliveryInput, DeliveryWorkflow, IssuedNotice, Sending
from workflows.yearly_schedule import YearlyEvaluationWorkflow, year_end_schedule

HISTORIES = Path(__file__).parent / "histories"
WORKFLOWS = (ClockWorkflow, DeliveryWorkflow, YearlyEvaluationWorkflow)


@activity.defn(name="reach_milestone")
async def reach_milestone(reached: MilestoneReached) -> None:
    activity.logger.info("reached %s", reached.milestone.key)


@activity.defn(name="issue_notice")
async def issue_notice(delivery: DeliveryInput) -> IssuedNotice:
    return IssuedNotice(
        notice_id=uuid.uuid5(delivery.reminder_id, "notice"), channels=["email", "webhook"]
    )


@activity.defn(name="deliver_notice")
async def deliver_notice(sending: Sending) -> bool:
    return True


def _milestone(at: datetime, action: str, key: str, lead_days: int = 0) -> Milestone:
    return Milestone(at=at, on=at.date(), action=action, key=key, lead_days=lead_days)


async def pool_entry_expires(client: Client, queue: str) -> WorkflowHandle[object, object]:
    """A pool entry's clock run out: a reminder, then the expiry, each after its timer, and one
    reminder already due when the clock started (recorded at once, without a timer)."""
    now = datetime.now(UTC)
    clock = ClockInput(
        kind="pool-entry",
        subject_id=f"{uuid.uuid4()}/{uuid.uuid4()}",
        milestones=[
            _milestone(now - timedelta(seconds=1), "remind", "remind-30d", 30),
            _milestone(now + timedelta(seconds=3), "remind", "remind-7d", 7),
            _milestone(now + timedelta(seconds=6), "expire", "expire"),
        ],
    )
    handle = await client.start_workflow(
        CLOCK, clock, id=f"pool-entry/{uuid.uuid4()}", task_queue=queue
    )
    await handle.result()
    return handle


async def pool_entry_in_flight(client: Client, queue: str) -> WorkflowHandle[object, object]:
    """A 3-year pool clock as a worker finds it after a deploy: its first reminder recorded, the
    timer to the expiry running (the recorder ends the run after taking its history)."""
    now = datetime.now(UTC)
    clock = ClockInput(
        kind="pool-entry",
        subject_id=f"{uuid.uuid4()}/{uuid.uuid4()}",
        milestones=[
            _milestone(now + timedelta(seconds=2), "remind", "remind-90d", 90),
            _milestone(now + timedelta(days=3 * 365), "expire", "expire"),
        ],
    )
    handle = await client.start_workflow(
        CLOCK, clock, id=f"pool-entry/{uuid.uuid4()}", task_queue=queue
    )
    await _until_only_the_expiry_is_pending(handle)
    return handle


async def _until_only_the_expiry_is_pending(handle: WorkflowHandle[object, object]) -> None:
    async with asyncio.timeout(30):
        while await handle.query(ClockWorkflow.pending) != ["expire"]:
            await asyncio.sleep(0.2)


async def pool_entry_used(client: Client, queue: str) -> WorkflowHandle[object, object]:
    """A 3-year pool clock settled by an appointment after its first reminder: a timer, the
    reminder, then the settle signal (sent twice, as a replayed event would) ends the wait."""
    now = datetime.now(UTC)
    clock = ClockInput(
        kind="pool-entry",
        subject_id=f"{uuid.uuid4()}/{uuid.uuid4()}",
        milestones=[
            _milestone(now + timedelta(seconds=2), "remind", "remind-90d", 90),
            _milestone(now + timedelta(days=3 * 365), "expire", "expire"),
        ],
    )
    handle = await client.start_workflow(
        CLOCK, clock, id=f"pool-entry/{uuid.uuid4()}", task_queue=queue
    )
    await _until_only_the_expiry_is_pending(handle)
    used = f"{uuid.uuid4()}/7"
    await handle.signal(ClockWorkflow.settle, used)
    await handle.signal(ClockWorkflow.settle, used)
    await handle.result()
    return handle


async def reminder_delivered(client: Client, queue: str) -> WorkflowHandle[object, object]:
    """A reminder's notice issued, then sent over both channels at once."""
    reminder = uuid.uuid4()
    delivery = DeliveryInput(reminder_id=reminder, version=3, retry_max_seconds=5)
    handle = await client.start_workflow(
        DELIVERY, delivery, id=f"delivery/{reminder}/3", task_queue=queue
    )
    await handle.result()
    return handle


async def year_end_evaluated(client: Client, queue: str) -> WorkflowHandle[object, object]:
    """The yearly evaluation as its schedule starts it (triggered now rather than on
    31 December), so the run carries the scheduled time the workflow reads."""
    name = f"yearly-evaluation/kota-binjai/{uuid.uuid4()}"
    schedule = year_end_schedule("kota-binjai", name, "binjai-2023:P34(2)")
    assert isinstance(schedule.action, ScheduleActionStartWorkflow)
    schedule.action.task_queue = queue
    scheduled = await client.create_schedule(name, schedule)
    try:
        await scheduled.trigger()
        async with asyncio.timeout(30):
            while not (await scheduled.describe()).info.recent_actions:
                await asyncio.sleep(0.2)
        started = (await scheduled.describe()).info.recent_actions[-1].action
        assert isinstance(started, ScheduleActionExecutionStartWorkflow)
        handle = client.get_workflow_handle(started.workflow_id)
        await handle.result()
        return handle
    finally:
        await scheduled.delete()


Scenario = Callable[[Client, str], Awaitable[WorkflowHandle[object, object]]]
SCENARIOS: dict[str, Scenario] = {
    "clock_pool_entry_expires": pool_entry_expires,
    "clock_pool_entry_in_flight": pool_entry_in_flight,
    "clock_pool_entry_used": pool_entry_used,
    "delivery_reminder": reminder_delivered,
    "yearly_evaluation": year_end_evaluated,
}


async def record(client: Client) -> dict[str, str]:
    """Every scenario's history as JSON, each run on a task queue of its own."""
    queue = f"replay-recording-{uuid.uuid4()}"
    recorded: dict[str, str] = {}
    async with Worker(
        client,
        task_queue=queue,
        workflows=list(WORKFLOWS),
        activities=[reach_milestone, issue_notice, deliver_notice],
    ):
        for name, scenario in SCENARIOS.items():
            handle = await scenario(client, queue)
            recorded[name] = (await handle.fetch_history()).to_json()
            if (await handle.describe()).status == WorkflowExecutionStatus.RUNNING:
                await handle.terminate("history recorded")
    return recorded


def write(recorded: dict[str, str]) -> list[Path]:
    written = []
    for name, history in recorded.items():
        path = HISTORIES / f"{name}.json"
        path.write_text(json.dumps(json.loads(history), indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written


async def main() -> None:
    server = await start_dev_server()
    try:
        client = await server.connect()
        for path in write(await record(client)):
            print(path)
    finally:
        await server.stop()


if __name__ == "__main__":
    asyncio.run(main())
