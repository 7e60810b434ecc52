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
from workflows.relay import ClockRules


def rules(settings: Settings) -> ClockRules:
    """Clocks started and settled by domain events, and a delivery for every reminder."""
    return {
        **scouting_clocks.rules(settings),
        **talent_clocks.rules(settings),
        **talent_monitoring.rules(settings),
        **delivery_rules.rules(settings),
    }


HANDLERS: dict[tuple[str, str], MilestoneHandler] = {
    **scouting_clocks.HANDLERS,
    **talent_clocks.HANDLERS,
    **talent_monitoring.HANDLERS,
    **yearly_schedule.HANDLERS,
}
WORKFLOWS = yearly_schedule.WORKFLOWS
