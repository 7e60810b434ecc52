"""The state a vacancy keeps from its events (madiun-2021 P24-28): its stage, the proposals, the
board's shortlist, the mayor's pick and lapsed picks; the standing the caller gives for a
proposed candidate at a later step; and what the checks of every step share.

Each step's checks are in their own module (``vacancy_proposals``, ``vacancy_board``,
``vacancy_pick``), each one class on ``VacancyRecord``; ``Vacancy`` composes them. They read the
vacancy's state and what the caller gives and never record anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from domain.rules.core import EligibilityResult
from domain.scouting.errors import ScoutingRefusal
from domain.scouting.pool import PoolEntry
from domain.scouting.refusals import VACANCY, of_candidate
from domain.scouting.tpk import TpkSession
from domain.values import PositionLevel

# P30(5) requirement codes (domain.rules.madiun_promotion) and the refusal each failure gives.
_CONSIDERATION_REFUSALS = {
    "not-serving-penalty": "serving-penalty",
    "performance-not-poor": "poor-performance",
}


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


class VacancyRecord:
    """The vacancy's state as its events set it, declared for the steps' checks."""

    agency: str
    unit: str
    level: PositionLevel
    camat: bool
    state: VacancyState
    proposals: dict[str, Proposal]
    shortlisted: Shortlist | None
    picked: Pick | None
    lapses: list[Lapse]

    def _ensure_state(self, expected: VacancyState, step: str) -> None:
        if self.state is not expected:
            raise VACANCY.refused("wrong-stage", step=step, expected=expected, state=self.state)

    def _ensure_standing(self, nip: str, standing: Mapping[str, Standing], on: date) -> None:
        """The candidate's proposed entry still holds on ``on`` and P30(5) is still met."""
        found = standing.get(nip)
        if found is None or found.entry.entry_id != self.proposals[nip].entry_id:
            raise ValueError(f"no standing given for NIP {nip}'s proposed entry")
        try:
            found.entry.ensure_valid_on(on)
            ensure_considerable(found.consideration)
        except ScoutingRefusal as refused:
            raise of_candidate(nip, refused) from None


def ensure_considerable(consideration: EligibilityResult) -> None:
    """P30(5): not serving a moderate/severe penalty, performance not poor."""
    failures = consideration.failures
    if failures:
        first = failures[0]
        raise VACANCY.refused(
            _CONSIDERATION_REFUSALS.get(first.code, "not-considerable"),
            article=first.citation.article if first.citation else None,
            reasons="; ".join(f.message.id for f in failures),
            reasons_en="; ".join(f.message.en for f in failures),
        )
