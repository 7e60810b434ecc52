"""An agency's organisation: its units (OPD) and the positions in each, filled by level."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from domain.values import PositionLevel
from services.demo.names import DIVISIONS, OFFICES, SECTIONS

# About as many employees per regional office as in the three cities' organisation decrees.
EMPLOYEES_PER_UNIT = 180
ADMINISTRATORS_PER_UNIT = 4
SUPERVISORS_PER_ADMINISTRATOR = 3
FUNCTIONAL_SHARE = 0.45  # of the non-structural staff; the rest are executors


@dataclass(frozen=True, slots=True)
class Slot:
    """A position to fill: its level, the structural title if it has one, and its division."""

    unit: str
    level: PositionLevel
    title: str = ""
    division: str = ""
    echelon: str = ""


def unit_names(count: int) -> Iterator[str]:
    """The office names in order; beyond the list, regional branches of the same offices."""
    for index in range(count):
        office = OFFICES[index % len(OFFICES)]
        branch = index // len(OFFICES)
        yield office if branch == 0 else f"{office} Wilayah {branch + 1}"


def unit_sizes(employees: int) -> list[int]:
    units = max(1, round(employees / EMPLOYEES_PER_UNIT))
    base, extra = divmod(employees, units)
    return [base + (1 if index < extra else 0) for index in range(units)]


def slots(unit: str, size: int) -> Iterator[Slot]:
    """The head, the administrators and their supervisors while the unit has room for them,
    then functional and executor staff."""
    structural: list[Slot] = [
        Slot(unit, PositionLevel.JPT_PRATAMA, f"Kepala {unit}", "", "II.b"),
    ]
    for index in range(ADMINISTRATORS_PER_UNIT):
        division = "Sekretariat" if index == 0 else f"Bidang {DIVISIONS[index % len(DIVISIONS)]}"
        head = "Sekretaris" if index == 0 else f"Kepala {division}"
        structural.append(Slot(unit, PositionLevel.ADMINISTRATOR, head, division, "III.a"))
        for section in range(SUPERVISORS_PER_ADMINISTRATOR):
            name = SECTIONS[(index + section) % len(SECTIONS)]
            kind = "Subbagian" if index == 0 else "Seksi"
            structural.append(
                Slot(unit, PositionLevel.SUPERVISOR, f"Kepala {kind} {name}", division, "IV.a")
            )
    structural = structural[: max(0, size // 4)] if size < 4 * len(structural) else structural
    yield from structural
    rest = size - len(structural)
    functional = round(rest * FUNCTIONAL_SHARE)
    for index in range(rest):
        level = PositionLevel.FUNCTIONAL if index < functional else PositionLevel.EXECUTOR
        yield Slot(unit, level)
