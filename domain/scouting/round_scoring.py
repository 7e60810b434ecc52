"""The checks and queries of a scouting round's potential and technical assessment (madiun-2021
P15-17): who may be scored at each stage, each score recorded once (or corrected), and the
scoring closed by the finalised results once every score is in."""

from __future__ import annotations

from domain.envelope import Envelope
from domain.scouting.candidate import AssessmentStage, Candidate
from domain.scouting.guards import RoundState, ensure_new
from domain.scouting.refusals import ROUND


class Scoring(RoundState):
    def missing_scores(self, stage: AssessmentStage | str) -> tuple[str, ...]:
        """Who may be scored at ``stage`` now and has no score yet: the ones to remind about."""
        if self.finalised or not self.announced:
            return ()
        return self._lacking(AssessmentStage(stage))

    def _assessable(self, nip: str, stage: AssessmentStage, envelope: Envelope) -> Candidate:
        self._ensure_not_finalised()
        candidate = self._candidate(nip)
        if stage is AssessmentStage.POTENTIAL:
            if not self.announced:
                raise ROUND.refused("administrative-results-not-announced")
            if not candidate.administrative_passed:
                raise ROUND.refused("not-administratively-passed", nip=candidate.nip)
            ensure_new(candidate.potential_ref, envelope, candidate.nip, "P15(1)")
            return candidate
        if candidate.proceeds is None:
            raise ROUND.refused("potential-not-assessed", nip=candidate.nip)
        if not candidate.proceeds:
            raise ROUND.refused("stopped-at-potential", nip=candidate.nip)
        ensure_new(candidate.technical_ref, envelope, candidate.nip, "P16(3)")
        return candidate

    def _ensure_not_finalised(self) -> None:
        if self.finalised:
            raise ROUND.refused("results-finalised")

    def _ensure_finalisable(self) -> None:
        self._ensure_not_finalised()
        if not self.announced:
            raise ROUND.refused("administrative-results-not-announced")
        if missing := self._lacking(AssessmentStage.POTENTIAL):
            raise ROUND.refused("potential-scores-missing", nips=", ".join(missing))
        if missing := self._lacking(AssessmentStage.TECHNICAL):
            raise ROUND.refused("technical-scores-missing", nips=", ".join(missing))

    def _lacking(self, stage: AssessmentStage) -> tuple[str, ...]:
        """Who may be scored at ``stage`` and has no score yet."""
        if stage is AssessmentStage.POTENTIAL:
            due = [c for c in self._candidates.values() if c.administrative_passed]
            return tuple(sorted(c.nip for c in due if c.potential is None))
        due = [c for c in self._candidates.values() if c.proceeds]
        return tuple(sorted(c.nip for c in due if c.technical is None))
