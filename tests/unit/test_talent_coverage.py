"""The succession coverage forecast, row by row with its citation: birth dates at the boundary of
each retirement age (PP 11/2017 as amended by PP 17/2020, P239(2)), the vacancy on the first day
of the month after the BUP is reached, the horizon's last day inside it, and what makes a
successor ready (in the decreed group, box 7-9, not retiring first)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.rules import balikpapan, binjai
from domain.rules.core import Citation
from domain.rules.retirement import NATIONAL_RETIREMENT
from domain.talent.coverage import (
    CoverageRow,
    PlannedSuccessor,
    Readiness,
    Seat,
    Status,
    add_months,
    forecast,
)
from domain.values import FunctionalGrade, Nip, PositionLevel

ON = date(2026, 1, 1)
HORIZON = 24  # months: the horizon ends on 2028-01-01, a vacancy that day is within it
A, B, C = "pp-11-2017:P239(2)(a)", "pp-11-2017:P239(2)(b)", "pp-11-2017:P239(2)(c)"
L, G = PositionLevel, FunctionalGrade


def nip(born: date, sequence: int = 1) -> Nip:
    return Nip(f"{born:%Y%m%d}200001" + f"1{sequence:03}")


def seat(
    level: PositionLevel,
    grade: FunctionalGrade | None = None,
    *incumbents: Nip,
    successors: tuple[PlannedSuccessor, ...] = (),
) -> Seat:
    return Seat(
        position=f"Kepala {level}",
        unit="Bappeda",
        level=level,
        functional_grade=grade,
        critical=True,
        target=True,
        incumbents=incumbents,
        successors=successors,
    )


def one(s: Seat, on: date = ON, horizon: int = HORIZON) -> CoverageRow:
    (row,) = forecast("kota-binjai", [s], on, horizon, NATIONAL_RETIREMENT).rows
    return row


# level, grade, birth date -> BUP, vacancy day, within a 24-month horizon from 2026-01-01.
# Born in December of year Y - BUP: the BUP month is December 2027, vacant 2028-01-01 (the
# horizon's last day); born on 1 January of the next year: vacant 2028-02-01, beyond it.
BOUNDARIES = [
    (L.ADMINISTRATOR, None, date(1969, 12, 31), 58, date(2028, 1, 1), True, A),
    (L.ADMINISTRATOR, None, date(1970, 1, 1), 58, date(2028, 2, 1), False, A),
    (L.SUPERVISOR, None, date(1969, 12, 1), 58, date(2028, 1, 1), True, A),
    (L.SUPERVISOR, None, date(1970, 1, 1), 58, date(2028, 2, 1), False, A),
    (L.EXECUTOR, None, date(1969, 12, 31), 58, date(2028, 1, 1), True, A),
    (L.EXECUTOR, None, date(1970, 1, 31), 58, date(2028, 2, 1), False, A),
    (L.JPT_PRATAMA, None, date(1967, 12, 31), 60, date(2028, 1, 1), True, B),
    (L.JPT_PRATAMA, None, date(1968, 1, 1), 60, date(2028, 2, 1), False, B),
    (L.JPT_MADYA, None, date(1967, 12, 31), 60, date(2028, 1, 1), True, B),
    (L.FUNCTIONAL, G.AHLI_MADYA, date(1967, 12, 31), 60, date(2028, 1, 1), True, B),
    (L.FUNCTIONAL, G.AHLI_MADYA, date(1968, 1, 1), 60, date(2028, 2, 1), False, B),
    (L.FUNCTIONAL, G.AHLI_UTAMA, date(1962, 12, 31), 65, date(2028, 1, 1), True, C),
    (L.FUNCTIONAL, G.AHLI_UTAMA, date(1963, 1, 1), 65, date(2028, 2, 1), False, C),
    (L.FUNCTIONAL, G.AHLI_MUDA, date(1969, 12, 31), 58, date(2028, 1, 1), True, A),
    (L.FUNCTIONAL, G.AHLI_MUDA, date(1970, 1, 1), 58, date(2028, 2, 1), False, A),
    (L.FUNCTIONAL, G.AHLI_PERTAMA, date(1970, 1, 1), 58, date(2028, 2, 1), False, A),
    (L.FUNCTIONAL, G.PENYELIA, date(1969, 12, 31), 58, date(2028, 1, 1), True, A),
    # No grade recorded: the lowest functional BUP, so the gap shows at its earliest.
    (L.FUNCTIONAL, None, date(1969, 12, 31), 58, date(2028, 1, 1), True, A),
]


@pytest.mark.parametrize(
    ("level", "grade", "born", "age", "vacant", "within", "citation"),
    [
        pytest.param(*row, id=f"{row[6]} {row[0]} {row[1] or ''} born {row[2]}")
        for row in BOUNDARIES
    ],
)
def test_a_position_falls_vacant_the_month_after_its_holder_reaches_the_bup(
    level: PositionLevel,
    grade: FunctionalGrade | None,
    born: date,
    age: int,
    vacant: date,
    within: bool,
    citation: str,
) -> None:
    row = one(seat(level, grade, nip(born)))
    assert (row.retirement_age, row.vacates_on, row.citation) == (age, vacant, citation)
    assert row.status is (Status.WITHIN if within else Status.BEYOND)
    assert row.flagged is within, "no successor: flagged exactly when within the horizon"


@pytest.mark.parametrize(
    ("born", "reached", "vacant"),
    [
        # pp-11-2017:P239(2)(a) with the calendar years of reading D7: 29 Feb -> 28 Feb.
        pytest.param(
            date(1968, 2, 29), date(2026, 2, 28), date(2026, 3, 1), id="P239(2)(a) 29 Feb"
        ),
        # pp-11-2017:P239(2)(a): December's pension starts in January of the next year.
        pytest.param(date(1968, 12, 9), date(2026, 12, 9), date(2027, 1, 1), id="P239(2)(a) Dec"),
        # pp-11-2017:P239(2)(a): born on the 1st, pensioned from the 1st of the next month.
        pytest.param(date(1968, 6, 1), date(2026, 6, 1), date(2026, 7, 1), id="P239(2)(a) 1st"),
    ],
)
def test_the_bup_birthday_and_the_vacancy_day(born: date, reached: date, vacant: date) -> None:
    row = one(seat(L.ADMINISTRATOR, None, nip(born)), on=date(2025, 1, 1))
    assert (row.bup_reached, row.vacates_on) == (reached, vacant)


def test_both_packs_carry_the_national_ages_with_their_citations() -> None:
    for pack in (binjai.PACK, balikpapan.PACK):
        assert pack.cycle is not None
        rules = pack.cycle.retirement
        assert rules.age_for(L.SUPERVISOR, None).citation == Citation(A)
        assert rules.age_for(L.FUNCTIONAL, G.AHLI_UTAMA).years == 65


RETIRING = nip(date(1968, 3, 5))  # administrator BUP 58: vacant 2026-04-01, within 24 months
YOUNG, OLD = nip(date(1980, 1, 2), 2), nip(date(1968, 1, 3), 3)


@pytest.mark.parametrize(
    ("successor", "readiness"),
    [
        # binjai-2023:P29(3): the group the PPK decreed; box 8 is in it (P1(19)).
        pytest.param(
            PlannedSuccessor(nip=YOUNG, order=1, in_group=True, box=8),
            Readiness.READY,
            id="binjai-2023:P29(3) ready",
        ),
        pytest.param(
            PlannedSuccessor(nip=YOUNG, order=1, in_group=False, box=9),
            Readiness.NOT_IN_GROUP,
            id="binjai-2023:P29(3) not decreed",
        ),
        # binjai-2023:P1(19): boxes 7, 8, 9 only; a re-assessment to box 6 leaves the group.
        pytest.param(
            PlannedSuccessor(nip=YOUNG, order=1, in_group=True, box=6),
            Readiness.BOX_BELOW_SEVEN,
            id="binjai-2023:P1(19) box 6",
        ),
        pytest.param(
            PlannedSuccessor(nip=YOUNG, order=1, in_group=True, box=None),
            Readiness.BOX_BELOW_SEVEN,
            id="binjai-2023:P1(19) unmapped",
        ),
        # pp-11-2017:P239(2)(a): vacant 2026-02-01 himself, before the seat (2026-04-01).
        pytest.param(
            PlannedSuccessor(nip=OLD, order=1, in_group=True, box=9),
            Readiness.RETIRES_FIRST,
            id="pp-11-2017:P239(2)(a) retires first",
        ),
    ],
)
def test_a_successor_is_ready_in_the_decreed_group_in_boxes_7_to_9_and_not_retiring_first(
    successor: PlannedSuccessor, readiness: Readiness
) -> None:
    row = one(seat(L.ADMINISTRATOR, None, RETIRING, successors=(successor,)))
    assert [s.readiness for s in row.successors] == [readiness]
    assert row.ready == (readiness is Readiness.READY)
    assert row.flagged is (readiness is not Readiness.READY)


def test_a_vacant_position_is_flagged_without_a_ready_successor_and_listed_first() -> None:
    ready = PlannedSuccessor(nip=YOUNG, order=1, in_group=True, box=9)
    seats = [
        seat(L.ADMINISTRATOR, None, RETIRING, successors=(ready,)),
        seat(L.SUPERVISOR, None, nip(date(1981, 1, 1), 4)),
        seat(L.JPT_PRATAMA),
    ]
    found = forecast("kota-binjai", seats, ON, HORIZON, NATIONAL_RETIREMENT)
    assert [(r.level, r.status, r.flagged) for r in found.rows] == [
        (L.JPT_PRATAMA, Status.VACANT, True),
        (L.ADMINISTRATOR, Status.WITHIN, False),
        (L.SUPERVISOR, Status.BEYOND, False),
    ]
    assert found.flagged == 1 and found.horizon_end == date(2028, 1, 1)


def test_several_holders_vacate_the_position_with_the_first_to_retire() -> None:
    later, sooner = nip(date(1975, 5, 5), 5), nip(date(1969, 7, 7), 6)
    row = one(seat(L.EXECUTOR, None, later, sooner))
    assert (row.incumbent, row.vacates_on) == (str(sooner), date(2027, 8, 1))


@pytest.mark.parametrize(
    ("day", "months", "end"),
    [
        pytest.param(date(2026, 1, 31), 1, date(2026, 2, 28), id="to a shorter month"),
        pytest.param(date(2026, 11, 15), 14, date(2028, 1, 15), id="across years"),
        pytest.param(date(2026, 1, 1), 0, date(2026, 1, 1), id="no horizon"),
    ],
)
def test_the_horizon_adds_calendar_months(day: date, months: int, end: date) -> None:
    assert add_months(day, months) == end
