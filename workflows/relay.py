"""The relay: follows the event log like a read model and starts or settles clocks, and starts
other workflows on the clocks' queue (a reminder's delivery).

Workflow ids derive from domain ids and a closed id is never reused, so an event relayed twice
(after a crash, or a replay from position 0) starts nothing twice; a settle signal carries the
event id and the clock ignores ids it has seen.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import Tracking, TrackingRecorder
from eventsourcing.projection import Projection
from eventsourcing.utils import get_topic
from pydantic import BaseModel
from temporalio.client import Client, WorkflowExecutionStatus
from temporalio.common import WorkflowIDConflictPolicy, WorkflowIDReusePolicy
from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.service import RPCError, RPCStatusCode

from workflows.clock import CLOCK, TASK_QUEUE, ClockInput, ClockWorkflow


@dataclass(frozen=True)
class StartClock:
    workflow_id: str
    clock: ClockInput


@dataclass(frozen=True)
class SettleClock:
    workflow_id: str
    event_id: str


@dataclass(frozen=True)
class StartWorkflow:
    """Any other workflow on the clocks' queue, by its name (e.g. a reminder's delivery)."""

    workflow_id: str
    workflow: str
    argument: BaseModel


ClockCommand = StartClock | SettleClock | StartWorkflow
# An event type's topic -> what the relay does with such an event.
ClockRules = dict[str, Callable[[Any], Sequence[ClockCommand]]]


class Relay(Projection[TrackingRecorder]):
    name = "relay"

    def __init__(
        self,
        view: TrackingRecorder,
        client: Client,
        loop: asyncio.AbstractEventLoop,
        rules: ClockRules,
        name: str = "relay",
        id_prefix: str = "",
    ) -> None:
        super().__init__(view)
        self.name = name  # a second name follows the log from 0 again, as a replay would
        # Several stores sharing one Temporal namespace keep their clocks apart by a prefix.
        self.id_prefix = id_prefix
        self.client = client
        self.loop = loop
        self.rules = rules
        self.topics = tuple(rules)

    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        # Called on the follower's thread; Temporal calls run on the relay's event loop.
        rule = self.rules.get(get_topic(type(domain_event)))
        for command in rule(domain_event) if rule else ():
            asyncio.run_coroutine_threadsafe(self.apply(command), self.loop).result(timeout=60)
        self.view.insert_tracking(tracking)

    async def apply(self, command: ClockCommand) -> None:
        if isinstance(command, StartClock):
            await self.start(CLOCK, command.clock, command.workflow_id)
        elif isinstance(command, StartWorkflow):
            await self.start(command.workflow, command.argument, command.workflow_id)
        else:
            await self.settle(command)

    async def start(self, workflow: str, argument: BaseModel, workflow_id: str) -> None:
        # A workflow that ran to its end already refuses the id: a replayed event starts nothing.
        with contextlib.suppress(WorkflowAlreadyStartedError):
            await self.client.start_workflow(
                workflow,
                argument,
                id=self.id_prefix + workflow_id,
                task_queue=TASK_QUEUE,
                id_reuse_policy=WorkflowIDReusePolicy.REJECT_DUPLICATE,
                id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
            )

    async def settle(self, command: SettleClock) -> None:
        handle = self.client.get_workflow_handle(self.id_prefix + command.workflow_id)
        try:
            description = await handle.describe()
            if description.status == WorkflowExecutionStatus.RUNNING:
                await handle.signal(ClockWorkflow.settle, command.event_id)
        except RPCError as error:
            if error.status != RPCStatusCode.NOT_FOUND:
                raise
