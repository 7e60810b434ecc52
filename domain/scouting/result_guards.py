"""The checks of a scouting round's stages 4-6 (potential and technical assessment, result and
report) and of the pool decree, each refusing with the article it would break.

Mixed into ScoutingRound above ``RoundGuards`` (stages 1-3); like them they read the round's state
only and never record anything.
"""

from __future__ import annotations

from datetime import date

from domain.envelope import Envelope
from domain.rules.madiun import PACK
from domain.scouting.candidate import AssessmentStage, Candidate
from domain.scouting.guards import RoundGuards, ensure_new
from domain.scouting.refusals import ROUND


class ResultGuards(RoundGuards):
    """Mixed into ScoutingRound; the attributes are declared on ``RoundGuards``."""

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

    def _ensure_reportable(self, report_number: str) -> None:
        if not self.finalised:
            raise ROUND.refused("not-finalised")
        if self.report_number:
            raise ROUND.refused("already-reported", report_number=self.report_number)
        if not report_number.strip():
            raise ROUND.refused("report-number-missing")

    def _ensure_decreeable(self, decree_number: str, decree_date: date) -> None:
        """P20 follows P19: the results are final and reported to the mayor, and the decree is
        dated on or after them."""
        if not self.report_number:
            raise ROUND.refused("not-reported")
        results_on = max(d for d in (self.finalised_on, self.reported_on) if d is not None)
        if decree_date < results_on:
            raise ROUND.refused(
                "decree-before-results", decree_date=decree_date, results_on=results_on
            )
        if not decree_number.strip():
            raise ROUND.refused("decree-number-missing")
        PACK.ensure_in_force(decree_date)
