"""What the checks of every stage of a scouting round share: the state they read (set by the
round's events), a candidate looked up by NIP, and the rule that a decision recorded already
changes only by a correction; and the pool decree.

Each stage's checks and queries are in their own module (``round_registration``,
``round_selection``, ``round_scoring``, ``round_result``), each one class on ``RoundState``;
``ScoutingRound`` composes them. They read the round's state only and never record anything.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from domain.envelope import Envelope
from domain.scouting.candidate import Candidate, Stage
from domain.scouting.plan import Schedule
from domain.scouting.refusals import ROUND
from domain.values import Nip


class PoolDecree(BaseModel):
    """The mayor's decree listing a round's passed candidates in the talent pool (P20(2))."""

    model_config = ConfigDict(frozen=True)

    decree_number: str
    decree_date: date


class RoundState:
    """The round's state as its events set it, declared for the stages' checks."""

    id: UUID
    _schedule: Schedule
    _candidates: dict[str, Candidate]
    circular_number: str
    closed_on: date | None
    announced: bool
    finalised: bool
    finalised_on: date | None
    report_number: str
    reported_on: date | None
    pool_decree: PoolDecree | None

    @property
    def candidates(self) -> dict[str, Candidate]:
        return dict(self._candidates)

    def stage_of(self, nip: str) -> Stage:
        return self._candidate(nip).stage

    def _candidate(self, nip: str) -> Candidate:
        key = str(Nip(nip))
        found = self._candidates.get(key)
        if found is None:
            raise ROUND.refused("not-registered", key=key)
        return found


def ensure_new(recorded: str, envelope: Envelope, nip: str, article: str) -> None:
    """A decision already recorded for ``nip`` is changed only by a correction that names the
    event it corrects (``envelope.corrects``), so the log says what replaced what."""
    if recorded and envelope.corrects != recorded:
        raise ROUND.refused("already-recorded", article=article, nip=nip, recorded=recorded)
