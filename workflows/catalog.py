"""Every clock the product keeps: what the relay does with each event (with the agencies'
settings), which command records each milestone, and the workflows sharing the clocks' queue."""

from __future__ import annotations

from services.settings import Settings
from workflows import (
    delivery_rules,
    scouting_clocks,
    talent_clocks,
    talent_monitoring,
    yearly_schedule,
)
from workflows.activities import MilestoneHandler
from workflows.milestones import Binding, handler_table
from workflows.relay import ClockRules


def rules(settings: Settings) -> ClockRules:
    """Clocks started and settled by domain events, and a delivery for every reminder."""
    return {
        **scouting_clocks.rules(settings),
        **talent_clocks.rules(settings),
        **talent_monitoring.rules(settings),
        **delivery_rules.rules(settings),
    }


# Every (clock, action) a milestone may carry, each bound once to the command recording it.
BINDINGS: tuple[Binding, ...] = (
    *scouting_clocks.BINDINGS,
    *talent_clocks.BINDINGS,
    *talent_monitoring.BINDINGS,
    *yearly_schedule.BINDINGS,
)
HANDLERS: dict[tuple[str, str], MilestoneHandler] = handler_table(BINDINGS)
WORKFLOWS = yearly_schedule.WORKFLOWS
