"""The reminder inbox: notices per agency addressed to roles, with acknowledgements
and deliveries. Documents in a ``DocumentView``, rebuildable."""

from __future__ import annotations

from projections.reminders.inbox import (
    AcknowledgementRow,
    DeliveryRow,
    InboxItem,
    NoticeRow,
    inbox,
)
from projections.reminders.projection import InboxProjection

__all__ = [
    "AcknowledgementRow",
    "DeliveryRow",
    "InboxItem",
    "InboxProjection",
    "NoticeRow",
    "inbox",
]
