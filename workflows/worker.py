"""Wires the clocks: a Temporal worker for the clock workflow and the relay that starts clocks."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor

from temporalio.client import Client
from temporalio.worker import Worker

from projections.follower import Follower
from services.application import Talenta
from workflows.activities import ClockActivities, MilestoneHandler
from workflows.clock import TASK_QUEUE, ClockWorkflow
from workflows.relay import ClockRules, Relay

log = logging.getLogger(__name__)


def clock_worker(
    client: Client,
    app: Talenta,
    handlers: Mapping[tuple[str, str], MilestoneHandler],
    executor: ThreadPoolExecutor,
    workflows: Sequence[type] = (),
) -> Worker:
    """``workflows``: others sharing the clocks' queue and activity (e.g. scheduled ones)."""
    activities = ClockActivities(app, handlers)
    return Worker(
        client,
        task_queue=TASK_QUEUE,
        workflows=[ClockWorkflow, *workflows],
        activities=[activities.reach_milestone],
        activity_executor=executor,
    )


async def relay_forever(
    app: Talenta,
    client: Client,
    rules: ClockRules,
    stop: asyncio.Event,
    name: str = "relay",
    id_prefix: str = "",
    interval: float = 0.2,
) -> None:
    """Relays every event after the relay's tracked position, then keeps polling until stopped.
    A failure (Temporal restarting, the store unreachable) is logged and retried from the
    tracked position, so no clock is lost and none is started twice."""
    view = app.factory.tracking_recorder()
    relay = Relay(view, client, asyncio.get_running_loop(), rules, name, id_prefix)
    follower = Follower(app, relay)
    while not stop.is_set():
        try:
            applied = await asyncio.to_thread(follower.catch_up)
        except Exception:
            log.exception("relaying events to clocks failed; retrying")
            applied = 0
        if not applied:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), interval)


@contextlib.asynccontextmanager
async def running_clocks(
    app: Talenta,
    client: Client,
    rules: ClockRules,
    handlers: Mapping[tuple[str, str], MilestoneHandler],
    relay_name: str = "relay",
    id_prefix: str = "",
    workflows: Sequence[type] = (),
) -> AsyncIterator[None]:
    """The worker and the relay run while the context is open, and are shut down after it."""
    stop = asyncio.Event()
    with ThreadPoolExecutor(max_workers=4) as executor:
        worker = clock_worker(client, app, handlers, executor, workflows)
        async with worker:
            relay = asyncio.create_task(
                relay_forever(app, client, rules, stop, relay_name, id_prefix)
            )
            try:
                yield
            finally:
                stop.set()
                await relay
