"""A vacant administrator or supervisor position filled from the talent pool (madiun-2021 P23-28).

Open, proposals by the head of unit, the board's shortlist of 3, the mayor's pick, inauguration.
The vacancy decides on what the caller gives it (the candidate's pool entry and rule results);
it reads no other aggregate.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event
from pydantic import BaseModel, ConfigDict

from domain.envelope import Envelope
from domain.rules.core import EligibilityResult, Message, RequirementResult
from domain.rules.madiun import PACK
from domain.scouting.errors import ScoutingRefusal, refuse
from domain.scouting.pool import PoolEntry
from domain.scouting.tpk import TpkSession
from domain.values import Nip, PositionLevel

_VACANCY_IDS = uuid5(NAMESPACE_URL, "talenta:vacancy")
SHORTLIST_SIZE = 3  # P24(4): three candidates per vacancy
LEVELS = (PositionLevel.ADMINISTRATOR, PositionLevel.SUPERVISOR)
# P30(5) requirement codes (domain.rules.madiun) and the refusal each failure gives.
_CONSIDERATION_REFUSALS = {
    "not-serving-penalty": "serving-penalty",
    "performance-not-poor": "poor-performance",
}


def vacancy_id(agency: str, position: str, opened_on: date) -> UUID:
    return uuid5(_VACANCY_IDS, f"{agency}/{position}/{opened_on.isoformat()}")


class VacancyState(StrEnum):
    OPEN = "open"
    SHORTLISTED = "shortlisted"
    PICKED = "picked"
    FILLED = "filled"


class Proposal(BaseModel):
    model_config = ConfigDict(frozen=True)

    nip: str
    entry_id: UUID
    by: str
    proposed_on: date


class Shortlist(BaseModel):
    model_config = ConfigDict(frozen=True)

    session: TpkSession
    nips: tuple[str, ...]
    justification: str
    short: bool  # fewer than three: flagged for audit


class Pick(BaseModel):
    model_config = ConfigDict(frozen=True)

    nip: str
    decree_number: str
    decree_date: date


class Lapse(BaseModel):
    model_config = ConfigDict(frozen=True)

    nip: str
    reason: str
    expired_on: date
    lapsed_on: date


class Standing(BaseModel):
    """What the caller found for a proposed candidate on the date of a later step: the pool
    entry they were proposed with and P30(5) on that date."""

    model_config = ConfigDict(frozen=True)

    entry: PoolEntry
    consideration: EligibilityResult


class Vacancy(Aggregate):
    class VacancyOpened(Aggregate.Created):
        agency: str
        position: str
        unit: str
        level: str
        camat: bool
        opened_on: date
        envelope: dict[str, Any]

    class CandidateProposed(Aggregate.Event):
        nip: str
        entry_id: UUID
        by: str
        checks: list[dict[str, Any]]
        envelope: dict[str, Any]

    class Shortlisted(Aggregate.Event):
        session: dict[str, Any]
        nips: list[str]
        justification: str
        short: bool
        envelope: dict[str, Any]

    class Picked(Aggregate.Event):
        nip: str
        decree_number: str
        decree_date: date
        envelope: dict[str, Any]

    class PickLapsed(Aggregate.Event):
        nip: str
        reason: str
        expired_on: date
        envelope: dict[str, Any]

    class Inaugurated(Aggregate.Event):
        nip: str
        inaugurated_on: date
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, position: str, opened_on: date, **_: Any) -> UUID:
        return vacancy_id(agency, position, opened_on)

    @event(VacancyOpened)
    def __init__(
        self,
        agency: str,
        position: str,
        unit: str,
        level: str,
        camat: bool,
        opened_on: date,
        envelope: dict[str, Any],
    ) -> None:
        self.agency = agency
        self.position = position
        self.unit = unit
        self.level = PositionLevel(level)
        self.camat = camat
        self.opened_on = opened_on
        self.state = VacancyState.OPEN
        self.proposals: dict[str, Proposal] = {}
        self.shortlisted: Shortlist | None = None
        self.picked: Pick | None = None
        self.lapses: list[Lapse] = []
        self.inaugurated_on: date | None = None

    @classmethod
    def open(
        cls,
        agency: str,
        position: str,
        unit: str,
        level: PositionLevel,
        camat: bool,
        opened_on: date,
        envelope: Envelope,
    ) -> Vacancy:
        PACK.ensure_in_force(opened_on)
        if level not in LEVELS:
            raise refuse(
                "level-not-in-scope",
                f"promosi dari Talent Pool hanya untuk jabatan Administrator dan Pengawas, "
                f"bukan {level}",
                f"promotion from the pool fills administrator and supervisor positions only, "
                f"not {level}",
                "P23(1)",
            )
        if camat and level is not PositionLevel.ADMINISTRATOR:
            raise refuse(
                "camat-is-administrator",
                "Camat adalah jabatan Administrator",
                "a Camat (sub-district head) is an administrator position",
                "P30(2)",
            )
        return cls(
            agency=agency,
            position=position,
            unit=unit,
            level=str(level),
            camat=camat,
            opened_on=opened_on,
            envelope=envelope.to_event(),
        )

    def propose(
        self,
        nip: str,
        entry: PoolEntry | None,
        consideration: EligibilityResult,
        camat_check: RequirementResult | None,
        envelope: Envelope,
    ) -> None:
        """``entry``: the candidate's pool entry valid on the proposal date, else their latest
        (so an expired one is named), else None; ``consideration``: P30(5) on that date;
        ``camat_check``: P30(2), needed when the vacancy is a Camat's."""
        nip = Nip(nip)
        on = envelope.effective
        self._ensure_state(VacancyState.OPEN, "propose")
        if nip in self.proposals:
            raise refuse(
                "already-proposed",
                f"NIP {nip} sudah diusulkan untuk jabatan ini",
                f"NIP {nip} is already proposed for this position",
                "P24(1)",
            )
        if entry is None or entry.nip != nip:
            raise refuse(
                "not-pool-member",
                f"NIP {nip} tidak masuk dalam Daftar Talent Pool",
                f"NIP {nip} is not in the talent pool",
                "P23(2)",
            )
        if entry.level is not self.level:
            raise refuse(
                "level-mismatch",
                f"NIP {nip} masuk Talent Pool {entry.level}, jabatan ini {self.level}",
                f"NIP {nip} is in the {entry.level} pool, this position is {self.level}",
                "P23(2)",
            )
        if entry.agency != self.agency:
            raise refuse(
                "other-agency-entry",
                f"entri Talent Pool NIP {nip} (keputusan {entry.decree_number}) milik "
                f"{entry.agency}, jabatan ini milik {self.agency}",
                f"NIP {nip}'s pool entry (decree {entry.decree_number}) belongs to "
                f"{entry.agency}, this position to {self.agency}",
                "P23(2)",
            )
        entry.ensure_valid_on(on)
        _ensure_considerable(consideration)
        checks = list(consideration.requirements)
        if self.camat:
            if camat_check is None or not camat_check.passed:
                raise refuse(
                    "camat-not-qualified",
                    "Camat harus berijazah pemerintahan atau bersertifikat keparamongprajaan",
                    "a Camat needs a government-science diploma or a governance certificate",
                    "P30(2)",
                )
            checks.append(camat_check)
        self._proposed(
            nip=str(nip),
            entry_id=entry.entry_id,
            by=envelope.actor.id,
            checks=[check.model_dump(mode="json") for check in checks],
            envelope=envelope.to_event(),
        )

    def shortlist(
        self,
        session: TpkSession,
        nips: list[str],
        justification: str,
        standing: Mapping[str, Standing],
        envelope: Envelope,
    ) -> None:
        """``standing``: for each listed NIP, their proposed entry and P30(5) on the minutes'
        date; the entry must still hold and P30(5) still be met (P22(1), P30(5))."""
        self._ensure_state(VacancyState.OPEN, "shortlist")
        session.ensure_constituted()
        listed = [str(Nip(nip)) for nip in nips]
        strangers = [nip for nip in listed if nip not in self.proposals]
        if strangers:
            raise refuse(
                "not-proposed",
                f"tidak diusulkan Kepala Perangkat Daerah: {', '.join(strangers)}",
                f"not proposed by the head of unit: {', '.join(strangers)}",
                "P24(3)",
            )
        if len(set(listed)) != len(listed) or not listed or len(listed) > SHORTLIST_SIZE:
            raise refuse(
                "shortlist-size",
                f"pertimbangan Tim Penilai Kinerja memuat {SHORTLIST_SIZE} PNS berbeda, "
                f"tercatat {len(listed)}",
                f"the board considers {SHORTLIST_SIZE} distinct candidates, got {len(listed)}",
                "P24(4)",
            )
        short = len(listed) < SHORTLIST_SIZE
        if short and not justification.strip():
            raise refuse(
                "shortlist-short",
                f"kurang dari {SHORTLIST_SIZE} PNS hanya dengan alasan tertulis",
                f"fewer than {SHORTLIST_SIZE} candidates only with a written justification",
                "P24(4)",
            )
        for nip in listed:
            self._ensure_standing(nip, standing, envelope.effective)
        self._shortlisted(
            session=session.to_event(),
            nips=listed,
            justification=justification.strip(),
            short=short,
            envelope=envelope.to_event(),
        )

    def pick(
        self,
        nip: str,
        decree_number: str,
        decree_date: date,
        standing: Mapping[str, Standing],
        envelope: Envelope,
    ) -> None:
        """``standing``: the picked NIP's proposed entry and P30(5) on the decree date."""
        self._ensure_state(VacancyState.SHORTLISTED, "pick")
        assert self.shortlisted is not None
        if Nip(nip) not in self.shortlisted.nips:
            raise refuse(
                "not-shortlisted",
                f"NIP {nip} tidak termasuk 3 PNS pertimbangan Tim Penilai Kinerja",
                f"NIP {nip} is not among the board's shortlisted candidates",
                "P24(5)",
            )
        lapsed = next((lapse for lapse in self.lapses if lapse.nip == Nip(nip)), None)
        if lapsed is not None:
            raise refuse(
                "pick-lapsed",
                f"pilihan NIP {nip} gugur {lapsed.lapsed_on}: entri Talent Pool berakhir "
                f"{lapsed.expired_on}",
                f"the pick of NIP {nip} lapsed on {lapsed.lapsed_on}: the pool entry expired on "
                f"{lapsed.expired_on}",
                "P22(1)",
            )
        if self.lapses and decree_date < self.lapses[-1].lapsed_on:
            raise refuse(
                "pick-before-lapse",
                f"keputusan {decree_date} mendahului gugurnya pilihan sebelumnya "
                f"({self.lapses[-1].lapsed_on})",
                f"the decree of {decree_date} precedes the lapse of the previous pick "
                f"({self.lapses[-1].lapsed_on})",
                "P24(5)",
            )
        self._ensure_standing(str(Nip(nip)), standing, decree_date)
        self._picked(
            nip=str(Nip(nip)),
            decree_number=decree_number,
            decree_date=decree_date,
            envelope=envelope.to_event(),
        )

    def lapse_pick(self, entry: PoolEntry | None, envelope: Envelope) -> None:
        """The picked candidate's pool entry (``entry``, the one proposed; None only when
        nothing is picked) expired before the inauguration (P22(1), P28): the pick lapses and
        the vacancy is back at its shortlist, so the mayor may pick another shortlisted
        candidate (P24(5))."""
        self._ensure_state(VacancyState.PICKED, "lapse-pick")
        assert self.picked is not None
        nip = self.picked.nip
        if entry is None or entry.entry_id != self.proposals[nip].entry_id:
            raise ValueError(f"not the entry NIP {nip} was proposed with: {entry}")
        on = envelope.effective
        if on < entry.held_until or entry.used is not None:
            raise refuse(
                "pick-not-lapsed",
                f"entri Talent Pool NIP {nip} masih berlaku pada {on} (sampai sebelum "
                f"{entry.expires_on}); pilihan tidak gugur",
                f"NIP {nip}'s pool entry still holds on {on} (until before {entry.expires_on}); "
                "the pick has not lapsed",
                "P22(1)",
            )
        self._pick_lapsed(
            nip=nip,
            reason="entry-expired",
            expired_on=entry.expires_on,
            envelope=envelope.to_event(),
        )

    def inaugurate(self, inaugurated_on: date, envelope: Envelope) -> None:
        self._ensure_state(VacancyState.PICKED, "inaugurate")
        assert self.picked is not None
        decreed = self.picked.decree_date
        if inaugurated_on < decreed:
            raise refuse(
                "inaugurated-before-decree",
                f"pelantikan {inaugurated_on} sebelum keputusan {decreed}",
                f"inauguration on {inaugurated_on} precedes the decree of {decreed}",
                "P27(1)",
            )
        self._inaugurated(
            nip=self.picked.nip, inaugurated_on=inaugurated_on, envelope=envelope.to_event()
        )

    def _ensure_standing(self, nip: str, standing: Mapping[str, Standing], on: date) -> None:
        """The candidate's proposed entry still holds on ``on`` and P30(5) is still met."""
        found = standing.get(nip)
        if found is None or found.entry.entry_id != self.proposals[nip].entry_id:
            raise ValueError(f"no standing given for NIP {nip}'s proposed entry")
        try:
            found.entry.ensure_valid_on(on)
            _ensure_considerable(found.consideration)
        except ScoutingRefusal as refused:
            raise ScoutingRefusal(
                refused.code,
                Message(
                    id=f"NIP {nip}: {refused.message.id}", en=f"NIP {nip}: {refused.message.en}"
                ),
                refused.citation,
            ) from None

    def _ensure_state(self, expected: VacancyState, step: str) -> None:
        if self.state is not expected:
            raise refuse(
                "wrong-stage",
                f"langkah {step} hanya pada tahap {expected}; jabatan ini pada tahap {self.state}",
                f"{step} is allowed at stage {expected} only; this vacancy is {self.state}",
                "P24",
            )

    @event(CandidateProposed)
    def _proposed(
        self,
        nip: str,
        entry_id: UUID,
        by: str,
        checks: list[dict[str, Any]],
        envelope: dict[str, Any],
    ) -> None:
        on = Envelope.from_event(envelope).effective
        self.proposals[nip] = Proposal(nip=nip, entry_id=entry_id, by=by, proposed_on=on)

    @event(Shortlisted)
    def _shortlisted(
        self,
        session: dict[str, Any],
        nips: list[str],
        justification: str,
        short: bool,
        envelope: dict[str, Any],
    ) -> None:
        self.shortlisted = Shortlist(
            session=TpkSession.model_validate(session),
            nips=tuple(nips),
            justification=justification,
            short=short,
        )
        self.state = VacancyState.SHORTLISTED

    @event(Picked)
    def _picked(
        self, nip: str, decree_number: str, decree_date: date, envelope: dict[str, Any]
    ) -> None:
        self.picked = Pick(nip=nip, decree_number=decree_number, decree_date=decree_date)
        self.state = VacancyState.PICKED

    @event(PickLapsed)
    def _pick_lapsed(
        self, nip: str, reason: str, expired_on: date, envelope: dict[str, Any]
    ) -> None:
        on = Envelope.from_event(envelope).effective
        self.lapses.append(Lapse(nip=nip, reason=reason, expired_on=expired_on, lapsed_on=on))
        self.picked = None
        self.state = VacancyState.SHORTLISTED

    @event(Inaugurated)
    def _inaugurated(self, nip: str, inaugurated_on: date, envelope: dict[str, Any]) -> None:
        self.inaugurated_on = inaugurated_on
        self.state = VacancyState.FILLED


def _ensure_considerable(consideration: EligibilityResult) -> None:
    """P30(5): not serving a moderate/severe penalty, performance not poor."""
    failures = consideration.failures
    if failures:
        first = failures[0]
        raise refuse(
            _CONSIDERATION_REFUSALS.get(first.code, "not-considerable"),
            "; ".join(f.message.id for f in failures),
            "; ".join(f.message.en for f in failures),
            first.citation.article if first.citation else "P30(5)",
        )
