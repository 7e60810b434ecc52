"""A read-model store of JSON documents by (collection, key), kept with the tracking record.

Read models whose queries are "one thing by id" or "all of an agency's things" (pools, round
boards, vacancies) keep one document per thing here instead of tables of their own; each
projection owns its collections.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from eventsourcing.persistence import Tracking, TrackingRecorder

Document = dict[str, Any]


class DocumentView(TrackingRecorder, ABC):
    @abstractmethod
    def put(
        self, collection: str, key: str, agency: str, document: Document, tracking: Tracking
    ) -> None:
        """Writes (or replaces) one document and the tracking record in one transaction."""

    @abstractmethod
    def get(self, collection: str, key: str) -> Document | None: ...

    @abstractmethod
    def list(self, collection: str, agency: str) -> list[Document]:
        """The agency's documents of a collection, ordered by key."""

    @abstractmethod
    def reset(self, collections: tuple[str, ...], tracking_key: str) -> None:
        """Forgets the collections and the tracking position, so the log can be replayed."""
