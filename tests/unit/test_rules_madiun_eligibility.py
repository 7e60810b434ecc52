"""Rulebook B2: madiun-2021 scouting eligibility (P10, P30(3)), P30(2) and P30(5)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from domain.envelope import DocumentRef
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
from domain.rules.madiun_promotion import (
    CamatBasis,
    CamatQualification,
    check_camat_qualification,
    check_promotion_consideration,
    recorded_camat_qualification,
)
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


def statement(duty_stamp: int | None, signed: date = date(2024, 3, 1)) -> IntegrityStatement:
    return IntegrityStatement(
        signed=signed, acknowledged_by_head_of_unit=True, duty_stamp_rupiah=duty_stamp
    )


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
        PENDING,
        id="madiun-2021:P10(2)(e) D5 the year before last missing is pending",
    ),
    pytest.param(
        ADM,
        {"appraisals": ratings((2022, B), (2024, B))},
        "appraisals",
        PENDING,
        id="madiun-2021:P10(1)(e) D5 the closing year does not stand in for the last year",
    ),
    pytest.param(
        ADM,
        {"appraisals": ratings((2020, SB), (2021, B))},
        "appraisals",
        PENDING,
        id="madiun-2021:P10(1)(e) D5 older ratings do not stand in for the two years",
    ),
    pytest.param(
        SUP,
        {"appraisals": ratings((2022, BP))},
        "appraisals",
        NOT,
        id="madiun-2021:P10(2)(e) D5 a year below Baik fails though the other is missing",
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
    pytest.param(
        ADM,
        {"integrity_statement": statement(None)},
        "integrity",
        PENDING,
        id="madiun-2021:P10(1)(h) duty stamp not recorded is pending",
    ),
    pytest.param(
        ADM,
        {"integrity_statement": statement(3000)},
        "integrity",
        NOT,
        id="madiun-2021:P10(1)(h) duty stamp under Rp 6.000",
    ),
    pytest.param(
        SUP,
        {"integrity_statement": statement(6000)},
        "integrity",
        MET,
        id="madiun-2021:P10(2)(h) duty stamp of Rp 6.000",
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
        pytest.param(ADM, ("M8", "D4", "D5", "D7", "M4", "M5"), id="madiun-2021:P10(1) readings"),
        pytest.param(SUP, ("D2", "D4", "D5", "D7", "M4", "M5"), id="madiun-2021:P10(2) readings"),
    ],
)
def test_readings_reported(level: PositionLevel, readings: tuple[str, ...]) -> None:
    result = check_scouting_eligibility(facts(), level, CLOSING, "kota-madiun")
    assert tuple(use.id for use in result.readings_used) == readings
    assert all(use.option for use in result.readings_used)


@pytest.mark.parametrize(
    ("appraisals", "outcome"),
    [
        pytest.param(
            ratings((2020, SB), (2021, B)),
            MET,
            id="madiun-2021:P10(1)(e) D5=two-latest-ratings older years count",
        ),
        pytest.param(
            ratings((2023, SB)), NOT, id="madiun-2021:P10(1)(e) D5=two-latest-ratings only one"
        ),
        pytest.param(
            ratings((2022, B), (2024, B)),
            NOT,
            id="madiun-2021:P10(1)(e) D5=two-latest-ratings closing year not counted",
        ),
    ],
)
def test_reading_d5_two_latest_ratings(appraisals: tuple[Appraisal, ...], outcome: Outcome) -> None:
    pack = madiun.PACK.with_readings(D5="two-latest-ratings")
    result = check_scouting_eligibility(
        facts(appraisals=appraisals), ADM, CLOSING, "kota-madiun", pack=pack
    )
    assert result.requirement("appraisals").outcome is outcome
    assert ReadingUse(id=ReadingId.D5, option="two-latest-ratings") in result.readings_used


ANNOUNCED = date(2024, 2, 1)


@pytest.mark.parametrize(
    ("option", "changes", "code", "outcome"),
    [
        pytest.param(
            "since-announcement",
            {"health_certificate": HealthCertificate(number="S", issued=date(2024, 1, 31))},
            "health",
            NOT,
            id="madiun-2021:P10(1)(g) M4 certificate the day before the announcement",
        ),
        pytest.param(
            "since-announcement",
            {
                "health_certificate": HealthCertificate(
                    number="S", issued=ANNOUNCED, government_doctor=True
                )
            },
            "health",
            MET,
            id="madiun-2021:P10(1)(g) M4 certificate on the announcement day",
        ),
        pytest.param(
            "since-announcement",
            {
                "health_certificate": HealthCertificate(
                    number="S", issued=date(2024, 3, 16), government_doctor=True
                )
            },
            "health",
            NOT,
            id="madiun-2021:P10(1)(g) M4 certificate after the closing date",
        ),
        pytest.param(
            "any-date",
            {
                "health_certificate": HealthCertificate(
                    number="S", issued=date(2010, 5, 1), government_doctor=True
                )
            },
            "health",
            MET,
            id="madiun-2021:P10(1)(g) M4=any-date a 2010 certificate",
        ),
        pytest.param(
            "since-announcement",
            {"integrity_statement": statement(6000, signed=date(2024, 1, 31))},
            "integrity",
            NOT,
            id="madiun-2021:P10(1)(h) M4 statement signed the day before the announcement",
        ),
        pytest.param(
            "since-announcement",
            {"integrity_statement": statement(6000, signed=ANNOUNCED)},
            "integrity",
            MET,
            id="madiun-2021:P10(1)(h) M4 statement signed on the announcement day",
        ),
        pytest.param(
            "any-date",
            {"integrity_statement": statement(6000, signed=date(2015, 1, 2))},
            "integrity",
            MET,
            id="madiun-2021:P10(1)(h) M4=any-date an old statement",
        ),
    ],
)
def test_reading_m4_documents_dated_from_the_announcement(
    option: str, changes: dict[str, Any], code: str, outcome: Outcome
) -> None:
    pack = madiun.PACK.with_readings(M4=option)
    result = check_scouting_eligibility(
        facts(**changes), ADM, CLOSING, "kota-madiun", pack=pack, announced=ANNOUNCED
    )
    assert result.requirement(code).outcome is outcome
    assert ReadingUse(id=ReadingId.M4, option=option) in result.readings_used


def test_outside_a_round_documents_have_no_lower_bound() -> None:
    old = HealthCertificate(number="S", issued=date(2010, 5, 1), government_doctor=True)
    result = check_scouting_eligibility(facts(health_certificate=old), ADM, CLOSING, "kota-madiun")
    assert result.requirement("health").outcome is MET
    assert result.requirement("health").evidence["issued_from"] == "-"


@pytest.mark.parametrize(
    ("option", "ended", "outcome"),
    [
        pytest.param(
            "from-last-day",
            date(2023, 3, 15),
            MET,
            id="madiun-2021:P10(1)(f) M5 from the last day: free on its anniversary",
        ),
        pytest.param(
            "from-day-after",
            date(2023, 3, 15),
            NOT,
            id="madiun-2021:P10(1)(f) M5 from the day after: barred on the anniversary",
        ),
        pytest.param(
            "from-day-after",
            date(2023, 3, 14),
            MET,
            id="madiun-2021:P10(1)(f) M5 from the day after: free a day later",
        ),
    ],
)
def test_reading_m5_cool_off_boundary(option: str, ended: date, outcome: Outcome) -> None:
    pack = madiun.PACK.with_readings(M5=option)
    candidate = facts(penalties=penalty(PenaltyLevel.MODERATE, ended))
    result = check_scouting_eligibility(candidate, ADM, CLOSING, "kota-madiun", pack=pack)
    assert result.requirement("discipline").outcome is outcome
    assert ReadingUse(id=ReadingId.M5, option=option) in result.readings_used


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


SCAN = DocumentRef(name="ijazah.pdf", sha256="d" * 64)
DIPLOMA = CamatBasis.GOVERNMENT_SCIENCE_DIPLOMA
CERTIFICATE = CamatBasis.KEPAMONGPRAJAAN_CERTIFICATE


def qualification(
    basis: CamatBasis,
    level: EducationLevel | None = None,
    issued: date = date(2010, 8, 1),
    programme: str = "",
) -> CamatQualification:
    return CamatQualification(
        basis=basis,
        number="IPDN/123/2010",
        issued=issued,
        institution="IPDN",
        level=level,
        programme=programme,
        document=SCAN,
    )


@pytest.mark.parametrize(
    ("recorded", "met"),
    [
        pytest.param(
            qualification(DIPLOMA, EducationLevel.D4, programme="Ilmu Pemerintahan"),
            True,
            id="madiun-2021:P30(2) an IPDN graduate's government-science D4",
        ),
        pytest.param(
            qualification(DIPLOMA, EducationLevel.D1),
            True,
            id="madiun-2021:P30(2) the lowest diploma, D1",
        ),
        pytest.param(
            qualification(DIPLOMA, EducationLevel.SMA),
            False,
            id="madiun-2021:P30(2) a school certificate is no diploma",
        ),
        pytest.param(
            qualification(DIPLOMA), False, id="madiun-2021:P30(2) a diploma without its level"
        ),
        pytest.param(
            qualification(CERTIFICATE),
            True,
            id="madiun-2021:P30(2) the keparamongprajaan certificate",
        ),
        pytest.param(
            qualification(CERTIFICATE, issued=CLOSING),
            True,
            id="madiun-2021:P30(2) a certificate issued on the day",
        ),
        pytest.param(
            qualification(CERTIFICATE, issued=date(2024, 3, 16)),
            False,
            id="madiun-2021:P30(2) a certificate issued the day after",
        ),
        pytest.param(None, False, id="madiun-2021:P30(2) nothing recorded"),
    ],
)
def test_camat_qualification(recorded: CamatQualification | None, met: bool) -> None:
    result = check_camat_qualification(recorded, CLOSING)
    assert result.passed is met
    assert result.citation == "madiun-2021:P30(2)"
    assert result.message.id and result.message.en
    if recorded is not None:
        assert result.evidence["document_sha256"] == "d" * 64
        assert recorded_camat_qualification(result) == recorded


def test_a_programme_named_like_government_is_not_a_qualification() -> None:
    """ "Hukum Tata Pemerintahan" in the personnel record proves nothing: only a recorded
    diploma or certificate does."""
    law = facts(
        education=(EducationEntry(level=EducationLevel.S1, programme="Hukum Tata Pemerintahan"),)
    )
    assert law.education and not check_camat_qualification(None, CLOSING).passed
