"""The checks and queries of a scouting round's announcement and registration (madiun-2021
P12-13): publication, registration in its window, the head of unit's recommendation, the
verification of a web registrant's documents, the closing."""

from __future__ import annotations

from datetime import date

from domain.rules.core import ReadingId
from domain.rules.pack import RulePack
from domain.scouting.candidate import Candidate
from domain.scouting.guards import RoundState
from domain.scouting.plan import Schedule
from domain.scouting.refusals import ROUND


class Registration(RoundState):
    @property
    def schedule(self) -> Schedule:
        return self._schedule

    @property
    def registration_closes(self) -> date:
        return self._schedule.registration_closes

    def _ensure_publishable(self, circular_number: str, website: str) -> None:
        if self.circular_number:
            raise ROUND.refused("already-published", circular_number=self.circular_number)
        if not circular_number.strip() or not website.strip():
            raise ROUND.refused("publication-incomplete")

    def _ensure_registrable(self, nip: str, on: date, already_in_pool: bool) -> None:
        if not self.circular_number:
            raise ROUND.refused("not-published")
        if on < self._schedule.registration_opens:
            raise ROUND.refused(
                "registration-not-open", registration_opens=self._schedule.registration_opens
            )
        if self.closed_on is not None or on > self._schedule.registration_closes:
            raise ROUND.refused(
                "registration-closed",
                closed_on=self.closed_on or self._schedule.registration_closes,
            )
        if nip in self._candidates:
            raise ROUND.refused("already-registered", nip=nip)
        # Reading M6: P22(2) read a contrario, an entry that still holds bars a new round.
        if already_in_pool:
            raise ROUND.refused("already-in-pool", nip=nip)

    def _before_selection(self, nip: str) -> Candidate:
        """Recommendation and verification complete a registration; selection judges it."""
        candidate = self._candidate(nip)
        if candidate.administrative_passed is not None:
            raise ROUND.refused("already-selected", nip=candidate.nip)
        return candidate

    def _ensure_recommendable(self, nip: str) -> Candidate:
        candidate = self._before_selection(nip)
        if candidate.recommended:
            raise ROUND.refused("already-recommended", nip=candidate.nip)
        return candidate

    def _ensure_verifiable(self, nip: str, pack: RulePack) -> Candidate:
        candidate = self._before_selection(nip)
        if candidate.awaiting_verification:
            ensure_recommended(candidate, pack)
        if not candidate.awaiting_verification:
            raise ROUND.refused("nothing-to-verify", nip=candidate.nip)
        return candidate

    def _ensure_closable(self, closed_on: date) -> None:
        if not self.circular_number:
            raise ROUND.refused("not-published")
        if closed_on < self._schedule.registration_closes:
            raise ROUND.refused(
                "before-closing-date", registration_closes=self._schedule.registration_closes
            )


def ensure_recommended(candidate: Candidate, pack: RulePack) -> None:
    """Reading M3: by default the head of unit's recommendation (P13(2)) comes before the
    administrative selection, and before a web registrant's documents are verified."""
    if pack.reading(ReadingId.M3).chosen == "required" and not candidate.recommended:
        raise ROUND.refused("not-recommended", nip=candidate.nip)
