"""The clock's one activity: record a reached milestone through the application."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from temporalio import activity

from domain.envelope import Actor, Role
from domain.rules.core import RuleRefusal
from services.application import Talenta
from workflows.clock import Milestone, MilestoneReached

# Who takes every step a clock takes.
SYSTEM = Actor(id="talenta-clock", role=Role.SYSTEM)

# (clock kind, milestone action) -> an idempotent command recording that milestone.
MilestoneHandler = Callable[[Talenta, str, Milestone], None]


class ClockActivities:
    def __init__(self, app: Talenta, handlers: Mapping[tuple[str, str], MilestoneHandler]) -> None:
        self.app = app
        self.handlers = handlers

    @activity.defn(name="reach_milestone")
    def reach_milestone(self, reached: MilestoneReached) -> None:
        handler = self.handlers.get((reached.kind, reached.milestone.action))
        if handler is None:
            raise LookupError(f"no handler for {reached.kind} {reached.milestone.action}")
        try:
            handler(self.app, reached.subject_id, reached.milestone)
        except RuleRefusal as refusal:
            # The rules say no (e.g. registration of a round never published): retrying would
            # not change that, so the milestone passes with the refusal in the log.
            activity.logger.warning(
                "%s %s %s refused: %s",
                reached.kind,
                reached.subject_id,
                reached.milestone.key,
                refusal,
            )
