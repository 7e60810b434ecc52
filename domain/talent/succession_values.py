"""The value models of succession (Binjai P21-22, P29; Balikpapan P15-17): a target position's
status, a nomination, and an ordered successor with their projected placement."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


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
