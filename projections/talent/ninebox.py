"""The nine-box grid of an agency (or one unit, one period) as it stood on any day."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from domain.rules.core import Message
from domain.rules.ninebox import GRID, category
from projections.documents import DocumentView
from projections.talent.profiles import profiles

BOXES = tuple(sorted(GRID.values()))


class GridCell(BaseModel):
    box: int
    category: Message
    nips: list[str]
    count: int


class NineBoxGrid(BaseModel):
    agency: str
    on: date
    unit: str | None
    period: str | None
    # Every box 1..9, empty ones included, so a grid always draws whole.
    boxes: dict[int, GridCell]
    # Unit -> box -> how many, every box listed for each unit with anyone mapped.
    units: dict[str, dict[int, int]]
    total: int


def ninebox_grid(
    view: DocumentView,
    agency: str,
    on: date,
    unit: str | None = None,
    period: str | None = None,
) -> NineBoxGrid:
    """Each employee in the box of their assessment in force on ``on`` (of ``period`` when
    given), in the unit that assessment recorded; a re-assessment moves them only from its own
    date, so an earlier day shows the earlier box."""
    placed: dict[int, list[str]] = {box: [] for box in BOXES}
    units: dict[str, dict[int, int]] = {}
    for row in profiles(view, agency):
        held = row.in_force(on, period)
        if held is None or (unit is not None and held.unit != unit):
            continue
        placed[held.box].append(row.nip)
        units.setdefault(held.unit, dict.fromkeys(BOXES, 0))[held.box] += 1
    cells = {
        box: GridCell(box=box, category=category(box), nips=sorted(nips), count=len(nips))
        for box, nips in placed.items()
    }
    return NineBoxGrid(
        agency=agency,
        on=on,
        unit=unit,
        period=period,
        boxes=cells,
        units=dict(sorted(units.items())),
        total=sum(cell.count for cell in cells.values()),
    )
