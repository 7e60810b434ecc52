"""A read-model store of JSON documents by (collection, key), kept with the tracking record.

Read models whose queries are "one thing by id" or "all of an agency's things" (pools, round
boards, vacancies) keep one document per thing here instead of tables of their own; each
projection owns its collections.
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from eventsourcing.persistence import Tracking, TrackingRecorder

from projections.follower import Batch, BatchedView, Batches

Document = dict[str, Any]
# (collection, key, agency, body): one row of the documents table.
Row = tuple[str, str, str, Document]
Rows = list[Row]
Keyed = list[tuple[str, Document]]
# Rows per statement: bounded, as PostgreSQL writes near 1 MB were seen to hang.
FLUSH_ROWS = 200


class DocumentView(BatchedView, TrackingRecorder, ABC):
    @property
    def _batches(self) -> Batches[tuple[str, str], Row]:
        batches: Batches[tuple[str, str], Row] = self.__dict__.setdefault("_batch_state", Batches())
        return batches

    @contextmanager
    def batch(self, tracking_key: str, start: int) -> Iterator[None]:
        with self._batches.open(tracking_key, start) as batch:
            yield
            if batch.end is not None:
                self._commit(list(batch.writes.values()), Tracking(tracking_key, batch.end), start)

    def put(
        self, collection: str, key: str, agency: str, document: Document, tracking: Tracking
    ) -> None:
        """Writes (or replaces) one document and the tracking record in one transaction, or
        holds both for the batch under way."""
        batch = self._batches.current
        if batch is None:
            self._commit([(collection, key, agency, document)], tracking, None)
            return
        batch.track(tracking)
        batch.writes[collection, key] = (collection, key, agency, copy.deepcopy(document))

    def insert_tracking(self, tracking: Tracking) -> None:
        batch = self._batches.current
        if batch is None:
            self._commit([], tracking, None)
        else:
            batch.track(tracking)

    def get(self, collection: str, key: str) -> Document | None:
        batch = self._batches.current
        if batch is not None and (collection, key) in batch.writes:
            return copy.deepcopy(batch.writes[collection, key][3])
        return self._get(collection, key)

    def list(self, collection: str, agency: str) -> list[Document]:
        """The agency's documents of a collection, ordered by key."""
        rows = self._list(collection, agency)
        batch = self._batches.current
        if batch is None or not any(c == collection for c, _ in batch.writes):
            return [document for _, document in rows]
        return _overlaid(rows, batch, collection, agency)

    @abstractmethod
    def _commit(self, rows: Rows, tracking: Tracking, start: int | None) -> None:
        """Writes the rows and the tracking record in one transaction; with ``start``, only if
        the tracked position is still ``start`` (else IntegrityError)."""

    @abstractmethod
    def _get(self, collection: str, key: str) -> Document | None: ...

    @abstractmethod
    def _list(self, collection: str, agency: str) -> Keyed:
        """The stored (key, document) pairs of the agency's collection, ordered by key."""

    @abstractmethod
    def reset(self, collections: tuple[str, ...], tracking_key: str) -> None:
        """Forgets the collections and the tracking position, so the log can be replayed."""


def _overlaid(
    stored: Keyed,
    batch: Batch[tuple[str, str], Row],
    collection: str,
    agency: str,
) -> list[Document]:
    """The stored documents as the batch's writes leave them (one may move to another agency)."""
    documents = dict(stored)
    for (written, key), (_, _, owner, document) in batch.writes.items():
        if written != collection:
            continue
        if owner == agency:
            documents[key] = copy.deepcopy(document)
        else:
            documents.pop(key, None)
    return [documents[key] for key in sorted(documents)]
