"""Follows the notification log from a read model's last tracked position, on any backend.

The library's projection runner needs a recorder that can subscribe, which SQLite's cannot, so
the follower polls ``select_notifications`` instead; on PostgreSQL it works the same way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, Tracking
from eventsourcing.projection import Projection

log = logging.getLogger(__name__)


class Follower:
    """Feeds one projector every event after its tracked position, in log order.

    Several read models share one tracking table, so each tracks under its own key
    ``<projection>@<application>`` rather than the bare application name."""

    def __init__(
        self, app: Application[UUID], projector: Projection[Any], batch_size: int = 500
    ) -> None:
        self.app = app
        self.projector = projector
        self.batch_size = batch_size
        self.tracking_key = f"{projector.name}@{app.name}"

    @property
    def position(self) -> int:
        return self.projector.view.max_tracking_id(self.tracking_key) or 0

    def catch_up(self) -> int:
        """Processes everything recorded so far; returns how many events it applied."""
        applied = 0
        position = self.position
        while True:
            notifications = self.app.recorder.select_notifications(
                start=position,
                limit=self.batch_size,
                topics=self.projector.topics,
                inclusive_of_start=False,
            )
            for notification in notifications:
                event = self.app.mapper.to_domain_event(notification)
                try:
                    self.projector.process_event(
                        event, Tracking(self.tracking_key, notification.id)
                    )
                except IntegrityError:
                    # Another follower of the same view applied this event first (its tracking
                    # row is ahead): our transaction rolled back; carry on from where it is.
                    position = self.position
                    if position < notification.id:
                        raise
                    break
                position = notification.id
                applied += 1
            else:
                if len(notifications) < self.batch_size:
                    return applied

    def run(self, stop: threading.Event, interval: float = 0.2) -> None:
        """Polls until ``stop`` is set."""
        poll(self.catch_up, stop, interval)


def poll(step: Callable[[], int], stop: threading.Event, interval: float = 0.2) -> None:
    """Runs ``step`` until ``stop`` is set, pausing whenever it found nothing to do; a failure is
    logged and retried, never ends the loop (a read model must not silently stop)."""
    while not stop.is_set():
        try:
            applied = step()
        except Exception:
            log.exception("following the log failed; retrying")
            applied = 0
        if not applied:
            stop.wait(interval)
