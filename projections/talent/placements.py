"""Placements: one document per talent placed from a succession plan into its target."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.talent.placement import Placement
from domain.values import PositionLevel
from projections.documents import DocumentView
from projections.documents.models import save

PLACEMENTS = "placements"


class PlacementRow(BaseModel):
    placement_id: UUID
    agency: str
    nip: str
    plan_id: UUID
    position: str
    unit: str
    level: PositionLevel
    from_unit: str
    box: int  # on the decree date
    direct: bool  # box 9 outside the plan's order (Balikpapan P23(3))
    decree_number: str
    decree_date: date
    inaugurated_on: date
    critical: bool


def placements(view: DocumentView, agency: str) -> list[PlacementRow]:
    rows = [PlacementRow.model_validate(document) for document in view.list(PLACEMENTS, agency)]
    return sorted(rows, key=lambda row: (row.inaugurated_on, row.nip))


def project_placement(view: DocumentView, event: Placement.Event, tracking: Tracking) -> None:
    if not isinstance(event, Placement.Placed):
        raise TypeError(f"the placements do not follow {type(event).__qualname__}")
    row = PlacementRow(
        placement_id=event.originator_id,
        agency=event.agency,
        nip=event.nip,
        plan_id=event.plan_id,
        position=event.position,
        unit=event.unit,
        level=PositionLevel(event.level),
        from_unit=event.from_unit,
        box=event.box,
        direct=event.direct,
        decree_number=event.decree_number,
        decree_date=event.decree_date,
        inaugurated_on=event.inaugurated_on,
        critical=event.critical,
    )
    save(view, PLACEMENTS, row.placement_id, row.agency, row, tracking)


PLACEMENT_TOPICS = (get_topic(Placement.Placed),)
