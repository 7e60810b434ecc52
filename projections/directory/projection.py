from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any
from uuid import UUID

from eventsourcing.dispatch import singledispatchmethod
from eventsourcing.persistence import Tracking, TrackingRecorder
from eventsourcing.projection import Projection
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.personnel.aggregate import Employee

COLUMNS = ("nip", "name", "agency", "unit", "status", "active", "grade", "position")


class DirectoryRow(BaseModel):
    nip: str
    name: str
    agency: str
    unit: str
    status: str
    active: bool
    grade: str
    position: str


class DirectoryView(TrackingRecorder, ABC):
    @abstractmethod
    def apply(self, employee_id: UUID, fields: dict[str, Any], tracking: Tracking) -> None:
        """Inserts or updates the given columns of one employee with the tracking record."""

    @abstractmethod
    def rows(self, agency: str, unit: str | None = None) -> list[DirectoryRow]: ...

    @abstractmethod
    def reset(self, tracking_key: str) -> None:
        """Forgets every row and the tracking position, so the log can be replayed."""


class DirectoryProjection(Projection[DirectoryView]):
    name = "directory"
    topics = (get_topic(Employee.Enrolled), get_topic(Employee.RecordUpdated))

    @singledispatchmethod
    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        self.view.insert_tracking(tracking)

    @process_event.register
    def _(self, domain_event: Employee.Enrolled, tracking: Tracking) -> None:
        fields = {"nip": domain_event.nip, **_columns(domain_event.record)}
        self.view.apply(domain_event.originator_id, fields, tracking)

    @process_event.register
    def _(self, domain_event: Employee.RecordUpdated, tracking: Tracking) -> None:
        self.view.apply(domain_event.originator_id, _columns(domain_event.changes), tracking)


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
        positions = sorted(sections["positions"], key=lambda spell: spell["start"])
        fields["position"] = positions[-1]["title"] if positions else ""
    return fields
