"""The record of one notice delivered over one channel (email, webhook), kept in the log so
auditors see what went out, when, to whom, under which message id; and checked before sending,
so a delivery retried after it succeeded sends nothing again."""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

_DELIVERY_IDS = uuid5(NAMESPACE_URL, "talenta:notice-delivery")


def delivery_id(notice_id: UUID, channel: str) -> UUID:
    return uuid5(_DELIVERY_IDS, f"{notice_id}/{channel}")


class Delivery(Aggregate):
    class Delivered(Aggregate.Created):
        notice_id: UUID
        agency: str
        channel: str
        key: str  # the email's Message-ID or the webhook's Idempotency-Key
        recipients: list[str]  # email addresses; for a webhook, its host
        attempt: int  # the activity attempt that succeeded
        envelope: dict[str, Any]

    @staticmethod
    def create_id(notice_id: UUID, channel: str, **_: Any) -> UUID:
        return delivery_id(notice_id, channel)

    @event(Delivered)
    def __init__(
        self,
        notice_id: UUID,
        agency: str,
        channel: str,
        key: str,
        recipients: list[str],
        attempt: int,
        envelope: dict[str, Any],
    ) -> None:
        self.notice_id = notice_id
        self.channel = channel
        self.key = key
