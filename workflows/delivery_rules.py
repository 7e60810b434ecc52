"""What the relay does with each reminder event: start its delivery."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from services.reminders.notices import REMINDER_TOPICS
from services.settings import Settings
from workflows.delivery import DELIVERY, DeliveryInput, delivery_workflow_id
from workflows.relay import ClockCommand, ClockRules, StartWorkflow


def rules(settings: Settings) -> ClockRules:
    def start(event: Any) -> Sequence[ClockCommand]:
        reminder, version = event.originator_id, event.originator_version
        delivery = DeliveryInput(
            reminder_id=reminder, version=version, retry_max_seconds=settings.retry_max_seconds
        )
        return [StartWorkflow(delivery_workflow_id(reminder, version), DELIVERY, delivery)]

    return dict.fromkeys(REMINDER_TOPICS, start)
