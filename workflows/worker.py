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
from services.settings import Settings
from workflows.activities import ClockActivities, MilestoneHandler
from workflows.clock import TASK_QUEUE, ClockWorkflow
from workflows.delivery import DeliveryWorkflow
from workflows.delivery_activities import DeliveryActivities
from workflows.relay import ClockRules, Relay

log = logging.getLogger(__name__)


def clock_worker(
    client: Client,
    app: Talenta,
    handlers: Mapping[tuple[str, str], MilestoneHandler],
    executor: ThreadPoolExecutor,
    settings: Settings,
    workflows: Sequence[type] = (),
) -> Worker:
    """``workflows``: others sharing the clocks' queue and activity (e.g. scheduled ones);
    ``settings``: the agencies' delivery channels, for the reminders' deliveries."""
    clocks = ClockActivities(app, handlers)
    delivery = DeliveryActivities(app, settings)
    return Worker(
        client,
        task_queue=TASK_QUEUE,
        workflows=[ClockWorkflow, DeliveryWorkflow, *workflows],
        activities=[clocks.reach_milestone, delivery.issue_notice, delivery.deliver_notice],
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
    settings: Settings | None = None,
) -> AsyncIterator[None]:
    """The worker and the relay run while the context is open, and are shut down after it.
    ``rules`` carry the lead times of ``settings``; without settings, no agency has a delivery
    channel."""
    stop = asyncio.Event()
    with ThreadPoolExecutor(max_workers=4) as executor:
        worker = clock_worker(client, app, handlers, executor, settings or Settings(), workflows)
        async with worker:
            relay = asyncio.create_task(
                relay_forever(app, client, rules, stop, relay_name, id_prefix)
            )
            try:
                yield
            finally:
                stop.set()
                await relay
