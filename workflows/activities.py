"""The clock's one activity: record a reached milestone through the application."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from temporalio import activity

from domain.envelope import Actor, Role
from domain.rules.core import RuleRefusal
from services.agency_bounds import agency_of
from services.application import Talenta
from services.audit.refusals import record_refusal
from workflows.clock import Milestone, MilestoneReached

# Who takes every step a clock takes.
SYSTEM = Actor(id="talenta-clock", role=Role.SYSTEM)

# (clock kind, milestone action) -> an idempotent command recording that milestone.
MilestoneHandler = Callable[[Talenta, str, Milestone], None]
CLOCK_ACTOR = "talenta-clock"  # who a clock's refused milestone is recorded as


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
            # not change that, so the milestone passes with the refusal recorded, as every
            # refused command is, for the agency the clock keeps time for.
            activity.logger.warning(
                "%s %s %s refused: %s",
                reached.kind,
                reached.subject_id,
                reached.milestone.key,
                refusal,
            )
            record_refused_milestone(self.app, handler.__name__, reached, refusal)


def record_refused_milestone(
    app: Talenta, command: str, reached: MilestoneReached, refusal: RuleRefusal
) -> None:
    aggregate_id = UUID(reached.subject_id.split("/", 1)[0])
    clock = Actor(id=CLOCK_ACTOR, role=Role.SYSTEM, agency=_agency(app, aggregate_id))
    body = {
        "kind": reached.kind,
        "aggregate_id": str(aggregate_id),
        "subject": reached.subject_id,
        "milestone": reached.milestone.model_dump(mode="json"),
    }
    record_refusal(
        app,
        clock,
        command,
        "clock",
        body,
        422,
        refusal.code,
        refusal.citation or "",
        refusal.message.id,
        refusal.message.en,
    )


def _agency(app: Talenta, aggregate_id: UUID) -> str:
    """The agency of the clock's subject: its own, or its entries' (a pool membership)."""
    try:
        subject: Any = app.repository.get(aggregate_id)
    except AggregateNotFoundError:
        return ""
    entries = getattr(subject, "entries", ())
    return agency_of(subject) or next((str(entry.agency) for entry in entries), "")
