from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Tracking, TrackingRecorder
from eventsourcing.projection import Projection
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.personnel.aggregate import Employee
from domain.personnel.facts import PositionSpell
from projections.follower import BatchedView, Batches

COLUMNS = ("nip", "name", "agency", "unit", "status", "active", "grade", "position")
# The rest of the latest position spell, whose title is ``position``: for the coverage forecast,
# which needs each holder's spell without loading the record. Texts, '' for none.
SPELL_COLUMNS = (
    "position_level",
    "position_start",
    "position_end",
    "position_unit",
    "position_grade",
)
WRITTEN = (*COLUMNS, *SPELL_COLUMNS)


class DirectoryRow(BaseModel):
    nip: str
    name: str
    agency: str
    unit: str
    status: str
    active: bool
    grade: str
    position: str


class LatestSpell(BaseModel):
    """An active employee's latest position spell, with the unit of the record."""

    nip: str
    unit: str
    spell: PositionSpell

    @classmethod
    def of(cls, row: dict[str, Any]) -> LatestSpell:
        spell = {
            "title": row["position"],
            "level": row["position_level"],
            "start": row["position_start"],
            "end": row["position_end"] or None,
            "unit": row["position_unit"],
            "functional_grade": row["position_grade"] or None,
        }
        return cls(nip=row["nip"], unit=row["unit"], spell=PositionSpell.model_validate(spell))


class DirectoryView(BatchedView, TrackingRecorder, ABC):
    """Rows are only written while a batch is open (the projection never reads them back), so a
    batch keeps, per employee, the columns its events set, the later ones winning."""

    @property
    def _batches(self) -> Batches[UUID, dict[str, Any]]:
        batches: Batches[UUID, dict[str, Any]] | None = self.__dict__.get("_batch_state")
        if batches is None:  # made once: a rebuild asks for it at every event
            batches = self.__dict__.setdefault("_batch_state", Batches())
        return batches

    @contextmanager
    def batch(self, tracking_key: str, start: int) -> Iterator[None]:
        with self._batches.open(tracking_key, start) as batch:
            yield
            if batch.end is not None:
                self._commit(list(batch.writes.items()), Tracking(tracking_key, batch.end), start)

    def apply(self, employee_id: UUID, fields: dict[str, Any], tracking: Tracking) -> None:
        """Inserts or updates the given columns of one employee with the tracking record, or
        holds them for the batch under way."""
        batch = self._batches.current
        if batch is None:
            self._commit([(employee_id, fields)], tracking, None)
            return
        batch.track(tracking)
        batch.writes[employee_id] = {**batch.writes.get(employee_id, {}), **fields}

    def insert_tracking(self, tracking: Tracking) -> None:
        batch = self._batches.current
        if batch is None:
            self._commit([], tracking, None)
        else:
            batch.track(tracking)

    @abstractmethod
    def _commit(
        self, rows: list[tuple[UUID, dict[str, Any]]], tracking: Tracking, start: int | None
    ) -> None:
        """Writes the rows' columns and the tracking record in one transaction; with ``start``,
        only if the tracked position is still ``start`` (else IntegrityError)."""

    @abstractmethod
    def rows(self, agency: str, unit: str | None = None) -> list[DirectoryRow]: ...

    @abstractmethod
    def latest_spells(self, agency: str, titles: Collection[str]) -> list[LatestSpell]:
        """The active employees of ``agency`` whose latest position has one of ``titles``, in
        the order of :meth:`rows`; not those whose row awaits its spell (a table that gained
        the spell's columns, until its rebuild reaches them)."""

    @abstractmethod
    def count(self, agency: str) -> int:
        """How many employees of ``agency`` the directory lists, without reading their rows."""

    @abstractmethod
    def reset(self, tracking_key: str) -> None:
        """Forgets every row and the tracking position, so the log can be replayed."""


def by_columns(rows: list[tuple[UUID, dict[str, Any]]]) -> dict[tuple[str, ...], list[Any]]:
    """The rows grouped by the columns they set (one statement each), as [id, *values]."""
    groups: dict[tuple[str, ...], list[Any]] = {}
    for employee_id, fields in rows:
        names = tuple(name for name in WRITTEN if name in fields)
        groups.setdefault(names, []).append([employee_id, *(fields[name] for name in names)])
    return groups


class DirectoryProjection(Projection[DirectoryView]):
    # The number is the table's version: a new one tracks from the log's start, so a database
    # whose table gained columns (the views add them) is rebuilt and its new columns filled.
    name = "directory-2"
    topics = (get_topic(Employee.Enrolled), get_topic(Employee.RecordUpdated))

    # Dispatched by hand: the library's singledispatchmethod builds a wrapper at every call, a
    # tenth of a rebuild's time.
    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        if isinstance(domain_event, Employee.Enrolled):
            fields = {"nip": domain_event.nip, **_columns(domain_event.record)}
            self.view.apply(domain_event.originator_id, fields, tracking)
        elif isinstance(domain_event, Employee.RecordUpdated):
            self.view.apply(domain_event.originator_id, _columns(domain_event.changes), tracking)
        else:
            self.view.insert_tracking(tracking)


def _columns(sections: dict[str, Any]) -> dict[str, Any]:
    """The directory's columns found among the changed sections of a record."""
    fields: dict[str, Any] = {
        key: sections[key]
        for key in ("name", "agency", "unit", "status", "active")
        if key in sections
    }
    if "grades" in sections:
        grades = sorted(sections["grades"], key=lambda spell: spell["start"])
        fields["grade"] = grades[-1]["grade"] if grades else ""
    if "positions" in sections:
        # The latest: of the spells starting last, the last listed, as PersonnelFacts orders them.
        positions = sorted(sections["positions"], key=lambda spell: spell["start"])
        fields.update(_spell(positions[-1] if positions else None))
    return fields


def _spell(spell: dict[str, Any] | None) -> dict[str, str]:
    if spell is None:
        return {"position": "", **dict.fromkeys(SPELL_COLUMNS, "")}
    return {
        "position": spell["title"],
        "position_level": spell["level"],
        "position_start": spell["start"],
        "position_end": spell.get("end") or "",
        "position_unit": spell.get("unit") or "",
        "position_grade": spell.get("functional_grade") or "",
    }
