"""The 5-year tenure review holds for every administrator and supervisor in post, whatever
brought them there (madiun-2021:P25(3)): the position held on the day, counted from its
inauguration, else its start; a vacancy's pick, a mutation and an imported holder alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from domain.personnel.facts import PositionSpell
from domain.scouting.mutation import tenure_in_post, tenure_review_due
from domain.values import PositionLevel
from tests.unit.rules_builders import facts

ON = date(2026, 3, 1)
ADMINISTRATOR, SUPERVISOR = PositionLevel.ADMINISTRATOR, PositionLevel.SUPERVISOR


def held(
    level: PositionLevel,
    start: date,
    inauguration: date | None = None,
    end: date | None = None,
    title: str = "Kepala Bidang Bina Marga",
) -> PositionSpell:
    return PositionSpell(level=level, title=title, start=start, inauguration=inauguration, end=end)


@dataclass(frozen=True)
class Row:
    case: str
    positions: tuple[PositionSpell, ...]
    active: bool
    expected: tuple[str, date] | None


ROWS = [
    Row(
        "madiun-2021:P25(3) administrator from the inauguration",
        (held(ADMINISTRATOR, date(2021, 2, 20), inauguration=date(2021, 3, 2)),),
        True,
        ("Kepala Bidang Bina Marga", date(2021, 3, 2)),
    ),
    Row(
        "madiun-2021:P25(3) supervisor without inauguration: the position's start",
        (held(SUPERVISOR, date(2019, 7, 1), title="Kepala Subbagian Keuangan"),),
        True,
        ("Kepala Subbagian Keuangan", date(2019, 7, 1)),
    ),
    Row(
        "madiun-2021:P25(3) the position held now, not an earlier one",
        (
            held(SUPERVISOR, date(2012, 1, 3), title="Kepala Seksi"),
            held(ADMINISTRATOR, date(2020, 1, 2), inauguration=date(2020, 1, 2)),
        ),
        True,
        ("Kepala Bidang Bina Marga", date(2020, 1, 2)),
    ),
    Row(
        "madiun-2021:P25(3) an executor is not reviewed",
        (held(PositionLevel.EXECUTOR, date(2015, 1, 2), title="Pengelola Keuangan"),),
        True,
        None,
    ),
    Row(
        "madiun-2021:P25(3) a functional position is not reviewed",
        (held(PositionLevel.FUNCTIONAL, date(2015, 1, 2), title="Analis Kebijakan"),),
        True,
        None,
    ),
    Row(
        "madiun-2021:P25(3) a position ended on the day is no longer held",
        (held(ADMINISTRATOR, date(2020, 1, 2), end=ON),),
        True,
        None,
    ),
    Row(
        "madiun-2021:P25(3) an inactive employee holds no post",
        (held(ADMINISTRATOR, date(2020, 1, 2)),),
        False,
        None,
    ),
    Row(
        "madiun-2021:P25(3) a position starting after the day is not held yet",
        (held(ADMINISTRATOR, date(2026, 3, 2)),),
        True,
        None,
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[row.case for row in ROWS])
def test_every_administrator_and_supervisor_in_post_has_a_tenure(row: Row) -> None:
    record = facts(positions=row.positions, active=row.active)
    assert tenure_in_post(record, ON) == row.expected


@pytest.mark.parametrize(
    ("since", "due"),
    [
        pytest.param(date(2021, 3, 2), date(2026, 3, 2), id="madiun-2021:P25(3) 5th anniversary"),
        pytest.param(date(2024, 2, 29), date(2029, 2, 28), id="madiun-2021:P25(3) D7 29 Feb"),
    ],
)
def test_the_review_falls_due_on_the_5th_anniversary(since: date, due: date) -> None:
    assert tenure_review_due(facts().nip, "Kepala Bidang Bina Marga", since).due_on == due
