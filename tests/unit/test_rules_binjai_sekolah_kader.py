"""Rulebook A3: binjai-2023:P25 Sekolah Kader eligibility, reading D1."""

from __future__ import annotations

from datetime import date

import pytest

from domain.personnel.facts import PersonnelFacts, PositionSpell
from domain.rules import binjai
from domain.rules.core import Outcome, PackNotInForce, ReadingId, ReadingUse, RuleRefusal
from domain.values import FunctionalGrade, PositionLevel
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
        "prospective-administrator",
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
        ReadingUse(id=ReadingId.C1, option="grade-equivalent"),
    )
    test_outcome = PENDING if test is None else MET if test else NOT
    assert result.requirement("institution-test").outcome is test_outcome
    assert bool(result.pending) is (test is None)
    for r in result.requirements:
        assert r.citation.pack == "binjai-2023"
        assert r.message.id and r.message.en


def holding(*positions: PositionSpell) -> PersonnelFacts:
    return facts(agency="kota-binjai", positions=positions)


FUNCTIONAL, FG = PositionLevel.FUNCTIONAL, FunctionalGrade


@pytest.mark.parametrize(
    ("held", "c1", "met"),
    [
        pytest.param(holding(spell(PositionLevel.SUPERVISOR, TWO_YEARS)), None, True,
                     id="binjai-2023:P25(1) a supervisor is a prospective administrator"),
        pytest.param(holding(spell(PositionLevel.EXECUTOR, TWO_YEARS)), None, False,
                     id="binjai-2023:P25(1) an executor in box 9 is not"),
        pytest.param(holding(spell(PositionLevel.ADMINISTRATOR, TWO_YEARS)), None, False,
                     id="binjai-2023:P25(1) an administrator already is one"),
        pytest.param(holding(spell(FUNCTIONAL, TWO_YEARS, grade=FG.AHLI_PERTAMA)), None,
                     True, id="binjai-2023:P25(1) C1 Ahli Pertama equals a supervisor"),
        pytest.param(holding(spell(FUNCTIONAL, TWO_YEARS, grade=FG.AHLI_MUDA)), None,
                     False, id="binjai-2023:P25(1) C1 Ahli Muda equals an administrator"),
        pytest.param(holding(spell(FUNCTIONAL, TWO_YEARS, grade=FG.PENYELIA)),
                     None, False, id="binjai-2023:P25(1) C1 a skill grade has no equivalent"),
        pytest.param(holding(spell(FUNCTIONAL, TWO_YEARS, grade=FG.AHLI_PERTAMA)),
                     "no-equivalent", False,
                     id="binjai-2023:P25(1) C1=no-equivalent Ahli Pertama is not"),
        pytest.param(holding(spell(PositionLevel.SUPERVISOR, date(2020, 1, 1), end=ON)), None,
                     False, id="binjai-2023:P25(1) a supervisor spell ended on the day"),
        pytest.param(holding(), None, False, id="binjai-2023:P25(1) no position held"),
    ],
)  # fmt: skip
def test_only_a_prospective_administrator_joins(
    held: PersonnelFacts, c1: str | None, met: bool
) -> None:
    pack = binjai.PACK.with_readings(C1=c1) if c1 else binjai.PACK
    result = binjai.check_sekolah_kader_eligibility(
        held, on=ON, assessment_centre=True, box=9, institution_test=True, pack=pack
    )
    found = result.requirement("prospective-administrator")
    assert (found.outcome, found.citation) == (MET if met else NOT, "binjai-2023:P25(1)")
    # Deciding on its own, beside the D1 combination (box 9 and the assessment centre hold).
    assert result.eligible is met and found.part_of is None
    assert f"C1={pack.reading(ReadingId.C1).chosen}" in found.evidence["reading"]


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
