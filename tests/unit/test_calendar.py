"""Rulebook Part C and reading D7: expiry arithmetic and the clocks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.rules.calendar import (
    CLOCKS,
    ClockId,
    add_years,
    budget_year_end,
    completed_years,
    expiry,
    valid_on,
)
from domain.rules.core import ReadingId
from domain.rules.registry import get_pack

days = st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31))
lengths = st.integers(min_value=1, max_value=10)


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        pytest.param(date(2023, 2, 28), 3, date(2026, 2, 28), id="D7 2023-02-28 + 3y"),
        pytest.param(date(2024, 2, 29), 3, date(2027, 2, 28), id="D7 29 Feb -> 28 Feb"),
        pytest.param(date(2024, 2, 29), 4, date(2028, 2, 29), id="D7 29 Feb -> leap 29 Feb"),
        pytest.param(date(2024, 2, 29), -1, date(2023, 2, 28), id="D7 29 Feb backwards"),
        pytest.param(date(2021, 11, 12), 5, date(2026, 11, 12), id="D7 plain anniversary"),
    ],
)
def test_add_years(start: date, years: int, expected: date) -> None:
    assert add_years(start, years) == expected


@pytest.mark.parametrize(
    ("start", "day", "valid"),
    [
        pytest.param(date(2023, 2, 28), date(2026, 2, 27), True, id="madiun-2021:P22 last day"),
        pytest.param(date(2023, 2, 28), date(2026, 2, 28), False, id="madiun-2021:P22 expired"),
        pytest.param(date(2024, 2, 29), date(2027, 2, 27), True, id="madiun-2021:P22 leap last"),
        pytest.param(date(2024, 2, 29), date(2027, 2, 28), False, id="madiun-2021:P22 leap exp"),
        pytest.param(date(2024, 2, 29), date(2024, 2, 28), False, id="D7 before start"),
    ],
)
def test_pool_entry_valid_through_the_day_before_expiry(
    start: date, day: date, valid: bool
) -> None:
    assert valid_on(start, 3, day) is valid


@pytest.mark.parametrize(
    ("clock", "years", "citations"),
    [
        pytest.param(
            ClockId.MONITORING,
            3,
            ("binjai-2023:P33(2)", "balikpapan-2022:P25(3)"),
            id="binjai-2023:P33(2) monitoring 3y",
        ),
        pytest.param(
            ClockId.YEARLY_EVALUATION, None, ("binjai-2023:P34(2)",), id="binjai-2023:P34(2)"
        ),
        pytest.param(ClockId.BOX9_PIN, 2, ("binjai-2023:P30(2)(a)",), id="binjai-2023:P30(2)(a)"),
        pytest.param(ClockId.POOL_ENTRY, 3, ("madiun-2021:P22(1)",), id="madiun-2021:P22(1)"),
        pytest.param(ClockId.TENURE, 5, ("madiun-2021:P25(3)",), id="madiun-2021:P25(3)"),
        pytest.param(
            ClockId.DISCIPLINARY_COOL_OFF,
            1,
            ("madiun-2021:P10(1)(f)", "madiun-2021:P10(2)(f)"),
            id="madiun-2021:P10(1)(f) P10(2)(f) cool-off",
        ),
    ],
)
def test_every_clock_of_part_c(clock: ClockId, years: int | None, citations: tuple[str]) -> None:
    entry = CLOCKS[clock]
    assert entry.years == years
    assert entry.citations == citations
    assert entry.starts_at.id and entry.starts_at.en and entry.then.id and entry.then.en
    start = date(2024, 2, 29)
    if years is None:
        assert entry.deadline(start) == date(2024, 12, 31)
        assert entry.reading is None
    else:
        assert entry.deadline(start) == add_years(start, years)
        assert entry.reading is ReadingId.D7
    assert set(CLOCKS) == set(ClockId)


@pytest.mark.parametrize(
    ("clock", "level", "citation"),
    [
        pytest.param(
            ClockId.DISCIPLINARY_COOL_OFF,
            "administrator",
            "madiun-2021:P10(1)(f)",
            id="madiun-2021:P10(1)(f) administrator round",
        ),
        pytest.param(
            ClockId.DISCIPLINARY_COOL_OFF,
            "supervisor",
            "madiun-2021:P10(2)(f)",
            id="madiun-2021:P10(2)(f) supervisor round",
        ),
        pytest.param(
            ClockId.POOL_ENTRY,
            "supervisor",
            "madiun-2021:P22(1)",
            id="madiun-2021:P22(1) any level",
        ),
        pytest.param(
            ClockId.TENURE, "administrator", "madiun-2021:P25(3)", id="madiun-2021:P25(3) any level"
        ),
    ],
)
def test_a_clock_cites_the_article_of_its_level(clock: ClockId, level: str, citation: str) -> None:
    assert CLOCKS[clock].citation_for(level) == citation


@pytest.mark.parametrize(
    ("pack_id", "clocks"),
    [
        pytest.param(
            "binjai-2023",
            {ClockId.MONITORING, ClockId.YEARLY_EVALUATION, ClockId.BOX9_PIN},
            id="binjai-2023 clocks",
        ),
        pytest.param("balikpapan-2022", {ClockId.MONITORING}, id="balikpapan-2022 clocks"),
        pytest.param(
            "madiun-2021",
            {ClockId.POOL_ENTRY, ClockId.TENURE, ClockId.DISCIPLINARY_COOL_OFF},
            id="madiun-2021 clocks",
        ),
    ],
)
def test_each_pack_keeps_its_clocks(pack_id: str, clocks: set[ClockId]) -> None:
    pack = get_pack(pack_id)
    assert set(pack.clocks) == clocks
    for clock in clocks:
        assert pack.clock(clock) is CLOCKS[clock]
    missing = next(iter(set(ClockId) - clocks))
    with pytest.raises(Exception, match="keeps no") as refused:
        pack.clock(missing)
    assert getattr(refused.value, "code", None) == "clock-not-in-pack"


def test_budget_year_ends_on_31_december() -> None:
    assert budget_year_end(date(2024, 1, 1)) == date(2024, 12, 31)
    assert budget_year_end(date(2024, 12, 31)) == date(2024, 12, 31)


@pytest.mark.parametrize(
    ("born", "day", "age"),
    [
        pytest.param(date(1967, 3, 15), date(2024, 3, 15), 57, id="57th birthday"),
        pytest.param(date(1966, 3, 16), date(2024, 3, 15), 57, id="day before 58th birthday"),
        pytest.param(date(1966, 3, 15), date(2024, 3, 15), 58, id="58th birthday"),
        pytest.param(date(1964, 2, 29), date(2023, 2, 28), 59, id="29 Feb birthday in common year"),
        pytest.param(date(1964, 2, 29), date(2023, 2, 27), 58, id="29 Feb birthday day before"),
    ],
)
def test_completed_years(born: date, day: date, age: int) -> None:
    assert completed_years(born, day) == age


@given(days, lengths)
def test_expiry_is_an_anniversary_or_28_february(start: date, years: int) -> None:
    end = expiry(start, years)
    assert end.year == start.year + years
    if (start.month, start.day) == (2, 29) and (end.month, end.day) != (2, 29):
        assert (end.month, end.day) == (2, 28)
    else:
        assert (end.month, end.day) == (start.month, start.day)


@given(days, lengths)
def test_valid_on_flips_exactly_at_expiry(start: date, years: int) -> None:
    end = expiry(start, years)
    assert valid_on(start, years, start)
    assert valid_on(start, years, end - timedelta(days=1))
    assert not valid_on(start, years, end)


@given(days, days, lengths)
def test_expiry_is_monotonic(first: date, second: date, years: int) -> None:
    if first <= second:
        assert expiry(first, years) <= expiry(second, years)
    assert expiry(first, years) < expiry(first, years + 1)


@given(days, days)
def test_completed_years_counts_reached_anniversaries(born: date, day: date) -> None:
    age = completed_years(born, day)
    if day >= born:
        assert add_years(born, age) <= day < add_years(born, age + 1)
    else:
        assert age == 0
