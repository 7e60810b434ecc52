"""A vacant administrator or supervisor position filled from the talent pool (madiun-2021 P23-28).

Open, proposals by the head of unit, the board's shortlist of 3, the mayor's pick, inauguration.
The vacancy decides on what the caller gives it (the candidate's pool entry and rule results);
it reads no other aggregate.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.envelope import Envelope
from domain.rules.core import EligibilityResult, ReadingId, RequirementResult
from domain.rules.madiun import PACK
from domain.rules.pack import RulePack
from domain.scouting.pool import PoolEntry
from domain.scouting.refusals import VACANCY
from domain.scouting.stamps import stamped
from domain.scouting.tpk import TpkSession
from domain.scouting.vacancy_board import Shortlisting
from domain.scouting.vacancy_pick import Picking
from domain.scouting.vacancy_proposals import Proposing
from domain.scouting.vacancy_state import Lapse, Pick, Proposal, Shortlist, Standing, VacancyState
from domain.values import Nip, PositionLevel

_VACANCY_IDS = uuid5(NAMESPACE_URL, "talenta:vacancy")
LEVELS = (PositionLevel.ADMINISTRATOR, PositionLevel.SUPERVISOR)


def vacancy_id(agency: str, position: str, opened_on: date) -> UUID:
    return uuid5(_VACANCY_IDS, f"{agency}/{position}/{opened_on.isoformat()}")


class Vacancy(Proposing, Shortlisting, Picking, Aggregate):
    """The steps' checks come from one class per step, on the state the events below set
    (``domain.scouting.vacancy_state.VacancyRecord``)."""

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
            raise VACANCY.refused("level-not-in-scope", level=level)
        if camat and level is not PositionLevel.ADMINISTRATOR:
            raise VACANCY.refused("camat-is-administrator")
        return cls(
            agency=agency,
            position=position,
            unit=unit,
            level=str(level),
            camat=camat,
            opened_on=opened_on,
            envelope=stamped(envelope, "P23(1)"),
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
        self._ensure_proposer(envelope.actor.unit)
        checks = self._ensure_proposable(nip, entry, consideration, camat_check, on)
        assert entry is not None  # _ensure_proposable refuses a missing entry
        self._proposed(
            nip=str(nip),
            entry_id=entry.entry_id,
            by=envelope.actor.id,
            checks=[check.model_dump(mode="json") for check in checks],
            envelope=stamped(
                envelope,
                "P24 angka 1",
                "P24 angka 2",
                "P30(5)",
                *(("P30(2)",) if self.camat else ()),
                readings=PACK.uses(ReadingId.M7),
            ),
        )

    def shortlist(
        self,
        session: TpkSession,
        nips: list[str],
        justification: str,
        standing: Mapping[str, Standing],
        envelope: Envelope,
        pack: RulePack = PACK,
    ) -> None:
        """``standing``: for each listed NIP, their proposed entry and P30(5) on the minutes'
        date; the entry must still hold and P30(5) still be met (P22(1), P30(5)). The board's
        quorum is reading M1 of ``pack``, the size of the shortlist reading M2."""
        self._ensure_state(VacancyState.OPEN, "shortlist")
        quorum = session.ensure_constituted(pack)
        listed = [str(Nip(nip)) for nip in nips]
        size = pack.reading(ReadingId.M2).use()
        short = self._ensure_shortlistable(
            listed, justification, standing, envelope.effective, size.option == "relaxed"
        )
        self._shortlisted(
            session=session.to_event(),
            nips=listed,
            justification=justification.strip(),
            short=short,
            envelope=stamped(
                envelope,
                "P8(1)",
                "P8(2)",
                "P24 angka 3",
                "P24 angka 4",
                readings=(quorum, size),
            ),
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
        self._ensure_pickable(nip, decree_date, standing)
        self._picked(
            nip=str(Nip(nip)),
            decree_number=decree_number,
            decree_date=decree_date,
            envelope=stamped(envelope, "P24 angka 5", "P27(1)"),
        )

    def lapse_pick(self, entry: PoolEntry | None, envelope: Envelope) -> None:
        """The picked candidate's pool entry (``entry``, the one proposed; None only when
        nothing is picked) expired before the inauguration (P22(1), P28): the pick lapses and
        the vacancy is back at its shortlist, so the mayor may pick another shortlisted
        candidate (P24 angka 5)."""
        nip, lapsed = self._ensure_lapsed(entry, envelope.effective)
        self._pick_lapsed(
            nip=nip,
            reason="entry-expired",
            expired_on=lapsed.expires_on,
            envelope=stamped(envelope, "P22(1)", "P24 angka 5"),
        )

    def inaugurate(self, inaugurated_on: date, envelope: Envelope) -> None:
        nip = self._ensure_inaugurable(inaugurated_on)
        self._inaugurated(nip=nip, inaugurated_on=inaugurated_on, envelope=envelope.to_event())

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
