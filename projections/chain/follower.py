"""Builds the chain from the raw notifications: a link needs the stored bytes, which a decoded
event no longer has, so this follower reads notifications itself rather than feeding events to
a projection."""

from __future__ import annotations

from typing import Any, NoReturn
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, Tracking
from eventsourcing.projection import Projection

from projections.chain.view import GENESIS, ChainView, Link, link
from projections.follower import Follower


class ChainProjection(Projection[ChainView]):
    """Names the chain's tracking key; events reach the chain only through ChainFollower."""

    name = "chain"

    def process_event(self, domain_event: Any, tracking: Tracking) -> NoReturn:
        raise TypeError("the chain is built from stored records by ChainFollower, not events")


class ChainFollower(Follower):
    """Appends a link for every notification after the chain's head, a batch and its tracking
    record per transaction. The position is the head itself, read with the hash it continues
    from, so two followers never chain from different heads: the second one's insert clashes
    with the first's links (IntegrityError) and it starts again from the new head."""

    def __init__(self, app: Application[UUID], view: ChainView, batch_size: int = 500) -> None:
        super().__init__(app, ChainProjection(view), batch_size)
        self.view = view

    @property
    def position(self) -> int:
        head = self.view.head()
        return head.notification_id if head else 0

    def catch_up(self) -> int:
        applied = 0
        while True:
            head = self.view.head()
            notifications = self.app.recorder.select_notifications(
                start=head.notification_id if head else 0,
                limit=self.batch_size,
                inclusive_of_start=False,
            )
            if not notifications:
                return applied
            links: list[Link] = []
            previous = head.hash if head else GENESIS
            for notification in notifications:
                links.append(link(previous, notification))
                previous = links[-1].hash
            try:
                self.view.append(links, Tracking(self.tracking_key, links[-1].notification_id))
            except IntegrityError:
                # Another follower moved the head meanwhile, by a batch that may end before or
                # after this one's: start again from wherever it is now.
                if self.position == (head.notification_id if head else 0):
                    raise  # nobody chained anything: not a race, a real failure
                continue
            applied += len(links)
            if len(notifications) < self.batch_size:
                return applied
