"""Scouting read models: round boards, the talent pool now and as of any day,
vacancies with proposals, shortlist and pick. Documents in a ``DocumentView``, rebuildable."""

from __future__ import annotations

from projections.scouting.pool import PoolRow, current_pool, pool_as_of
from projections.scouting.projection import ScoutingProjection
from projections.scouting.rounds import (
    AdministrativeResult,
    CandidateRow,
    FailedRequirement,
    FinalScore,
    PotentialResult,
    Publication,
    RoundBoard,
    RoundSummary,
    round_board,
    rounds,
)
from projections.scouting.vacancies import (
    PickRow,
    ProposalRow,
    ShortlistRow,
    VacancyRow,
    vacancies,
    vacancy,
)

__all__ = [
    "AdministrativeResult",
    "CandidateRow",
    "FailedRequirement",
    "FinalScore",
    "PickRow",
    "PoolRow",
    "PotentialResult",
    "ProposalRow",
    "Publication",
    "RoundBoard",
    "RoundSummary",
    "ScoutingProjection",
    "ShortlistRow",
    "VacancyRow",
    "current_pool",
    "pool_as_of",
    "round_board",
    "rounds",
    "vacancies",
    "vacancy",
]
