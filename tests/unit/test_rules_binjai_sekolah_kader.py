"""Rulebook A3: binjai-2023:P25 Sekolah Kader eligibility, reading D1."""

from __future__ import annotations

from datetime import date

import pytest

from domain.personnel.facts import PersonnelFacts
from domain.rules import binjai
from domain.rules.core import Outcome, PackNotInForce, ReadingId, ReadingUse, RuleRefusal
from domain.values import PositionLevel
from tests.unit.rules_builders import facts, spell

ON = date(2024, 7, 1)
MET, NOT, PENDING = Outcome.MET, Outcome.NOT_MET, Outcome.PENDING


def supervisor_since(start: date) -> PersonnelFacts:
    return facts(
        agency="kota-binjai",
        positions=(
            spell(PositionLevel.EXECUTOR, date(2010, 1, 1)),
            spell(PositionLevel.SUPERVISOR, start),
        ),
    )


TWO_YEARS = date(2022, 7, 1)
ONE_DAY_SHORT = date(2022, 7, 2)


@pytest.mark.parametrize(
    ("reading", "ac", "box", "since", "test", "eligible", "combined"),
    [
        pytest.param(
            "a-and-b-or-c",
            True,
            8,
            ONE_DAY_SHORT,
            True,
            True,
            MET,
            id="binjai-2023:P25(2) D1 a and b",
        ),
        pytest.param(
            "a-and-b-or-c",
            True,
            5,
            TWO_YEARS,
            True,
            True,
            MET,
            id="binjai-2023:P25(2)(c) D1 a and c exactly 2 years",
        ),
        pytest.param(
            "a-and-b-or-c",
            True,
            5,
            ONE_DAY_SHORT,
            True,
            False,
            NOT,
            id="binjai-2023:P25(2)(c) D1 2 years less one day, box 5",
        ),
        pytest.param(
            "a-and-b-or-c",
            False,
            9,
            TWO_YEARS,
            True,
            False,
            NOT,
            id="binjai-2023:P25(2)(a) D1 no assessment centre",
        ),
        pytest.param(
            "a-and-b-or-c",
            date(2024, 7, 2),
            9,
            TWO_YEARS,
            True,
            False,
            NOT,
            id="binjai-2023:P25(2)(a) assessment centre after the date",
        ),
        pytest.param(
            "a-and-b-or-c",
            date(2024, 1, 5),
            7,
            TWO_YEARS,
            None,
            False,
            MET,
            id="binjai-2023:P25(3) test pending",
        ),
        pytest.param(
            "a-and-b-or-c",
            True,
            9,
            TWO_YEARS,
            False,
            False,
            MET,
            id="binjai-2023:P25(3) test failed",
        ),
        pytest.param(
            "all",
            True,
            8,
            ONE_DAY_SHORT,
            True,
            False,
            NOT,
            id="binjai-2023:P25(2) D1=all needs c too",
        ),
        pytest.param(
            "all", True, 8, TWO_YEARS, True, True, MET, id="binjai-2023:P25(2) D1=all met"
        ),
        pytest.param(
            "any", False, None, TWO_YEARS, True, True, MET, id="binjai-2023:P25(2) D1=any c alone"
        ),
        pytest.param(
            "any", False, 4, ONE_DAY_SHORT, True, False, NOT, id="binjai-2023:P25(2) D1=any none"
        ),
    ],
)
def test_sekolah_kader(
    reading: str,
    ac: date | bool,
    box: int | None,
    since: date,
    test: bool | None,
    eligible: bool,
    combined: Outcome,
) -> None:
    pack = binjai.PACK.with_readings(D1=reading)
    result = binjai.check_sekolah_kader_eligibility(
        supervisor_since(since),
        on=ON,
        assessment_centre=ac,
        box=box,
        institution_test=test,
        pack=pack,
    )
    assert result.eligible is eligible
    assert [r.code for r in result.requirements] == [
        "assessment-centre",
        "succession-box",
        "supervisor-experience",
        "sekolah-kader-requirements",
        "institution-test",
    ]
    assert result.requirement("sekolah-kader-requirements").outcome is combined
    assert result.readings_used == (
        ReadingUse(id=ReadingId.D1, option=reading),
        ReadingUse(id=ReadingId.D7, option="calendar-years"),
    )
    test_outcome = PENDING if test is None else MET if test else NOT
    assert result.requirement("institution-test").outcome is test_outcome
    assert bool(result.pending) is (test is None)
    for r in result.requirements:
        assert r.citation.pack == "binjai-2023"
        assert r.message.id and r.message.en


def test_default_reading_is_a_and_b_or_c() -> None:
    assert binjai.PACK.reading(ReadingId.D1).chosen == "a-and-b-or-c"
    assert set(binjai.PACK.reading(ReadingId.D1).alternatives) == {"all", "any"}


def test_unknown_reading_option_is_refused() -> None:
    with pytest.raises(RuleRefusal) as refused:
        binjai.PACK.with_readings(D1="a-or-b")
    assert refused.value.code == "unknown-reading-option"


def test_before_the_regulation_is_refused() -> None:
    with pytest.raises(PackNotInForce) as refused:
        binjai.check_sekolah_kader_eligibility(
            facts(), on=date(2023, 4, 9), assessment_centre=True, box=9, institution_test=True
        )
    assert refused.value.citation == "binjai-2023:P38"
