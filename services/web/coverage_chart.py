"""The coverage forecast's timeline, laid out for an SVG the server draws: one row per position,
time across from the day read, a bar for the holder's remaining time ending at the retirement
point, the horizon's end as a dashed line, flagged rows in red. Geometry only; the template
draws it (templates/coverage.html)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.talent.coverage import CoverageForecast, add_months

WIDTH = 960
LABELS = 300  # the left column of position names
RIGHT = 24
TOP = 46  # the year ticks, then the day read and the horizon, above the rows
ROW = 30
# Beyond the horizon the axis runs to the latest retirement, at most this long.
LONGEST_MONTHS = 120


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Bar:
    y: float
    label: str
    ready: int
    flagged: bool
    x_end: float  # the retirement point; the day read for a vacant position
    vacates_on: date | None
    beyond_axis: bool  # retires after the axis ends: the bar runs to the edge


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: float
    top: int
    row: int
    ticks: list[Tick]
    horizon_x: float
    bars: list[Bar]


def chart(found: CoverageForecast) -> Chart:
    dated = [row.vacates_on for row in found.rows if row.vacates_on is not None]
    last = min(max([found.horizon_end, *dated]), add_months(found.on, LONGEST_MONTHS))
    # The axis ends a little after its last point, so that point's marker is drawn whole.
    end = add_months(last, 2)
    right = WIDTH - RIGHT
    span = (end - found.on).days or 1

    def x(day: date) -> float:
        return LABELS + (right - LABELS) * (min(day, end) - found.on).days / span

    ticks = [
        Tick(x(date(year, 1, 1)), str(year))
        for year in range(found.on.year + 1, end.year + 1)
        if date(year, 1, 1) <= end
    ]
    bars = [
        Bar(
            y=TOP + index * ROW,
            label=f"{row.position} ({row.unit})",
            ready=row.ready,
            flagged=row.flagged,
            x_end=x(row.vacates_on or found.on),
            vacates_on=row.vacates_on,
            beyond_axis=row.vacates_on is not None and row.vacates_on > end,
        )
        for index, row in enumerate(found.rows)
    ]
    return Chart(
        width=WIDTH,
        height=TOP + ROW * max(len(bars), 1) + 10,
        left=LABELS,
        right=right,
        top=TOP,
        row=ROW,
        ticks=ticks,
        horizon_x=x(found.horizon_end),
        bars=bars,
    )
