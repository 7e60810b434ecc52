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
from domain.scouting.errors import ScoutingRefusal, refuse
from domain.scouting.plan import Schedule
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
            raise refuse(
                "not-registered",
                f"{key} tidak terdaftar pada putaran ini",
                f"{key} is not registered in this round",
                "P13(1)",
            )
        return found

    def _ensure_publishable(self, circular_number: str, website: str) -> None:
        if self.circular_number:
            raise refuse(
                "already-published",
                f"putaran sudah diumumkan dengan Surat Edaran {self.circular_number}",
                f"the round was published already by circular {self.circular_number}",
                "P12(2)",
            )
        if not circular_number.strip() or not website.strip():
            raise refuse(
                "publication-incomplete",
                "pengumuman resmi memerlukan Surat Edaran dan website resmi BKPSDM",
                "an official announcement needs both a circular and the BKPSDM website",
                "P12(2)",
            )

    def _ensure_registrable(self, nip: str, on: date, already_in_pool: bool) -> None:
        if not self.circular_number:
            raise refuse(
                "not-published",
                "putaran belum diumumkan secara resmi",
                "the round has not been officially announced yet",
                "P12(2)",
            )
        if on < self._schedule.registration_opens:
            raise refuse(
                "registration-not-open",
                f"pendaftaran dibuka {self._schedule.registration_opens}",
                f"registration opens on {self._schedule.registration_opens}",
                "P13(1)",
            )
        if self.closed_on is not None or on > self._schedule.registration_closes:
            raise refuse(
                "registration-closed",
                f"pendaftaran ditutup {self.closed_on or self._schedule.registration_closes}",
                f"registration closed on {self.closed_on or self._schedule.registration_closes}",
                "P13(1)",
            )
        if nip in self._candidates:
            raise refuse(
                "already-registered",
                f"{nip} sudah terdaftar pada putaran ini",
                f"{nip} is already registered in this round",
                "P13(1)",
            )
        # Reading M6: P22(2) read a contrario, an entry that still holds bars a new round.
        if already_in_pool:
            raise refuse(
                "already-in-pool",
                f"{nip} masih tercatat dalam Talent Pool yang berlaku",
                f"{nip} holds a talent pool entry that is still valid",
                "P22(2)",
            )

    def _before_selection(self, nip: str) -> Candidate:
        """Recommendation and verification complete a registration; selection judges it."""
        candidate = self._candidate(nip)
        if candidate.administrative_passed is not None:
            raise refuse(
                "already-selected",
                f"seleksi administrasi {candidate.nip} sudah dilakukan",
                f"{candidate.nip} has been through administrative selection already",
                "P14(1)",
            )
        return candidate

    def _ensure_recommendable(self, nip: str) -> Candidate:
        candidate = self._before_selection(nip)
        if candidate.recommended:
            raise refuse(
                "already-recommended",
                f"{candidate.nip} sudah direkomendasikan",
                f"{candidate.nip} is already recommended",
                "P13(2)",
            )
        return candidate

    def _ensure_verifiable(self, nip: str, pack: RulePack) -> Candidate:
        candidate = self._before_selection(nip)
        if candidate.awaiting_verification:
            ensure_recommended(candidate, pack)
        if not candidate.awaiting_verification:
            raise refuse(
                "nothing-to-verify",
                f"berkas {candidate.nip} tidak menunggu verifikasi (pendaftaran langsung atau "
                "sudah diverifikasi)",
                f"{candidate.nip}'s documents await no verification (direct registration or "
                "verified already)",
                "P13(3)",
            )
        return candidate

    def _ensure_closable(self, closed_on: date) -> None:
        if not self.circular_number:
            raise refuse(
                "not-published",
                "putaran belum diumumkan secara resmi",
                "the round has not been officially announced yet",
                "P12(2)",
            )
        if closed_on < self._schedule.registration_closes:
            raise refuse(
                "before-closing-date",
                f"pendaftaran dijadwalkan ditutup {self._schedule.registration_closes}",
                f"registration is scheduled to close on {self._schedule.registration_closes}",
                "P13(1)",
            )

    def _ensure_registration_closed(self) -> None:
        if self.closed_on is None:
            raise refuse(
                "registration-open",
                "pendaftaran belum ditutup",
                "registration has not been closed",
                "P14(1)",
            )

    def ensure_selectable(self, nip: str, envelope: Envelope, pack: RulePack = PACK) -> Candidate:
        """Also asked by the handler before it loads the employee's data."""
        self._ensure_registration_closed()
        if self.announced:
            raise refuse(
                "administrative-results-announced",
                "hasil seleksi administrasi sudah diumumkan",
                "the administrative results have been announced",
                "P14(3)",
            )
        candidate = self._candidate(nip)
        if candidate.awaiting_verification:
            raise refuse(
                "documents-not-verified",
                f"berkas pendaftaran web {candidate.nip} belum diverifikasi",
                f"the web registration of {candidate.nip} has no verified documents yet",
                "P13(3)",
            )
        ensure_recommended(candidate, pack)
        ensure_new(candidate.selection_ref, envelope, candidate.nip, "P14(1)")
        return candidate

    def _ensure_announceable(self) -> None:
        self._ensure_registration_closed()
        if self.announced:
            raise refuse(
                "already-announced",
                "hasil seleksi administrasi sudah diumumkan",
                "the administrative results have been announced already",
                "P14(3)",
            )
        waiting = sorted(n for n, c in self._candidates.items() if c.administrative_passed is None)
        if waiting:
            raise refuse(
                "selection-incomplete",
                f"belum diseleksi administrasi: {', '.join(waiting)}",
                f"not through administrative selection yet: {', '.join(waiting)}",
                "P14(3)",
            )


def ensure_recommended(candidate: Candidate, pack: RulePack) -> None:
    """Reading M3: by default the head of unit's recommendation (P13(2)) comes before the
    administrative selection, and before a web registrant's documents are verified."""
    if pack.reading(ReadingId.M3).chosen == "required" and not candidate.recommended:
        raise refuse(
            "not-recommended",
            f"{candidate.nip} belum mendapat rekomendasi Pimpinan Perangkat Daerah",
            f"{candidate.nip} has no recommendation from the head of unit yet",
            "P13(2)",
        )


def ensure_new(recorded: str, envelope: Envelope, nip: str, article: str) -> None:
    """A decision already recorded for ``nip`` is changed only by a correction that names the
    event it corrects (``envelope.corrects``), so the log says what replaced what."""
    if recorded and envelope.corrects != recorded:
        raise _already_recorded(recorded, nip, article)


def _already_recorded(recorded: str, nip: str, article: str) -> ScoutingRefusal:
    return refuse(
        "already-recorded",
        f"sudah dicatat untuk {nip} (peristiwa {recorded}); untuk koreksi isi corrects={recorded}",
        f"already recorded for {nip} (event {recorded}); to correct it, set corrects={recorded}",
        article,
    )
