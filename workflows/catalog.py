"""Every clock the product keeps: what the relay does with each event, which command records
each milestone, and the workflows sharing the clocks' queue."""

from __future__ import annotations

from workflows import scouting_clocks, talent_clocks, talent_monitoring, yearly_schedule
from workflows.activities import MilestoneHandler
from workflows.relay import ClockRules

RULES: ClockRules = {
    **scouting_clocks.RULES,
    **talent_clocks.RULES,
    **talent_monitoring.RULES,
}
HANDLERS: dict[tuple[str, str], MilestoneHandler] = {
    **scouting_clocks.HANDLERS,
    **talent_clocks.HANDLERS,
    **talent_monitoring.HANDLERS,
    **yearly_schedule.HANDLERS,
}
WORKFLOWS = yearly_schedule.WORKFLOWS
