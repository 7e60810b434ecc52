"""What the rules read about one employee: a frozen snapshot of the personnel record."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from domain.values import (
    Appraisal,
    EducationLevel,
    FunctionalGrade,
    Grade,
    Investigation,
    Nip,
    Penalty,
    PositionLevel,
)


class EmploymentStatus(StrEnum):
    PNS = "PNS"
    CPNS = "CPNS"
    PPPK = "PPPK"


class GradeSpell(BaseModel):
    model_config = ConfigDict(frozen=True)

    grade: Grade
    start: date
    decree_number: str = ""


class PositionSpell(BaseModel):
    """A position held from ``start``; it ends where the next spell starts (or at ``end``)."""

    model_config = ConfigDict(frozen=True)

    level: PositionLevel
    title: str
    start: date
    end: date | None = None
    unit: str = ""
    functional_grade: FunctionalGrade | None = None
    inauguration: date | None = None
    decree_number: str = ""


class EducationEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    level: EducationLevel
    programme: str = ""
    year: int | None = Field(default=None, ge=1900, le=2100)  # of graduation


class HealthCertificate(BaseModel):
    """A doctor's statement of physical and mental health (surat keterangan sehat)."""

    model_config = ConfigDict(frozen=True)

    number: str
    issued: date
    # Issued by a government doctor (P10(1)(g) asks it of administrators); None: not known.
    government_doctor: bool | None = None


class IntegrityStatement(BaseModel):
    """Signed by the employee on duty stamp, acknowledged by the head of unit."""

    model_config = ConfigDict(frozen=True)

    signed: date
    acknowledged_by_head_of_unit: bool
    # The duty stamp's value in rupiah (bermaterai); None: not recorded.
    duty_stamp_rupiah: int | None = None


class PersonnelFacts(BaseModel):
    model_config = ConfigDict(frozen=True)

    nip: Nip
    name: str
    status: EmploymentStatus
    active: bool
    agency: str
    unit: str = ""
    grades: tuple[GradeSpell, ...] = ()
    positions: tuple[PositionSpell, ...] = ()
    education: tuple[EducationEntry, ...] = ()
    appraisals: tuple[Appraisal, ...] = ()
    penalties: tuple[Penalty, ...] = ()
    investigations: tuple[Investigation, ...] = ()
    health_certificate: HealthCertificate | None = None
    integrity_statement: IntegrityStatement | None = None

    @property
    def birth_date(self) -> date:
        return self.nip.birth_date

    def grade_on(self, day: date) -> Grade | None:
        held = [spell for spell in self.grades if spell.start <= day]
        return max(held, key=lambda spell: spell.start).grade if held else None

    def position_spells(self, until: date) -> list[tuple[PositionSpell, date]]:
        """Each spell started by ``until`` with the day it ended (exclusive), in order."""
        ordered = sorted((s for s in self.positions if s.start <= until), key=lambda s: s.start)
        spells: list[tuple[PositionSpell, date]] = []
        for index, spell in enumerate(ordered):
            following = ordered[index + 1].start if index + 1 < len(ordered) else until
            ends = min(spell.end or following, following, until)
            spells.append((spell, max(ends, spell.start)))
        return spells

    def position_on(self, day: date) -> PositionSpell | None:
        """The position held on ``day``; a spell ending on ``day`` is no longer held then, one
        starting the day after is not held yet."""
        # Looking one day past ``day`` keeps a spell whose (exclusive) end is ``day`` out.
        spells = self.position_spells(day + timedelta(days=1))
        current = [s for s, ends in spells if s.start <= day < ends]
        return current[-1] if current else None

    def highest_education(self, by: date | None = None) -> EducationLevel | None:
        done = [
            e.level for e in self.education if by is None or e.year is None or e.year <= by.year
        ]
        return max(done, key=lambda level: level.rank) if done else None

    def latest_appraisals(self, count: int, before: date) -> list[Appraisal]:
        """The ``count`` most recent yearly appraisals for years ending before ``before``."""
        years = sorted((a for a in self.appraisals if a.year < before.year), key=lambda a: a.year)
        return years[-count:]
