"""What a scouting round answers about its schedule and candidates; mixed into ScoutingRound."""

from __future__ import annotations

from datetime import date

from domain.scouting.candidate import AssessmentStage, Candidate, Stage
from domain.scouting.plan import Schedule
from domain.scouting.result_guards import ResultGuards


class RoundQueries(ResultGuards):
    """Mixed into ScoutingRound; the attributes are declared on ``RoundGuards``."""

    @property
    def schedule(self) -> Schedule:
        return self._schedule

    @property
    def registration_closes(self) -> date:
        return self._schedule.registration_closes

    @property
    def candidates(self) -> dict[str, Candidate]:
        return dict(self._candidates)

    def stage_of(self, nip: str) -> Stage:
        return self._candidate(nip).stage

    @property
    def passed_nips(self) -> tuple[str, ...]:
        return tuple(n for n, c in sorted(self._candidates.items()) if c.stage is Stage.PASSED)

    def missing_scores(self, stage: AssessmentStage | str) -> tuple[str, ...]:
        """Who may be scored at ``stage`` now and has no score yet: the ones to remind about."""
        if self.finalised or not self.announced:
            return ()
        return self._lacking(AssessmentStage(stage))
