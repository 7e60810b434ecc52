"""Pictures drawn on the server: the layout (coordinates in an SVG user space) of the expiry
timeline and of a round's funnel, rendered by the macros of templates/charts.html. Nothing is
drawn in the browser, so a chart prints and reads without scripts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WIDTH = 720
LABEL = 190  # the left margin holding each bar's label
ROW = 22
AXIS = 28  # the bottom margin holding the years
TOP = 20  # the top margin holding today's label
RIGHT = 30  # room for the last year's label


@dataclass(frozen=True)
class Span:
    label: str
    start: date
    end: date  # the first day it no longer holds
    kind: str  # "pool" or "pin": the bar's colour and legend
    ended: bool = False  # expired or used before ``end``
    link: str = ""


@dataclass(frozen=True)
class Bar:
    span: Span
    x: float
    width: float
    y: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    top: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    today: date
    today_x: float
    label_x: int = LABEL - 6


def timeline(spans: list[Span], today: date) -> Timeline:
    """Each span a bar on one time axis from the first year any starts to the year after the
    last ends (today always inside), the soonest end first; today a vertical line."""
    first = min([s.start for s in spans] + [today]).year
    last = max([s.end for s in spans] + [today]).year + 1
    origin, finish = date(first, 1, 1), date(last, 1, 1)
    scale = (WIDTH - LABEL - RIGHT) / (finish - origin).days

    def x(day: date) -> float:
        return round(LABEL + (day - origin).days * scale, 1)

    ordered = sorted(spans, key=lambda s: (s.end, s.label))
    bars = tuple(
        Bar(span, x(span.start), max(x(span.end) - x(span.start), 2.0), TOP + i * ROW)
        for i, span in enumerate(ordered)
    )
    ticks = tuple(Tick(x(date(year, 1, 1)), str(year)) for year in range(first, last + 1))
    height = TOP + max(len(bars), 1) * ROW + AXIS
    return Timeline(WIDTH, height, TOP, bars, ticks, today, x(today))


@dataclass(frozen=True)
class Step:
    key: str  # a label of the message catalogue
    count: int
    x: float
    width: float
    y: float


@dataclass(frozen=True)
class Funnel:
    width: int
    height: int
    steps: tuple[Step, ...]
    label_x: int = LABEL - 8
    count_x: int = WIDTH - LABEL + 8


FUNNEL_ROW = 34


def funnel(counts: list[tuple[str, int]]) -> Funnel:
    """One centred bar a stage, its width the stage's share of the first (widest) stage."""
    widest = max([count for _, count in counts] + [1])
    room = WIDTH - 2 * LABEL
    steps = []
    for i, (key, count) in enumerate(counts):
        width = max(room * count / widest, 2.0)
        x = round((WIDTH - width) / 2, 1)
        steps.append(Step(key, count, x, round(width, 1), i * FUNNEL_ROW))
    return Funnel(WIDTH, len(counts) * FUNNEL_ROW, tuple(steps))
