"""The auditors' index: subject (a NIP, an aggregate id, an agency's pool for a level) to the
events about it, as (aggregate id, version), and the employee each personal aggregate belongs
to. A timeline reads the index and then only those events, never the whole log."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from uuid import UUID

from eventsourcing.persistence import Tracking, TrackingRecorder

Row = tuple[UUID, int]


class SubjectIndex(TrackingRecorder, ABC):
    @abstractmethod
    def record(
        self,
        aggregate: UUID,
        version: int,
        subjects: Iterable[str],
        owner: str | None,
        tracking: Tracking,
    ) -> None:
        """Indexes one event under its subjects and, when its aggregate belongs to an employee
        (``owner`` given for the aggregate's first event, looked up for later ones), under that
        employee's NIP; with the tracking record, in one transaction."""

    @abstractmethod
    def rows(self, subject: str) -> list[Row]:
        """The events indexed under ``subject``, by aggregate and version."""

    @abstractmethod
    def reset(self, tracking_key: str) -> None:
        """Forgets the index and the tracking position, so the log can be replayed."""
