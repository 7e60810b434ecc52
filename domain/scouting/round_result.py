"""The checks and queries of a scouting round's result (madiun-2021 P18-20): the final results
of who proceeded to the end, the report to the mayor, and the mayor's pool decree, once."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.rules.madiun import PACK
from domain.rules.madiun_scoring import final_result
from domain.scouting.candidate import Stage
from domain.scouting.guards import PoolDecree, RoundState
from domain.scouting.refusals import ROUND


class Result(RoundState):
    @property
    def passed_nips(self) -> tuple[str, ...]:
        return tuple(n for n, c in sorted(self._candidates.items()) if c.stage is Stage.PASSED)

    def _final_results(self) -> dict[str, dict[str, Any]]:
        """The final result of each candidate who proceeds, as event data."""
        # The scoring's guard saw a potential and a technical score for each of them.
        results = {
            nip: final_result(c.potential, c.technical)
            for nip, c in sorted(self._candidates.items())
            if c.proceeds and c.potential is not None and c.technical is not None
        }
        return {
            nip: {
                "potential": str(r.potential_score),
                "technical": str(r.technical_score),
                "final": str(r.final_score),
                "category": str(r.category),
                "passed": r.passed,
            }
            for nip, r in results.items()
        }

    def _ensure_reportable(self, report_number: str) -> None:
        if not self.finalised:
            raise ROUND.refused("not-finalised")
        if self.report_number:
            raise ROUND.refused("already-reported", report_number=self.report_number)
        if not report_number.strip():
            raise ROUND.refused("report-number-missing")

    def _decreed_already(self, decree_number: str, decree_date: date) -> bool:
        """True when this very decree is recorded; another decree once one is, refused."""
        if self.pool_decree is None:
            return False
        if self.pool_decree == PoolDecree(decree_number=decree_number, decree_date=decree_date):
            return True
        raise ROUND.refused("pool-already-decreed", decree=self.pool_decree)

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
