"""Builds PersonnelFacts for rule tests: a Madiun-eligible administrator candidate by default."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.personnel.facts import (
    EducationEntry,
    EmploymentStatus,
    GradeSpell,
    HealthCertificate,
    IntegrityStatement,
    PersonnelFacts,
    PositionSpell,
)
from domain.values import (
    Appraisal,
    AppraisalRating,
    EducationLevel,
    FunctionalGrade,
    Grade,
    PositionLevel,
)

CLOSING = date(2024, 3, 15)


def nip_for(born: date) -> str:
    return f"{born:%Y%m%d}200001" + "1001"


def spell(
    level: PositionLevel,
    start: date,
    end: date | None = None,
    grade: FunctionalGrade | None = None,
) -> PositionSpell:
    return PositionSpell(
        level=level, title=f"{level} {start}", start=start, end=end, functional_grade=grade
    )


def facts(**changes: Any) -> PersonnelFacts:
    """An active Madiun PNS, born 1975-06-01, supervisor since 2018, III/d, S1, Baik ratings."""
    base: dict[str, Any] = {
        "nip": nip_for(date(1975, 6, 1)),
        "name": "Budi Santoso",
        "status": EmploymentStatus.PNS,
        "active": True,
        "agency": "kota-madiun",
        "grades": (GradeSpell(grade=Grade("III/d"), start=date(2019, 4, 1)),),
        "positions": (
            spell(PositionLevel.EXECUTOR, date(2005, 1, 1)),
            spell(PositionLevel.SUPERVISOR, date(2018, 1, 2)),
        ),
        "education": (EducationEntry(level=EducationLevel.S1, year=1998),),
        "appraisals": (
            Appraisal(year=2022, rating=AppraisalRating.BAIK),
            Appraisal(year=2023, rating=AppraisalRating.SANGAT_BAIK),
        ),
        "health_certificate": HealthCertificate(
            number="SKS-1", issued=date(2024, 3, 1), government_doctor=True
        ),
        "integrity_statement": IntegrityStatement(
            signed=date(2024, 3, 1), acknowledged_by_head_of_unit=True, duty_stamp_rupiah=10000
        ),
    }
    base.update(changes)
    return PersonnelFacts(**base)
