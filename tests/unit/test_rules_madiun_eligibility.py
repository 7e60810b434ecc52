"""Rulebook B2: madiun-2021 scouting eligibility (P10, P30(3)), P30(2) and P30(5)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from domain.personnel.facts import (
    EducationEntry,
    EmploymentStatus,
    GradeSpell,
    HealthCertificate,
    IntegrityStatement,
)
from domain.rules import madiun
from domain.rules.core import Outcome, PackNotInForce, ReadingId, ReadingUse, RuleRefusal
from domain.rules.madiun_eligibility import check_scouting_eligibility
from domain.rules.madiun_promotion import check_camat_qualification, check_promotion_consideration
from domain.values import (
    Appraisal,
    AppraisalRating,
    EducationLevel,
    FunctionalGrade,
    Grade,
    Investigation,
    Penalty,
    PenaltyLevel,
    PositionLevel,
)
from tests.unit.rules_builders import CLOSING, facts, nip_for, spell

ADM, SUP = PositionLevel.ADMINISTRATOR, PositionLevel.SUPERVISOR
EXE, SPV, FUN = PositionLevel.EXECUTOR, PositionLevel.SUPERVISOR, PositionLevel.FUNCTIONAL
MET, NOT, PENDING = Outcome.MET, Outcome.NOT_MET, Outcome.PENDING
CODES = (
    "status",
    "experience-in-position",
    "experience-functional",
    "experience",
    "education",
    "grade",
    "appraisals",
    "discipline",
    "health",
    "integrity",
    "age",
)


def grade(code: str) -> tuple[GradeSpell, ...]:
    return (GradeSpell(grade=Grade(code), start=date(2015, 1, 1)),)


def supervisor_since(start: date) -> tuple[Any, ...]:
    return (spell(EXE, date(2005, 1, 1)), spell(SPV, start))


def executor_since(start: date) -> tuple[Any, ...]:
    return (spell(EXE, start),)


def ahli_muda_since(start: date) -> tuple[Any, ...]:
    return (spell(EXE, date(2023, 1, 1)), spell(FUN, start, grade=FunctionalGrade.AHLI_MUDA))


def penalty(level: PenaltyLevel, end: date, annulled: bool = False) -> tuple[Penalty, ...]:
    return (
        Penalty(
            level=level,
            start=date(2022, 1, 1),
            end=end,
            annulment_decree="800/12/2023" if annulled else "",
        ),
    )


def ratings(*pairs: tuple[int, AppraisalRating]) -> tuple[Appraisal, ...]:
    return tuple(Appraisal(year=year, rating=rating) for year, rating in pairs)


SB, B, BP = AppraisalRating.SANGAT_BAIK, AppraisalRating.BAIK, AppraisalRating.BUTUH_PERBAIKAN

ROWS = [
    # (a) status
    pytest.param(ADM, {}, "status", MET, id="madiun-2021:P10(1)(a) active PNS of the city"),
    pytest.param(
        ADM, {"status": EmploymentStatus.CPNS}, "status", NOT, id="madiun-2021:P10(1)(a) CPNS"
    ),
    pytest.param(ADM, {"active": False}, "status", NOT, id="madiun-2021:P10(1)(a) not active"),
    pytest.param(
        SUP, {"agency": "kota-binjai"}, "status", NOT, id="madiun-2021:P10(2)(a) other agency"
    ),
    # (b) administrator experience
    pytest.param(
        ADM,
        {"positions": supervisor_since(date(2021, 3, 15))},
        "experience",
        MET,
        id="madiun-2021:P10(1)(b) supervisor exactly 3 years",
    ),
    pytest.param(
        ADM,
        {"positions": supervisor_since(date(2021, 3, 16))},
        "experience",
        NOT,
        id="madiun-2021:P10(1)(b) supervisor 3 years less one day",
    ),
    pytest.param(
        ADM,
        {
            "positions": (
                spell(SPV, date(2016, 1, 1), end=date(2016, 12, 31)),
                spell(EXE, date(2016, 12, 31)),
                spell(SPV, date(2022, 3, 15)),
            )
        },
        "experience",
        MET,
        id="madiun-2021:P10(1)(b) cumulative spells add up",
    ),
    pytest.param(
        ADM,
        {
            "positions": (
                spell(SPV, date(2016, 1, 1), end=date(2016, 12, 30)),
                spell(EXE, date(2016, 12, 30)),
                spell(SPV, date(2022, 3, 15)),
            )
        },
        "experience",
        NOT,
        id="madiun-2021:P10(1)(b) cumulative spells one day short",
    ),
    pytest.param(
        ADM,
        {"positions": ahli_muda_since(date(2023, 6, 1))},
        "experience",
        MET,
        id="madiun-2021:P10(1)(b) functional Ahli Muda with III/d",
    ),
    pytest.param(
        ADM,
        {"positions": ahli_muda_since(date(2023, 6, 1)), "grades": grade("III/c")},
        "experience-functional",
        NOT,
        id="madiun-2021:P10(1)(b) Ahli Muda only III/c",
    ),
    # (b) supervisor experience, reading D2
    pytest.param(
        SUP,
        {"positions": executor_since(date(2020, 3, 15))},
        "experience",
        MET,
        id="madiun-2021:P10(2)(b) executor exactly 4 years",
    ),
    pytest.param(
        SUP,
        {"positions": executor_since(date(2020, 3, 16))},
        "experience",
        NOT,
        id="madiun-2021:P10(2)(b) executor 4 years less one day",
    ),
    pytest.param(
        SUP,
        {"positions": ahli_muda_since(date(2023, 6, 1)), "grades": grade("III/c")},
        "experience",
        MET,
        id="madiun-2021:P10(2)(b) D2 current Ahli Muda III/c",
    ),
    pytest.param(
        SUP,
        {"positions": ahli_muda_since(date(2023, 6, 1)), "grades": grade("III/b")},
        "experience",
        NOT,
        id="madiun-2021:P10(2)(b) Ahli Muda only III/b",
    ),
    pytest.param(
        SUP,
        {
            "positions": (
                spell(EXE, date(2022, 1, 1)),
                spell(FUN, date(2023, 1, 1), end=date(2024, 1, 1), grade=FunctionalGrade.AHLI_MUDA),
                spell(EXE, date(2024, 1, 1)),
            )
        },
        "experience-functional",
        NOT,
        id="madiun-2021:P10(2)(b) no longer Ahli Muda",
    ),
    # (c) education
    pytest.param(
        ADM,
        {"education": (EducationEntry(level=EducationLevel.D4),)},
        "education",
        MET,
        id="madiun-2021:P10(1)(c) D4 counts as S1",
    ),
    pytest.param(
        ADM,
        {"education": (EducationEntry(level=EducationLevel.D3),)},
        "education",
        NOT,
        id="madiun-2021:P10(1)(c) D3 too low",
    ),
    pytest.param(
        SUP,
        {"education": (EducationEntry(level=EducationLevel.D3),)},
        "education",
        MET,
        id="madiun-2021:P10(2)(c) D3",
    ),
    pytest.param(
        SUP,
        {"education": (EducationEntry(level=EducationLevel.SMA),)},
        "education",
        NOT,
        id="madiun-2021:P10(2)(c) SMA too low",
    ),
    pytest.param(ADM, {"education": ()}, "education", NOT, id="madiun-2021:P10(1)(c) no data"),
    # (d) grade
    pytest.param(ADM, {"grades": grade("III/d")}, "grade", MET, id="madiun-2021:P10(1)(d) III/d"),
    pytest.param(ADM, {"grades": grade("III/c")}, "grade", NOT, id="madiun-2021:P10(1)(d) III/c"),
    pytest.param(SUP, {"grades": grade("III/b")}, "grade", MET, id="madiun-2021:P10(2)(d) III/b"),
    pytest.param(SUP, {"grades": grade("III/a")}, "grade", NOT, id="madiun-2021:P10(2)(d) III/a"),
    # (e) appraisals, reading D5
    pytest.param(
        ADM,
        {"appraisals": ratings((2022, B), (2023, B))},
        "appraisals",
        MET,
        id="madiun-2021:P10(1)(e) D5 two latest Baik",
    ),
    pytest.param(
        ADM,
        {"appraisals": ratings((2021, BP), (2022, B), (2023, SB))},
        "appraisals",
        MET,
        id="madiun-2021:P10(1)(e) D5 older year ignored",
    ),
    pytest.param(
        ADM,
        {"appraisals": ratings((2022, BP), (2023, SB))},
        "appraisals",
        NOT,
        id="madiun-2021:P10(1)(e) D5 one below Baik",
    ),
    pytest.param(
        SUP,
        {"appraisals": ratings((2023, SB))},
        "appraisals",
        NOT,
        id="madiun-2021:P10(2)(e) D5 only one year",
    ),
    pytest.param(
        ADM,
        {"appraisals": ratings((2022, B), (2024, B))},
        "appraisals",
        NOT,
        id="madiun-2021:P10(1)(e) D5 current year not counted",
    ),
    # (f) discipline
    pytest.param(
        ADM,
        {"investigations": (Investigation(opened=date(2024, 3, 1)),)},
        "discipline",
        NOT,
        id="madiun-2021:P10(1)(f) under investigation",
    ),
    pytest.param(
        ADM,
        {"investigations": (Investigation(opened=date(2023, 1, 1), closed=date(2023, 6, 1)),)},
        "discipline",
        MET,
        id="madiun-2021:P10(1)(f) investigation closed",
    ),
    pytest.param(
        ADM,
        {"penalties": penalty(PenaltyLevel.MODERATE, date(2023, 3, 15))},
        "discipline",
        MET,
        id="madiun-2021:P10(1)(f) exactly 1 year after penalty",
    ),
    pytest.param(
        ADM,
        {"penalties": penalty(PenaltyLevel.SEVERE, date(2023, 3, 16))},
        "discipline",
        NOT,
        id="madiun-2021:P10(1)(f) 1 year less one day",
    ),
    pytest.param(
        ADM,
        {"penalties": penalty(PenaltyLevel.MODERATE, date(2024, 6, 30))},
        "discipline",
        NOT,
        id="madiun-2021:P10(1)(f) serving a moderate penalty",
    ),
    pytest.param(
        ADM,
        {"penalties": penalty(PenaltyLevel.SEVERE, date(2024, 6, 30), True)},
        "discipline",
        MET,
        id="madiun-2021:P10(1)(f) annulled penalty",
    ),
    pytest.param(
        SUP,
        {"penalties": penalty(PenaltyLevel.LIGHT, date(2024, 6, 30))},
        "discipline",
        MET,
        id="madiun-2021:P10(2)(f) light penalty does not bar",
    ),
    # (g) health
    pytest.param(
        ADM,
        {"health_certificate": None},
        "health",
        NOT,
        id="madiun-2021:P10(1)(g) no health certificate",
    ),
    pytest.param(
        ADM,
        {
            "health_certificate": HealthCertificate(
                number="X", issued=date(2024, 3, 1), government_doctor=False
            )
        },
        "health",
        NOT,
        id="madiun-2021:P10(1)(g) not a government doctor",
    ),
    pytest.param(
        ADM,
        {"health_certificate": HealthCertificate(number="X", issued=date(2024, 3, 1))},
        "health",
        PENDING,
        id="madiun-2021:P10(1)(g) doctor unknown is pending",
    ),
    pytest.param(
        ADM,
        {
            "health_certificate": HealthCertificate(
                number="X", issued=date(2024, 3, 1), government_doctor=True
            )
        },
        "health",
        MET,
        id="madiun-2021:P10(1)(g) government doctor",
    ),
    pytest.param(
        SUP,
        {"health_certificate": HealthCertificate(number="X", issued=date(2024, 3, 1))},
        "health",
        MET,
        id="madiun-2021:P10(2)(g) doctor unknown is enough for supervisor",
    ),
    pytest.param(
        SUP,
        {
            "health_certificate": HealthCertificate(
                number="X", issued=date(2024, 3, 1), government_doctor=False
            )
        },
        "health",
        MET,
        id="madiun-2021:P10(2)(g) any doctor for supervisor",
    ),
    pytest.param(
        SUP,
        {"health_certificate": HealthCertificate(number="X", issued=date(2024, 3, 16))},
        "health",
        NOT,
        id="madiun-2021:P10(2)(g) issued after the closing date",
    ),
    # (h) integrity
    pytest.param(
        ADM,
        {"integrity_statement": None},
        "integrity",
        NOT,
        id="madiun-2021:P10(1)(h) no integrity statement",
    ),
    pytest.param(
        SUP,
        {
            "integrity_statement": IntegrityStatement(
                signed=date(2024, 3, 1), acknowledged_by_head_of_unit=False
            )
        },
        "integrity",
        NOT,
        id="madiun-2021:P10(2)(h) not acknowledged by head of unit",
    ),
    # P30(3) age, reading D4
    pytest.param(
        ADM,
        {"nip": nip_for(date(1967, 3, 15))},
        "age",
        MET,
        id="madiun-2021:P30(3) 57th birthday on closing date",
    ),
    pytest.param(
        ADM,
        {"nip": nip_for(date(1966, 3, 16))},
        "age",
        MET,
        id="madiun-2021:P30(3) day before 58th birthday",
    ),
    pytest.param(
        SUP, {"nip": nip_for(date(1966, 3, 15))}, "age", NOT, id="madiun-2021:P30(3) 58th birthday"
    ),
]


@pytest.mark.parametrize(("level", "changes", "code", "outcome"), ROWS)
def test_scouting_eligibility(
    level: PositionLevel, changes: dict[str, Any], code: str, outcome: Outcome
) -> None:
    result = check_scouting_eligibility(facts(**changes), level, CLOSING, "kota-madiun")
    assert tuple(r.code for r in result.requirements) == CODES
    found = result.requirement(code)
    assert found.outcome is outcome, found.evidence
    assert found.citation.pack == "madiun-2021"
    assert found.message.id and found.message.en and found.evidence
    deciding = code if found.part_of is None else found.part_of
    assert result.eligible is (result.requirement(deciding).outcome is MET)
    # The builder's other data meets every other requirement (a lower grade also fails "grade").
    others = {deciding, "grade"} if "grades" in changes else {deciding}
    assert all(r.passed for r in result.deciding if r.code not in others)


def test_every_failure_is_reported_with_its_citation() -> None:
    result = check_scouting_eligibility(
        facts(grades=grade("III/a"), health_certificate=None, nip=nip_for(date(1960, 1, 1))),
        ADM,
        CLOSING,
        "kota-madiun",
    )
    assert not result.eligible
    assert {(r.code, r.citation) for r in result.failures} == {
        ("grade", "madiun-2021:P10(1)(d)"),
        ("health", "madiun-2021:P10(1)(g)"),
        ("age", "madiun-2021:P30(3)"),
    }


@pytest.mark.parametrize(
    ("level", "readings"),
    [
        pytest.param(ADM, ("D4", "D5", "D7"), id="madiun-2021:P10(1) readings"),
        pytest.param(SUP, ("D2", "D4", "D5", "D7"), id="madiun-2021:P10(2) readings"),
    ],
)
def test_readings_reported(level: PositionLevel, readings: tuple[str, ...]) -> None:
    result = check_scouting_eligibility(facts(), level, CLOSING, "kota-madiun")
    assert tuple(use.id for use in result.readings_used) == readings
    assert all(use.option for use in result.readings_used)


def test_reading_d2_both_requires_the_two_experiences() -> None:
    pack = madiun.PACK.with_readings(D2="both")
    candidate = facts(positions=executor_since(date(2015, 1, 1)))
    result = check_scouting_eligibility(candidate, SUP, CLOSING, "kota-madiun", pack=pack)
    assert result.requirement("experience").outcome is NOT
    assert ReadingUse(id=ReadingId.D2, option="both") in result.readings_used


@pytest.mark.parametrize(
    ("lowest", "passes"),
    [
        pytest.param("75.99", False, id="madiun-2021:P10(1)(e) an element under 76 before 2022"),
        pytest.param("76", True, id="madiun-2021:P10(1)(e) every element at least 76 (Baik)"),
    ],
)
def test_every_element_of_a_pre_2022_appraisal_must_be_baik(lowest: str, passes: bool) -> None:
    candidate = facts(
        appraisals=(
            Appraisal(year=2021, rating=B, lowest_element_score=Decimal(lowest)),
            Appraisal(year=2022, rating=B),
        ),
    )
    result = check_scouting_eligibility(candidate, ADM, date(2023, 3, 15), "kota-madiun")
    assert result.requirement("appraisals").passed is passes


def test_other_levels_are_refused() -> None:
    with pytest.raises(RuleRefusal) as refused:
        check_scouting_eligibility(facts(), PositionLevel.JPT_PRATAMA, CLOSING, "kota-madiun")
    assert refused.value.code == "level-not-in-scope"


def test_before_the_regulation_is_refused() -> None:
    with pytest.raises(PackNotInForce) as refused:
        check_scouting_eligibility(facts(), ADM, date(2021, 11, 11), "kota-madiun")
    assert refused.value.citation == "madiun-2021:P31"
    assert "2021-11-12" in str(refused.value)


@pytest.mark.parametrize(
    ("changes", "code", "outcome"),
    [
        pytest.param({}, None, MET, id="madiun-2021:P30(5) may be considered"),
        pytest.param(
            {"penalties": penalty(PenaltyLevel.SEVERE, date(2024, 6, 30))},
            "not-serving-penalty",
            NOT,
            id="madiun-2021:P30(5)(a) serving severe",
        ),
        pytest.param(
            {"penalties": penalty(PenaltyLevel.MODERATE, date(2023, 6, 30))},
            "not-serving-penalty",
            MET,
            id="madiun-2021:P30(5)(a) penalty over",
        ),
        pytest.param(
            {"appraisals": ratings((2023, AppraisalRating.KURANG))},
            "performance-not-poor",
            NOT,
            id="madiun-2021:P30(5)(b) Kurang",
        ),
        pytest.param(
            {"appraisals": ratings((2023, BP))},
            "performance-not-poor",
            MET,
            id="madiun-2021:P30(5)(b) Butuh Perbaikan",
        ),
    ],
)
def test_promotion_consideration(
    changes: dict[str, Any], code: str | None, outcome: Outcome
) -> None:
    result = check_promotion_consideration(facts(**changes), CLOSING)
    if code is None:
        assert result.eligible
    else:
        assert result.requirement(code).outcome is outcome
        assert result.eligible is (outcome is MET)


@pytest.mark.parametrize(
    ("education", "certificate", "met"),
    [
        pytest.param(
            (EducationEntry(level=EducationLevel.S1, programme="Ilmu Pemerintahan"),),
            False,
            True,
            id="madiun-2021:P30(2) government-science degree",
        ),
        pytest.param(
            (EducationEntry(level=EducationLevel.S1, programme="Hukum"),),
            True,
            True,
            id="madiun-2021:P30(2) governance certificate",
        ),
        pytest.param(
            (EducationEntry(level=EducationLevel.S1, programme="Hukum"),),
            False,
            False,
            id="madiun-2021:P30(2) neither",
        ),
    ],
)
def test_camat_qualification(
    education: tuple[EducationEntry, ...], certificate: bool, met: bool
) -> None:
    result = check_camat_qualification(
        facts(education=education), has_governance_certificate=certificate
    )
    assert result.passed is met
    assert result.citation == "madiun-2021:P30(2)"
