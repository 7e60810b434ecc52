"""The checks of a scouting round's stages 1-3 (announcement, registration, administrative
selection), each refusing with the article it would break; the envelope stamping of its events.

Kept apart from ``round.py`` so that the aggregate reads as its events and commands; the checks
read the round's state only and never record anything. Stages 4-6 and the pool decree:
``result_guards``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from domain.envelope import Envelope
from domain.rules.core import ReadingId, ReadingUse
from domain.rules.madiun import PACK
from domain.rules.pack import RulePack
from domain.scouting.candidate import Candidate
from domain.scouting.plan import Schedule
from domain.scouting.refusals import ROUND
from domain.values import Nip


def stamped(
    envelope: Envelope, *articles: str, readings: Iterable[ReadingUse] = ()
) -> dict[str, Any]:
    """The envelope as event data, its basis naming the pack, the articles (``P13`` or full
    citations) and the readings this step applies besides what the caller put there."""
    cited = (a if ":" in a else PACK.cite(a) for a in articles)
    used = {str(r.id): r.option for r in readings}
    return envelope.citing(*cited, readings=used, pack=PACK.id).to_event()


class PoolDecree(BaseModel):
    """The mayor's decree listing a round's passed candidates in the talent pool (P20(2))."""

    model_config = ConfigDict(frozen=True)

    decree_number: str
    decree_date: date


class RoundGuards:
    """Mixed into ScoutingRound; the attributes below are set by its events."""

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

    def _candidate(self, nip: str) -> Candidate:
        key = str(Nip(nip))
        found = self._candidates.get(key)
        if found is None:
            raise ROUND.refused("not-registered", key=key)
        return found

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


def ensure_recommended(candidate: Candidate, pack: RulePack) -> None:
    """Reading M3: by default the head of unit's recommendation (P13(2)) comes before the
    administrative selection, and before a web registrant's documents are verified."""
    if pack.reading(ReadingId.M3).chosen == "required" and not candidate.recommended:
        raise ROUND.refused("not-recommended", nip=candidate.nip)


def ensure_new(recorded: str, envelope: Envelope, nip: str, article: str) -> None:
    """A decision already recorded for ``nip`` is changed only by a correction that names the
    event it corrects (``envelope.corrects``), so the log says what replaced what."""
    if recorded and envelope.corrects != recorded:
        raise ROUND.refused("already-recorded", article=article, nip=nip, recorded=recorded)
