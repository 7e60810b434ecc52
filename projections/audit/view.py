"""The auditors' index: subject (a NIP, an aggregate id, an agency's pool for a level) to the
events about it, as (aggregate id, version), and the employee each personal aggregate belongs
to. A timeline reads the index and then only those events, never the whole log."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Iterable, Mapping
from uuid import UUID

from eventsourcing.persistence import Tracking, TrackingRecorder

Row = tuple[UUID, int]
Entry = tuple[str, UUID, int]  # subject, aggregate, version


class SubjectIndex(TrackingRecorder, ABC):
    @abstractmethod
    def record(
        self, entries: Iterable[Entry], owners: Mapping[UUID, str], tracking: Tracking
    ) -> None:
        """Indexes a batch of events and the owners of the aggregates they created, with the
        tracking record of the batch's last notification, in one transaction; an entry already
        there is kept."""

    @abstractmethod
    def owners(self, aggregates: Collection[UUID]) -> dict[UUID, str]:
        """The employee each of the given aggregates belongs to, where it belongs to one."""

    @abstractmethod
    def rows(self, subject: str) -> list[Row]:
        """The events indexed under ``subject``, by aggregate and version."""

    @abstractmethod
    def rows_in(self, subject: str, aggregate: UUID) -> list[Row]:
        """The events of one aggregate indexed under ``subject``, by version: a candidate's
        steps in a round, without the thousands of other events naming an employee read often."""

    @abstractmethod
    def reset(self, tracking_key: str) -> None:
        """Forgets the index and the tracking position, so the log can be replayed."""
