"""The delivery of one reminder: its notice issued, then sent over each channel its agency set.

Started by the relay for every reminder event, with an id derived from that event
(``delivery/<aggregate id>/<version>``), so the event relayed again starts nothing twice. Each
activity is retried until it succeeds (a mail server or receiver that is down delays the notice,
never drops it); the activities check the delivery record before sending, so a retry after a
success, or a worker restarted mid-delivery, sends nothing twice. No signals, no queries.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from uuid import UUID

from pydantic import BaseModel
from temporalio import workflow
from temporalio.common import RetryPolicy

DELIVERY = "Delivery"


class DeliveryInput(BaseModel):
    reminder_id: UUID
    version: int
    retry_max_seconds: float


class IssuedNotice(BaseModel):
    notice_id: UUID
    channels: list[str]


class Sending(BaseModel):
    notice_id: UUID
    channel: str


def delivery_workflow_id(reminder_id: UUID, version: int) -> str:
    return f"delivery/{reminder_id}/{version}"


@workflow.defn(name=DELIVERY)
class DeliveryWorkflow:
    @workflow.run
    async def run(self, delivery: DeliveryInput) -> list[str]:
        retry = RetryPolicy(
            initial_interval=timedelta(seconds=1),
            maximum_interval=timedelta(seconds=delivery.retry_max_seconds),
        )
        issued: IssuedNotice = await workflow.execute_activity(
            "issue_notice",
            delivery,
            result_type=IssuedNotice,
            start_to_close_timeout=timedelta(seconds=30),
            retry_policy=retry,
        )
        # Channels apart: a mail server that is down does not hold back the webhook.
        await asyncio.gather(
            *(
                workflow.execute_activity(
                    "deliver_notice",
                    Sending(notice_id=issued.notice_id, channel=channel),
                    result_type=bool,
                    # Above the channels' own timeouts; a worker killed mid-send is retried
                    # after it.
                    start_to_close_timeout=timedelta(seconds=30),
                    retry_policy=retry,
                )
                for channel in issued.channels
            )
        )
        return issued.channels
