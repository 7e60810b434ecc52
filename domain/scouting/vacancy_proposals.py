"""The checks of the proposals for a vacancy (madiun-2021 P24 angka 1-2, P30): by the head of the
unit that holds it, once per candidate, each a member of the pool of the vacancy's level and
agency whose entry holds, who meets P30(5) and, for a Camat, P30(2)."""

from __future__ import annotations

from datetime import date

from domain.rules.core import EligibilityResult, RequirementResult
from domain.scouting.pool import PoolEntry
from domain.scouting.refusals import VACANCY
from domain.scouting.vacancy_state import VacancyRecord, ensure_considerable


class Proposing(VacancyRecord):
    def _ensure_proposer(self, unit: str) -> None:
        """P24 angka 1: the head of the unit that holds the vacancy proposes for it."""
        if " ".join(unit.split()).casefold() != " ".join(self.unit.split()).casefold():
            raise VACANCY.refused(
                "not-head-of-vacancy-unit",
                unit=self.unit,
                proposer=unit or "(unit tidak tercatat)",
                proposer_en=unit or "(no unit recorded)",
            )

    def _ensure_proposable(
        self,
        nip: str,
        entry: PoolEntry | None,
        consideration: EligibilityResult,
        camat_check: RequirementResult | None,
        on: date,
    ) -> list[RequirementResult]:
        """The checks a proposal records: P30(5), and P30(2) for a Camat."""
        if nip in self.proposals:
            raise VACANCY.refused("already-proposed", nip=nip)
        if entry is None or entry.nip != nip:
            raise VACANCY.refused("not-pool-member", nip=nip)
        if entry.level is not self.level:
            raise VACANCY.refused("level-mismatch", nip=nip, entry=entry, level=self.level)
        if entry.agency != self.agency:
            raise VACANCY.refused("other-agency-entry", nip=nip, entry=entry, agency=self.agency)
        entry.ensure_valid_on(on)
        ensure_considerable(consideration)
        checks = list(consideration.requirements)
        if self.camat:
            if camat_check is None or not camat_check.passed:
                reason = camat_check.message if camat_check is not None else None
                raise VACANCY.refused(
                    "camat-not-qualified",
                    why=f" ({reason.id})" if reason else "",
                    why_en=f" ({reason.en})" if reason else "",
                )
            checks.append(camat_check)
        return checks
