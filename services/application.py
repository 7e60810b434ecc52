"""The Talenta application: commands and queries over the event store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from itertools import islice
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import (
    AggregateNotFoundError,
    Application,
    Repository,
    project_aggregate,
)
from eventsourcing.domain import Aggregate, DomainEvent
from eventsourcing.persistence import (
    ApplicationRecorder,
    InternalError,
    JSONTranscoder,
    Recording,
    Transcoding,
)
from eventsourcing.utils import strtobool

from domain.bilingual import Bilingual, Message
from domain.personnel.aggregate import Employee, employee_id
from domain.personnel.facts import PersonnelFacts
from services.agency_bounds import bound_actor, guard, unknown_employee
from services.aggregate_cache import DEFAULT_MAXSIZE, CachingRepository, forget_reads
from services.config import StoreConfig
from services.postgres_store import TOPIC as ARRAY_INSERT_RECORDER
from services.sqlite_store import TOPIC as MANY_INSERT_RECORDER
from services.transcoder import TOPIC as RAPIDJSON_TRANSCODER

# A single save of ~1,500 events can hang in psycopg's pipeline mode; stay well below.
MAX_EVENTS_PER_SAVE = 250
# SQLite has no such hang, and a transaction's commit costs it more than its inserts do.
SQLITE_EVENTS_PER_SAVE = 5_000
# Tries at creating a store's tables when other processes create them at the same moment.
OPEN_ATTEMPTS = 3

T = TypeVar("T")
# The last notification id of each save made inside ``noting_saves``.
_SAVES: ContextVar[list[int] | None] = ContextVar("talenta_saves", default=None)


@contextmanager
def noting_saves() -> Iterator[list[int]]:
    """Within the block (and the threads it hands work to with its context), each save appends
    the notification id of its last event to the list yielded: where the log stands for
    whoever made the saves, without asking the store."""
    saves: list[int] = []
    token = _SAVES.set(saves)
    try:
        yield saves
    finally:
        _SAVES.reset(token)


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class NotFound(Bilingual, LookupError):
    """The request names something that is not in the store."""

    def __init__(self, indonesian: str, english: str) -> None:
        super().__init__(Message(id=indonesian, en=english))

    @classmethod
    def of(cls, what: object, kind_id: str, kind_en: str) -> NotFound:
        """A kind naming " / " would blur where the one-line form ("Indonesian / English", as
        the command line prints it) turns from one language to the other."""
        if any(" / " in kind for kind in (kind_id, kind_en)):
            raise ValueError(f'a kind must not contain " / ": {kind_id!r}, {kind_en!r}')
        return cls(f"{kind_id} {what} tidak ada", f"no {kind_en} {what}")


class EmployeeNotFound(NotFound):
    def __init__(self, nip: str) -> None:
        super().__init__(f"pegawai dengan NIP {nip} tidak ada", f"no employee with NIP {nip}")
        self.nip = nip


class Talenta(Application[UUID]):
    name = "talenta"

    def __init__(self, store: StoreConfig | None = None, env: Mapping[str, str] | None = None):
        settings = (store or StoreConfig.from_env()).eventsourcing_env()
        postgres = settings["PERSISTENCE_MODULE"] == "eventsourcing.postgres"
        settings["APPLICATION_RECORDER_TOPIC"] = (
            ARRAY_INSERT_RECORDER if postgres else MANY_INSERT_RECORDER
        )
        settings["TRANSCODER_TOPIC"] = RAPIDJSON_TRANSCODER  # the library's format, written faster
        # How many events one atomic save of save_bounded holds on this backend.
        self.events_per_save = MAX_EVENTS_PER_SAVE if postgres else SQLITE_EVENTS_PER_SAVE
        super().__init__(env={**settings, **(env or {})})

    def construct_recorder(self) -> ApplicationRecorder:
        """The library's recorder. Processes opening one PostgreSQL store at once race on its
        idempotent CREATE ... IF NOT EXISTS, and PostgreSQL refuses the loser with "tuple
        concurrently updated"; the tables then exist, so creating them again succeeds."""
        for _ in range(OPEN_ATTEMPTS - 1):
            try:
                return super().construct_recorder()
            except InternalError as error:
                if "concurrently updated" not in str(error):
                    raise
        return super().construct_recorder()

    def construct_repository(self) -> Repository[UUID]:
        """The library's repository, bounded to the acting agency (services/agency_bounds.py),
        with a fast-forwarding cache of DEFAULT_MAXSIZE aggregates unless the environment sets
        AGGREGATE_CACHE_MAXSIZE (empty: none)."""
        size = self.env.get(self.AGGREGATE_CACHE_MAXSIZE, str(DEFAULT_MAXSIZE))
        return CachingRepository(
            event_store=self.events,
            snapshot_store=self.snapshots,
            cache_maxsize=int(size) if size else None,
            fastforward=strtobool(self.env.get(self.AGGREGATE_CACHE_FASTFORWARD, "y")),
            fastforward_skipping=strtobool(
                self.env.get(self.AGGREGATE_CACHE_FASTFORWARD_SKIPPING, "n")
            ),
            deepcopy_from_cache=strtobool(self.env.get(self.DEEPCOPY_FROM_AGGREGATE_CACHE, "y")),
        )

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    def save_bounded(self, aggregates: Iterable[Aggregate]) -> int:
        """Saves aggregates in batches of at most ``events_per_save`` pending events; each batch
        is atomic, and an aggregate's events are never split between batches. Returns the number
        of events saved."""
        saved = 0
        batch: list[Any] = []
        for aggregate in aggregates:
            guard(aggregate)
            # Saved as events: see ``save``. The fast-forwarding cache reads saved events from
            # the store, never the aggregates saved.
            events = aggregate.collect_events()
            if batch and len(batch) + len(events) > self.events_per_save:
                self.save(*batch)
                saved += len(batch)
                batch = []
            batch.extend(events)
        if batch:
            self.save(*batch)
            saved += len(batch)
        return saved

    def save(self, *objs: Any, **kwargs: Any) -> list[Recording[UUID]]:
        """As the library's save; domain events alone go straight to the event store, sparing
        the library's runtime protocol checks (slow on Python 3.11: a third of a bulk save)."""
        forget_reads()  # whatever the save's outcome, the command's next reads ask the store
        for obj in objs:
            if isinstance(obj, Aggregate):
                guard(obj)
        if (
            kwargs
            or self.snapshots is not None
            or not all(isinstance(o, DomainEvent) for o in objs)
        ):
            recordings = super().save(*objs, **kwargs)
        else:
            recordings = self.events.put(list(objs))
        saves = _SAVES.get()
        if saves is not None and recordings:
            saves.append(max(recording.notification.id for recording in recordings))
        return recordings

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
            actor = bound_actor()
            if actor is not None:  # inside a command: answered as another agency's NIP is
                raise unknown_employee(actor, nip) from None
            raise EmployeeNotFound(nip) from None
        return found

    def employees_among(self, nips: Iterable[str]) -> dict[str, Employee]:
        """The employees stored among ``nips``, by NIP, read in one query (inside a command,
        only of the acting agency, as ``employee`` reads them)."""
        ids = {employee_id(nip): nip for nip in nips}
        events: dict[UUID, list[Any]] = {}
        for stored in self.recorder.select_events_of(list(ids)):  # type: ignore[attr-defined]
            events.setdefault(stored.originator_id, []).append(self.mapper.to_domain_event(stored))
        found = {}
        for aggregate_id, its_events in events.items():
            employee: Employee | None = project_aggregate(None, its_events)
            if employee is not None:
                guard(employee)
                found[ids[aggregate_id]] = employee
        return found

    def facts(self, nip: str) -> PersonnelFacts:
        return self.employee(nip).facts


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
