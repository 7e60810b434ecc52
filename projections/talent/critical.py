"""Critical positions: one document per position declared by decree, with its report to
KemenPANRB and its withdrawal."""

from __future__ import annotations

from datetime import date
from functools import singledispatch
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.talent.critical import CriticalPosition
from domain.values import PositionLevel
from projections.documents import DocumentView
from projections.documents.models import load, save

CRITICAL = "critical-positions"


class CriticalPositionRow(BaseModel):
    critical_position_id: UUID
    agency: str
    position: str
    unit: str
    level: PositionLevel
    characteristics: dict[str, str]  # code -> justification
    priority_rank: int
    competency_standard: str
    decree_number: str
    decree_date: date
    report_letter: str = ""
    reported_on: date | None = None
    withdrawn_on: date | None = None
    withdrawal_decree: str = ""

    def active_on(self, day: date) -> bool:
        """The rule of ``CriticalPosition.active_on``: from its decree until its withdrawal."""
        return self.decree_date <= day and (self.withdrawn_on is None or day < self.withdrawn_on)


def critical_positions(view: DocumentView, agency: str, on: date) -> list[CriticalPositionRow]:
    """The positions critical on ``on``, in their priority order."""
    rows = (CriticalPositionRow.model_validate(d) for d in view.list(CRITICAL, agency))
    listed = [row for row in rows if row.active_on(on)]
    return sorted(listed, key=lambda row: (row.priority_rank, row.position))


def declared_positions(view: DocumentView, agency: str, on: date) -> list[CriticalPositionRow]:
    """The positions declared by ``on``: those in force in their priority order, then those
    withdrawn by then, the latest withdrawal first."""
    rows = [CriticalPositionRow.model_validate(d) for d in view.list(CRITICAL, agency)]
    listed = [row for row in rows if row.active_on(on)]
    withdrawn = [row for row in rows if row.withdrawn_on is not None and row.withdrawn_on <= on]
    return sorted(listed, key=lambda row: (row.priority_rank, row.position)) + sorted(
        withdrawn, key=lambda row: (row.withdrawn_on or on, row.position), reverse=True
    )


def project_critical(view: DocumentView, event: CriticalPosition.Event, tracking: Tracking) -> None:
    if isinstance(event, CriticalPosition.Declared):
        row = CriticalPositionRow(
            critical_position_id=event.originator_id,
            agency=event.agency,
            position=event.position,
            unit=event.unit,
            level=PositionLevel(event.level),
            characteristics=dict(event.characteristics),
            priority_rank=event.priority_rank,
            competency_standard=event.competency_standard,
            decree_number=event.decree_number,
            decree_date=event.decree_date,
        )
    else:
        row = load(view, CRITICAL, event.originator_id, CriticalPositionRow)
        _change(event, row)
    save(view, CRITICAL, row.critical_position_id, row.agency, row, tracking)


@singledispatch
def _change(event: CriticalPosition.Event, row: CriticalPositionRow) -> None:
    raise TypeError(f"the critical positions do not follow {type(event).__qualname__}")


@_change.register
def _(event: CriticalPosition.Reported, row: CriticalPositionRow) -> None:
    row.report_letter, row.reported_on = event.letter_number, event.letter_date


@_change.register
def _(event: CriticalPosition.Withdrawn, row: CriticalPositionRow) -> None:
    row.withdrawn_on, row.withdrawal_decree = event.decree_date, event.decree_number


CRITICAL_TOPICS = (
    get_topic(CriticalPosition.Declared),
    *(get_topic(cls) for cls in _change.registry if cls is not object),
)
