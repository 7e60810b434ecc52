"""The Talenta application: commands and queries over the event store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from itertools import islice
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain.personnel.aggregate import Employee, employee_id
from domain.personnel.facts import PersonnelFacts
from services.config import StoreConfig

# A single save of ~1,500 events can hang in psycopg's pipeline mode (style.md); stay well below.
MAX_EVENTS_PER_SAVE = 250

T = TypeVar("T")


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class NotFound(LookupError):
    """The request names something that is not in the store. The message is "Indonesian /
    English": the API splits it on the first " / "."""

    @classmethod
    def of(cls, what: object, kind_id: str, kind_en: str) -> NotFound:
        if any(" / " in kind for kind in (kind_id, kind_en)):
            raise ValueError(f'a kind must not contain " / ": {kind_id!r}, {kind_en!r}')
        return cls(f"{kind_id} {what} tidak ada / no {kind_en} {what}")


class EmployeeNotFound(NotFound):
    def __init__(self, nip: str) -> None:
        super().__init__(f"pegawai dengan NIP {nip} tidak ada / no employee with NIP {nip}")
        self.nip = nip


class Talenta(Application[UUID]):
    name = "talenta"

    def __init__(self, store: StoreConfig | None = None, env: Mapping[str, str] | None = None):
        settings = (store or StoreConfig.from_env()).eventsourcing_env()
        super().__init__(env={**settings, **(env or {})})

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    def save_bounded(self, aggregates: Iterable[Aggregate]) -> int:
        """Saves aggregates in batches of at most MAX_EVENTS_PER_SAVE pending events; each batch
        is atomic. Returns the number of events saved."""
        saved = 0
        batch: list[Aggregate] = []
        pending = 0
        for aggregate in aggregates:
            count = len(aggregate.pending_events)
            if batch and pending + count > MAX_EVENTS_PER_SAVE:
                self.save(*batch)
                saved += pending
                batch, pending = [], 0
            batch.append(aggregate)
            pending += count
        if batch:
            self.save(*batch)
            saved += pending
        return saved

    def find(self, aggregate_id: UUID, kind_id: str, kind_en: str) -> Any:
        """The aggregate, or NotFound naming what was asked for in both languages
        (``kind_id``, ``kind_en``: e.g. "lowongan", "vacancy")."""
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise NotFound.of(aggregate_id, kind_id, kind_en) from None

    def employee(self, nip: str) -> Employee:
        try:
            found: Employee = self.repository.get(employee_id(nip))
        except AggregateNotFoundError:
            raise EmployeeNotFound(nip) from None
        return found

    def facts(self, nip: str) -> PersonnelFacts:
        return self.employee(nip).facts


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
