"""The reminder inbox as one projection: notices, their acknowledgements and deliveries."""

from __future__ import annotations

from typing import Any

from eventsourcing.dispatch import singledispatchmethod
from eventsourcing.persistence import Tracking
from eventsourcing.projection import Projection

from domain.reminders.delivery import Delivery
from domain.reminders.notice import Notice
from projections.documents import DocumentView
from projections.reminders.inbox import (
    DELIVERY_TOPICS,
    NOTICE_TOPICS,
    NOTICES,
    project_delivery,
    project_notice,
)


class InboxProjection(Projection[DocumentView]):
    name = "inbox"
    topics = (*NOTICE_TOPICS, *DELIVERY_TOPICS)
    collections = (NOTICES,)

    @singledispatchmethod
    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        self.view.insert_tracking(tracking)

    @process_event.register
    def _(self, domain_event: Notice.Event, tracking: Tracking) -> None:
        project_notice(self.view, domain_event, tracking)

    @process_event.register
    def _(self, domain_event: Delivery.Delivered, tracking: Tracking) -> None:
        project_delivery(self.view, domain_event, tracking)
