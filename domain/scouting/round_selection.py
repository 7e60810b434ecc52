"""The checks of a scouting round's administrative selection (madiun-2021 P14): after the
registration closed, each registered candidate judged once (or corrected), then the results
announced once every candidate is judged."""

from __future__ import annotations

from domain.envelope import Envelope
from domain.rules.madiun import PACK
from domain.rules.pack import RulePack
from domain.scouting.candidate import Candidate
from domain.scouting.guards import RoundState, ensure_new
from domain.scouting.refusals import ROUND
from domain.scouting.round_registration import ensure_recommended


class Selection(RoundState):
    def _ensure_registration_closed(self) -> None:
        if self.closed_on is None:
            raise ROUND.refused("registration-open")

    def ensure_selectable(self, nip: str, envelope: Envelope, pack: RulePack = PACK) -> Candidate:
        """Also asked by the handler before it loads the employee's data."""
        self._ensure_registration_closed()
        if self.announced:
            raise ROUND.refused("administrative-results-announced")
        candidate = self._candidate(nip)
        if candidate.awaiting_verification:
            raise ROUND.refused("documents-not-verified", nip=candidate.nip)
        ensure_recommended(candidate, pack)
        ensure_new(candidate.selection_ref, envelope, candidate.nip, "P14(1)")
        return candidate

    def _ensure_announceable(self) -> None:
        self._ensure_registration_closed()
        if self.announced:
            raise ROUND.refused("already-announced")
        waiting = sorted(n for n, c in self._candidates.items() if c.administrative_passed is None)
        if waiting:
            raise ROUND.refused("selection-incomplete", nips=", ".join(waiting))
