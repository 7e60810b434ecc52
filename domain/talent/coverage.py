"""The succession coverage forecast: for each critical and target position, the day it falls
vacant (its holder reaching the retirement age of the position, domain/rules/retirement.py)
against the successors of its plan who are ready; a position falling vacant within the horizon
with no one ready is flagged.

A successor is ready when in the decreed succession group (Binjai P29(3), Balikpapan P17(3)),
in box 7, 8 or 9 on the day (Binjai P1(19), Balikpapan P1(15)), and not to retire, at the BUP
of the position they would take, on or before the day it falls vacant.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, computed_field

from domain.rules.core import Citation, Message
from domain.rules.ninebox import SUCCESSION_BOXES
from domain.rules.retirement import RetirementRules, bup_reached, vacates_on
from domain.values import FunctionalGrade, Nip, PositionLevel


class PlannedSuccessor(BaseModel):
    """A successor of the plan as the records stand on the day."""

    model_config = ConfigDict(frozen=True)

    nip: Nip
    order: int
    in_group: bool  # in the latest succession group decreed by the day
    box: int | None  # of the assessment in force on the day; None: not mapped


class Seat(BaseModel):
    """A critical or target position, who holds it on the day and its plan's successors."""

    model_config = ConfigDict(frozen=True)

    position: str
    unit: str
    level: PositionLevel
    functional_grade: FunctionalGrade | None = None
    critical: bool
    target: bool
    incumbents: tuple[Nip, ...] = ()
    successors: tuple[PlannedSuccessor, ...] = ()


class Readiness(StrEnum):
    READY = "ready"
    NOT_IN_GROUP = "not-in-group"
    BOX_BELOW_SEVEN = "box-below-7"
    RETIRES_FIRST = "retires-first"


class SuccessorRow(BaseModel):
    nip: str
    order: int
    box: int | None
    readiness: Readiness


class Status(StrEnum):
    VACANT = "vacant"  # no holder on the day
    WITHIN = "within-horizon"  # falls vacant by the horizon's end (or already has)
    BEYOND = "beyond-horizon"


class CoverageRow(BaseModel):
    position: str
    unit: str
    level: PositionLevel
    functional_grade: FunctionalGrade | None
    critical: bool
    target: bool
    incumbent: str | None  # the holder retiring first; None: vacant
    retirement_age: int | None
    bup_reached: date | None
    vacates_on: date | None  # None: vacant on the day already
    citation: Citation | None
    status: Status
    successors: list[SuccessorRow]
    ready: int
    flagged: bool


class CoverageForecast(BaseModel):
    agency: str
    on: date
    horizon_months: int
    horizon_end: date
    convention: Message
    rows: list[CoverageRow]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def flagged(self) -> int:
        return sum(row.flagged for row in self.rows)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, the month's last day where it is shorter."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def forecast(
    agency: str,
    seats: Sequence[Seat],
    on: date,
    horizon_months: int,
    rules: RetirementRules,
) -> CoverageForecast:
    """Every seat dated and judged on ``on``: flagged ones first, then by the day they fall
    vacant (the vacant ones first). A seat falling vacant on the horizon's last day is within
    it."""
    end = add_months(on, horizon_months)
    rows = [_row(seat, on, end, rules) for seat in seats]
    rows.sort(key=lambda r: (not r.flagged, r.vacates_on or on, r.unit, r.position))
    return CoverageForecast(
        agency=agency,
        on=on,
        horizon_months=horizon_months,
        horizon_end=end,
        convention=rules.convention,
        rows=rows,
    )


def _row(seat: Seat, on: date, end: date, rules: RetirementRules) -> CoverageRow:
    age = rules.age_for(seat.level, seat.functional_grade)
    # Several holders of one position (executors): it first falls vacant with the earliest.
    holder = min(seat.incumbents, key=lambda nip: vacates_on(nip.birth_date, age), default=None)
    vacant_from: date | None = None
    status = Status.VACANT
    if holder is not None:
        vacant_from = vacates_on(holder.birth_date, age)
        status = Status.WITHIN if vacant_from <= end else Status.BEYOND
    needed_by = vacant_from or on
    successors = [
        SuccessorRow(
            nip=str(s.nip),
            order=s.order,
            box=s.box,
            readiness=_readiness(s, vacates_on(s.nip.birth_date, age), needed_by),
        )
        for s in sorted(seat.successors, key=lambda s: s.order)
    ]
    ready = sum(s.readiness is Readiness.READY for s in successors)
    return CoverageRow(
        position=seat.position,
        unit=seat.unit,
        level=seat.level,
        functional_grade=seat.functional_grade,
        critical=seat.critical,
        target=seat.target,
        incumbent=str(holder) if holder else None,
        retirement_age=age.years if holder else None,
        bup_reached=bup_reached(holder.birth_date, age) if holder else None,
        vacates_on=vacant_from,
        citation=age.citation if holder else None,
        status=status,
        successors=successors,
        ready=ready,
        flagged=status is not Status.BEYOND and ready == 0,
    )


def _readiness(successor: PlannedSuccessor, own_vacancy: date, needed_by: date) -> Readiness:
    if not successor.in_group:
        return Readiness.NOT_IN_GROUP
    if successor.box not in SUCCESSION_BOXES:
        return Readiness.BOX_BELOW_SEVEN
    if own_vacancy <= needed_by:
        return Readiness.RETIRES_FIRST
    return Readiness.READY
