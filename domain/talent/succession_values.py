"""The value models of succession (Binjai P21-22, P29; Balikpapan P15-17): a target position's
status, a nomination, an ordered successor with their projected placement, a period's group as
decreed, and what the rules read of the talent's personnel record."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from domain.personnel.facts import EmploymentStatus, PersonnelFacts
from domain.rules.cycle import functional_grade_of
from domain.values import FunctionalGrade, PositionLevel


class TargetStatus(StrEnum):
    VACANT = "vacant"
    TO_BE_VACANT = "to-be-vacant"


class Nomination(BaseModel):
    model_config = ConfigDict(frozen=True)

    nip: str
    box: int
    assessment: str  # ref of the assessment in force on the nomination date
    justification: str
    nominated_on: date


class Successor(BaseModel):
    model_config = ConfigDict(frozen=True)

    nip: str
    order: int = 0  # 1 is placed first; set from the position in the plan
    projected_position: str
    projected_date: date


class DecreedGroup(BaseModel):
    """A period's succession group as the caller found it recorded: the PPK's decree (Binjai
    P29(3), Balikpapan P17(3)) or the talent team's group from the nominations (Balikpapan
    P16(2)), with its members' NIPs."""

    model_config = ConfigDict(frozen=True)

    period: str
    reference: str  # the decree or the team's record number
    members: frozenset[str]


class TalentFacts(BaseModel):
    """What the succession rules read of an employee on the day: the employment status (Binjai
    P1(12): a talent is a PNS) and the position held (P1(15): a target one level higher)."""

    model_config = ConfigDict(frozen=True)

    status: EmploymentStatus
    level: PositionLevel | None = None
    functional_grade: FunctionalGrade | None = None

    @classmethod
    def of(cls, facts: PersonnelFacts, day: date) -> TalentFacts:
        held = facts.position_on(day)
        return cls(
            status=facts.status,
            level=held.level if held else None,
            functional_grade=functional_grade_of(held),
        )
