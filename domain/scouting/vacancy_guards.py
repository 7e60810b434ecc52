"""The checks of a vacancy's steps (madiun-2021 P22-24, P30), each refusing with the article it
would break.

Kept apart from ``vacancy.py`` so that the aggregate reads as its events and commands; the checks
read the vacancy's state and what the caller gives and never record anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from domain.rules.core import EligibilityResult, RequirementResult
from domain.scouting.errors import ScoutingRefusal
from domain.scouting.pool import PoolEntry
from domain.scouting.refusals import VACANCY, of_candidate
from domain.scouting.vacancy_state import Lapse, Proposal, Shortlist, Standing, VacancyState
from domain.values import Nip, PositionLevel

SHORTLIST_SIZE = 3  # P24 angka 4: three candidates per vacancy
# P30(5) requirement codes (domain.rules.madiun_promotion) and the refusal each failure gives.
_CONSIDERATION_REFUSALS = {
    "not-serving-penalty": "serving-penalty",
    "performance-not-poor": "poor-performance",
}


class VacancyGuards:
    """Mixed into Vacancy; the attributes below are set by its events."""

    agency: str
    unit: str
    level: PositionLevel
    camat: bool
    state: VacancyState
    proposals: dict[str, Proposal]
    shortlisted: Shortlist | None
    lapses: list[Lapse]

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

    def _ensure_shortlistable(
        self,
        listed: list[str],
        justification: str,
        standing: Mapping[str, Standing],
        on: date,
        relaxed: bool,
    ) -> bool:
        """True when the shortlist is short: fewer than three, which only the relaxed reading
        M2 accepts, with a written justification."""
        strangers = [nip for nip in listed if nip not in self.proposals]
        if strangers:
            raise VACANCY.refused("not-proposed", nips=", ".join(strangers))
        if len(set(listed)) != len(listed) or not listed or len(listed) > SHORTLIST_SIZE:
            raise VACANCY.refused("shortlist-size", size=SHORTLIST_SIZE, count=len(listed))
        short = len(listed) < SHORTLIST_SIZE
        if short and not relaxed:
            raise VACANCY.refused("shortlist-short", size=SHORTLIST_SIZE, count=len(listed))
        if short and not justification.strip():
            raise VACANCY.refused("shortlist-unjustified", size=SHORTLIST_SIZE)
        for nip in listed:
            self._ensure_standing(nip, standing, on)
        return short

    def _ensure_pickable(
        self, nip: str, decree_date: date, standing: Mapping[str, Standing]
    ) -> None:
        assert self.shortlisted is not None
        if Nip(nip) not in self.shortlisted.nips:
            raise VACANCY.refused("not-shortlisted", nip=nip)
        lapsed = next((lapse for lapse in self.lapses if lapse.nip == Nip(nip)), None)
        if lapsed is not None:
            raise VACANCY.refused("pick-lapsed", nip=nip, lapse=lapsed)
        if self.lapses and decree_date < self.lapses[-1].lapsed_on:
            raise VACANCY.refused(
                "pick-before-lapse", decree_date=decree_date, lapse=self.lapses[-1]
            )
        self._ensure_standing(str(Nip(nip)), standing, decree_date)

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

    def _ensure_state(self, expected: VacancyState, step: str) -> None:
        if self.state is not expected:
            raise VACANCY.refused("wrong-stage", step=step, expected=expected, state=self.state)


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
