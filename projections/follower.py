"""Follows the notification log from a read model's last tracked position, on any backend.

The library's projection runner needs a recorder that can subscribe, which SQLite's cannot, so
the follower polls ``select_notifications`` instead; on PostgreSQL it works the same way.
"""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, Tracking
from eventsourcing.projection import Projection

log = logging.getLogger(__name__)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BatchedView(ABC):
    """A view that can apply a whole batch of events in one transaction with one tracking record:
    a round trip per batch instead of one per event."""

    @abstractmethod
    def batch(self, tracking_key: str, start: int) -> AbstractContextManager[None]:
        """Holds the writes made in this thread until the block ends, lets this thread's reads see
        them, then commits them with the tracking record of the last event if the position is
        still ``start``, else raises IntegrityError (another follower moved it: the batch was
        computed from stale documents). Nothing is written if the block raises."""


@dataclass
class Batch(Generic[K, V]):
    """One thread's batch under way: the last write to each row, and how far it reaches."""

    tracking_key: str
    start: int
    end: int | None = None
    writes: dict[K, V] = field(default_factory=dict)

    def track(self, tracking: Tracking) -> None:
        if tracking.application_name != self.tracking_key:
            raise ValueError(f"{tracking.application_name}: not the batch's {self.tracking_key}")
        self.end = tracking.notification_id


class Batches(Generic[K, V]):
    """The batch each thread has open on a view; a view is shared by the API's threads, and a
    batch's writes must stay invisible to the others until they are committed."""

    def __init__(self) -> None:
        self._local = threading.local()

    @property
    def current(self) -> Batch[K, V] | None:
        batch: Batch[K, V] | None = getattr(self._local, "batch", None)
        return batch

    @contextmanager
    def open(self, tracking_key: str, start: int) -> Iterator[Batch[K, V]]:
        if self.current is not None:
            raise RuntimeError("a batch is already open on this view in this thread")
        self._local.batch = Batch[K, V](tracking_key, start)
        try:
            yield self._local.batch
        finally:
            self._local.batch = None


class Follower:
    """Feeds one projector every event after its tracked position, in log order.

    Several read models share one tracking table, so each tracks under its own key
    ``<projection>@<application>`` rather than the bare application name. A ``BatchedView`` gets
    each batch of notifications in one transaction; any other view one transaction per event."""

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
        view = self.projector.view
        if isinstance(view, BatchedView):
            return self._catch_up_in_batches(view)
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

    def _catch_up_in_batches(self, view: BatchedView) -> int:
        applied = 0
        position = self.position
        while True:
            notifications = self.app.recorder.select_notifications(
                start=position,
                limit=self.batch_size,
                topics=self.projector.topics,
                inclusive_of_start=False,
            )
            if notifications:
                try:
                    with view.batch(self.tracking_key, position):
                        for notification in notifications:
                            self.projector.process_event(
                                self.app.mapper.to_domain_event(notification),
                                Tracking(self.tracking_key, notification.id),
                            )
                except IntegrityError:
                    # Another follower of the same view committed a batch while this one was
                    # being applied: nothing of ours was written; carry on from where it is.
                    moved = self.position
                    if moved == position:
                        raise
                    position = moved
                    continue
                position = notifications[-1].id
                applied += len(notifications)
            if len(notifications) < self.batch_size:
                return applied

    def run(self, stop: threading.Event, interval: float = 0.2) -> None:
        """Polls until ``stop`` is set."""
        poll(self.catch_up, stop, interval)


def poll(
    step: Callable[[], int], stop: threading.Event, interval: float = 0.2, gather: float = 0.0
) -> None:
    """Runs ``step`` until ``stop`` is set, pausing whenever it found nothing to do, and for
    ``gather`` seconds after it did something, so that what is written meanwhile is applied in
    one batch rather than one event at a time; a failure is logged and retried, never ends the
    loop (a read model must not silently stop)."""
    while not stop.is_set():
        try:
            applied = step()
        except Exception:
            log.exception("following the log failed; retrying")
            applied = 0
        if not applied:
            stop.wait(interval)
        elif gather:
            stop.wait(gather)
