"""The checks of a vacancy's steps (madiun-2021 P22-24, P30), each refusing with the article it
would break.

Kept apart from ``vacancy.py`` so that the aggregate reads as its events and commands; the checks
read the vacancy's state and what the caller gives and never record anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from domain.rules.core import EligibilityResult, Message, RequirementResult
from domain.scouting.errors import ScoutingRefusal, refuse
from domain.scouting.pool import PoolEntry
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
            raise refuse(
                "not-head-of-vacancy-unit",
                f"usul promosi untuk jabatan pada {self.unit} diajukan oleh Kepala Perangkat "
                f"Daerah tersebut, bukan oleh pimpinan {unit or '(unit tidak tercatat)'}",
                f"a proposal for a position in {self.unit} is made by that unit's head, not by "
                f"the head of {unit or '(no unit recorded)'}",
                "P24 angka 1",
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
            raise refuse(
                "already-proposed",
                f"NIP {nip} sudah diusulkan untuk jabatan ini",
                f"NIP {nip} is already proposed for this position",
                "P24 angka 1",
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
        ensure_considerable(consideration)
        checks = list(consideration.requirements)
        if self.camat:
            if camat_check is None or not camat_check.passed:
                reason = camat_check.message if camat_check is not None else None
                raise refuse(
                    "camat-not-qualified",
                    "Camat harus berijazah diploma/sarjana pemerintahan atau bersertifikat profesi "
                    f"keparamongprajaan{f' ({reason.id})' if reason else ''}",
                    "a Camat needs a government-science diploma or degree or the "
                    f"keparamongprajaan certificate{f' ({reason.en})' if reason else ''}",
                    "P30(2)",
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
            raise refuse(
                "not-proposed",
                f"tidak diusulkan Kepala Perangkat Daerah: {', '.join(strangers)}",
                f"not proposed by the head of unit: {', '.join(strangers)}",
                "P24 angka 3",
            )
        if len(set(listed)) != len(listed) or not listed or len(listed) > SHORTLIST_SIZE:
            raise refuse(
                "shortlist-size",
                f"pertimbangan Tim Penilai Kinerja memuat {SHORTLIST_SIZE} PNS berbeda, "
                f"tercatat {len(listed)}",
                f"the board considers {SHORTLIST_SIZE} distinct candidates, got {len(listed)}",
                "P24 angka 4",
            )
        short = len(listed) < SHORTLIST_SIZE
        if short and not relaxed:
            raise refuse(
                "shortlist-short",
                f"pertimbangan Tim Penilai Kinerja sejumlah {SHORTLIST_SIZE} PNS per kekosongan "
                f"Jabatan, tercatat {len(listed)}; jabatan tetap kosong atau diisi dengan cara "
                "lain yang sah",
                f"the board puts forward {SHORTLIST_SIZE} candidates per vacancy, got "
                f"{len(listed)}; the vacancy stays open or is filled another lawful way",
                "P24 angka 4",
            )
        if short and not justification.strip():
            raise refuse(
                "shortlist-short",
                f"kurang dari {SHORTLIST_SIZE} PNS hanya dengan alasan tertulis",
                f"fewer than {SHORTLIST_SIZE} candidates only with a written justification",
                "P24 angka 4",
            )
        for nip in listed:
            self._ensure_standing(nip, standing, on)
        return short

    def _ensure_pickable(
        self, nip: str, decree_date: date, standing: Mapping[str, Standing]
    ) -> None:
        assert self.shortlisted is not None
        if Nip(nip) not in self.shortlisted.nips:
            raise refuse(
                "not-shortlisted",
                f"NIP {nip} tidak termasuk 3 PNS pertimbangan Tim Penilai Kinerja",
                f"NIP {nip} is not among the board's shortlisted candidates",
                "P24 angka 5",
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
                "P24 angka 5",
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


def ensure_considerable(consideration: EligibilityResult) -> None:
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
