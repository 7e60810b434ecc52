"""The state a vacancy keeps from its events (madiun-2021 P24-28): its stage, the proposals, the
board's shortlist, the mayor's pick and lapsed picks; and the standing the caller gives for a
proposed candidate at a later step."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from domain.rules.core import EligibilityResult
from domain.scouting.pool import PoolEntry
from domain.scouting.tpk import TpkSession


class VacancyState(StrEnum):
    OPEN = "open"
    SHORTLISTED = "shortlisted"
    PICKED = "picked"
    FILLED = "filled"


class Proposal(BaseModel):
    model_config = ConfigDict(frozen=True)

    nip: str
    entry_id: UUID
    by: str
    proposed_on: date


class Shortlist(BaseModel):
    model_config = ConfigDict(frozen=True)

    session: TpkSession
    nips: tuple[str, ...]
    justification: str
    short: bool  # fewer than three: flagged for audit


class Pick(BaseModel):
    model_config = ConfigDict(frozen=True)

    nip: str
    decree_number: str
    decree_date: date


class Lapse(BaseModel):
    model_config = ConfigDict(frozen=True)

    nip: str
    reason: str
    expired_on: date
    lapsed_on: date


class Standing(BaseModel):
    """What the caller found for a proposed candidate on the date of a later step: the pool
    entry they were proposed with and P30(5) on that date."""

    model_config = ConfigDict(frozen=True)

    entry: PoolEntry
    consideration: EligibilityResult
