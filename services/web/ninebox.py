"""The nine-box grid page (binjai-2023 Lampiran 1-2, balikpapan-2022 Lampiran I-II): the grid of
an agency, a unit and a period as it stood on any day, drawn on the server as an SVG picture
with the count in each box, coloured by box; each box a link listing its employees with the
box's recommendations under the pack; the box-9 talents per unit. Printable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel

from domain.rules.core import Message
from domain.rules.ninebox import POSITIONS, Performance, Potential, category
from domain.rules.registry import pack_for
from projections import talent as read
from projections.talent import NineBoxGrid
from projections.talent.ninebox import BOXES
from projections.talent.profiles import AssessmentRow, profiles
from services.web import kept_reads
from services.web.cycle import cycle_of, names_of, shown, today, units_of
from services.web.exports import csv_answer
from services.web.frame import page
from services.web.session import SignedIn

router = APIRouter(include_in_schema=False)

# Columns from low to high potential, rows from above-expectation performance down.
COLUMNS = (Potential.LOW, Potential.MIDDLE, Potential.HIGH)
ROWS = (Performance.ABOVE, Performance.MEETS, Performance.BELOW)
CELL_W, CELL_H, LEFT, TOP = 170, 110, 190, 10
WIDTH, HEIGHT = LEFT + 3 * CELL_W + 10, TOP + 3 * CELL_H + 60
# Fill and text per box: from red (box 1) through amber to deep green (box 9), each text colour
# at least 4.5:1 against its fill.
COLOURS = {
    1: ("#f4a6a6", "#1b1f24"),
    2: ("#f8c9a0", "#1b1f24"),
    3: ("#fbd8a8", "#1b1f24"),
    4: ("#fde9a6", "#1b1f24"),
    5: ("#f6f0b0", "#1b1f24"),
    6: ("#d9ecb0", "#1b1f24"),
    7: ("#a8dcae", "#1b1f24"),
    8: ("#74c487", "#1b1f24"),
    9: ("#1d6f3b", "#ffffff"),
}


@dataclass(frozen=True)
class Cell:
    box: int
    count: int
    x: int
    y: int
    fill: str
    ink: str
    href: str
    category: Message
    selected: bool


@dataclass(frozen=True)
class Placed:
    """An employee in a box, with the assessment that put them there."""

    nip: str
    assessment: AssessmentRow


def _cells(grid: NineBoxGrid, query: dict[str, str], selected: int | None) -> list[Cell]:
    cells = []
    for box, cell in grid.boxes.items():
        performance, potential = POSITIONS[box]
        fill, ink = COLOURS[box]
        cells.append(
            Cell(
                box=box,
                count=cell.count,
                x=LEFT + COLUMNS.index(potential) * CELL_W,
                y=TOP + ROWS.index(performance) * CELL_H,
                fill=fill,
                ink=ink,
                href="/ninebox?" + urlencode({**query, "box": box}) + "#box-list",
                category=category(box),
                selected=box == selected,
            )
        )
    return cells


def _placed(
    request: Request, agency: str, day: date, unit: str, period: str
) -> tuple[dict[int, list[Placed]], set[str]]:
    """Who is in which box, on which assessment, by the grid's own rule (ProfileRow.in_force);
    and every period mapped."""
    placed: dict[int, list[Placed]] = {box: [] for box in BOXES}
    periods: set[str] = set()
    for row in kept_reads.talent(request, profiles, agency):
        periods.update(a.period for a in row.assessments)
        held = row.in_force(day, period or None)
        if held is not None and (not unit or held.unit == unit):
            placed[held.box].append(Placed(row.nip, held))
    return placed, periods


class PlacedRow(BaseModel):
    """One line of the grid's CSV."""

    box: int
    nip: str
    name: str
    unit: str
    level: str
    period: str
    assessed_on: date


@router.get("/ninebox.csv")
def ninebox_csv(
    request: Request, me: SignedIn, on: date | None = None, unit: str = "", period: str = ""
) -> Response:
    """Everyone on the grid with their box, from box 9 down, as the page shows them."""
    agency = me.actor.agency
    day = on or today(agency)
    placed, _ = _placed(request, agency, day, unit, period)
    names, mask = names_of(request, agency), shown(me)
    rows = [
        PlacedRow(
            box=box,
            nip=mask(each.nip),
            name=names.get(each.nip, ""),
            unit=each.assessment.unit,
            level=each.assessment.level,
            period=each.assessment.period,
            assessed_on=each.assessment.assessed_on,
        ).model_dump(mode="json")
        for box in sorted(placed, reverse=True)
        for each in sorted(placed[box], key=lambda p: p.nip)
    ]
    return csv_answer(rows, PlacedRow, f"ninebox-{day}")


@router.get("/ninebox")
def ninebox(
    request: Request,
    me: SignedIn,
    on: date | None = None,
    unit: str = "",
    period: str = "",
    box: int | None = None,
) -> Response:
    agency = me.actor.agency
    day = on or today(agency)
    grid = kept_reads.talent(request, read.ninebox_grid, agency, day, unit or None, period or None)
    placed, periods = _placed(request, agency, day, unit, period)
    asked = (("on", str(day)), ("unit", unit), ("period", period))
    query = {key: value for key, value in asked if value}
    nine_box = pack_for(agency).nine_box
    top: dict[str, list[str]] = {}
    for each in sorted(placed[9], key=lambda p: p.nip):
        top.setdefault(each.assessment.unit, []).append(each.nip)
    return page(
        request,
        "ninebox.html",
        me=me,
        cycle=cycle_of(agency),
        grid=grid,
        day=day,
        unit=unit,
        period=period,
        units=units_of(request, agency),
        periods=sorted(periods, reverse=True),
        cells=_cells(grid, query, box),
        csv_address="/ninebox.csv?" + urlencode(query),
        size=(WIDTH, HEIGHT, CELL_W, CELL_H, LEFT, TOP),
        columns=[p.label for p in COLUMNS],
        rows=[p.label for p in ROWS],
        box=box if box in grid.boxes else None,
        listed=sorted(placed.get(box or 0, []), key=lambda p: p.nip),
        recommendations=nine_box.recommendations.get(box or 0, ()) if nine_box else (),
        recommendations_citation=nine_box.recommendations_citation if nine_box else "",
        top=dict(sorted(top.items())),
        names=names_of(request, agency),
        shown=shown(me),
    )
