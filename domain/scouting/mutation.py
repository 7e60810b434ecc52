"""Mutation between administrator/supervisor positions (madiun-2021 P25-26) and the 5-year
tenure review (P25(3)): proposed by the head of unit, considered by the board, decided by the mayor.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event
from pydantic import BaseModel, ConfigDict

from domain.envelope import Envelope
from domain.personnel.facts import PersonnelFacts
from domain.rules.calendar import ClockId
from domain.rules.core import ReadingId
from domain.rules.madiun import PACK
from domain.scouting.refusals import MUTATION
from domain.scouting.stamps import stamped
from domain.scouting.tpk import TpkSession
from domain.scouting.vacancy import LEVELS
from domain.values import Nip, PositionLevel

_MUTATION_IDS = uuid5(NAMESPACE_URL, "talenta:mutation")
_TENURE_IDS = uuid5(NAMESPACE_URL, "talenta:tenure-review")


class MutationState(StrEnum):
    PROPOSED = "proposed"
    RECOMMENDED = "recommended"
    DECIDED = "decided"


class MutationGrounds(BaseModel):
    """P25(1), P26 angka 1: the objective comparison the proposal rests on."""

    model_config = ConfigDict(frozen=True)

    qualification: str
    competence: str
    performance: str
    years_in_position: int


def mutation_id(agency: str, nip: str, to_position: str, proposed_on: date) -> UUID:
    return uuid5(_MUTATION_IDS, f"{agency}/{Nip(nip)}/{to_position}/{proposed_on.isoformat()}")


class Mutation(Aggregate):
    class MutationProposed(Aggregate.Created):
        agency: str
        nip: str
        level: str
        from_position: str
        to_position: str
        unit: str
        proposed_on: date
        grounds: dict[str, Any]
        envelope: dict[str, Any]

    class MutationRecommended(Aggregate.Event):
        session: dict[str, Any]
        recommended: bool
        note: str
        envelope: dict[str, Any]

    class MutationDecided(Aggregate.Event):
        approved: bool
        decree_number: str
        decree_date: date
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, nip: str, to_position: str, proposed_on: date, **_: Any) -> UUID:
        return mutation_id(agency, nip, to_position, proposed_on)

    @event(MutationProposed)
    def __init__(
        self,
        agency: str,
        nip: str,
        level: str,
        from_position: str,
        to_position: str,
        unit: str,
        proposed_on: date,
        grounds: dict[str, Any],
        envelope: dict[str, Any],
    ) -> None:
        self.agency = agency
        self.nip = nip
        self.level = PositionLevel(level)
        self.to_position = to_position
        self.unit = unit
        self.state = MutationState.PROPOSED
        self.recommended: bool | None = None
        self.approved: bool | None = None

    @classmethod
    def propose(
        cls,
        agency: str,
        nip: str,
        level: PositionLevel,
        from_position: str,
        to_position: str,
        unit: str,
        grounds: MutationGrounds,
        envelope: Envelope,
    ) -> Mutation:
        PACK.ensure_in_force(envelope.effective)
        if level not in LEVELS:
            raise MUTATION.refused("level-not-in-scope", level=level)
        return cls(
            agency=agency,
            nip=str(Nip(nip)),
            level=str(level),
            from_position=from_position,
            to_position=to_position,
            unit=unit,
            proposed_on=envelope.effective,
            grounds=grounds.model_dump(mode="json"),
            envelope=stamped(envelope, "P25(1)", "P26 angka 1"),
        )

    def recommend(
        self, session: TpkSession, recommended: bool, note: str, envelope: Envelope
    ) -> None:
        self._ensure_state(MutationState.PROPOSED, "P26 angka 2")
        quorum = session.ensure_constituted()
        self._recommended(
            session=session.to_event(),
            recommended=recommended,
            note=note,
            envelope=stamped(
                envelope, "P8(1)", "P8(2)", "P26 angka 2", "P26 angka 3", readings=(quorum,)
            ),
        )

    def decide(
        self, approved: bool, decree_number: str, decree_date: date, envelope: Envelope
    ) -> None:
        # P26 angka 4: the mayor decides "with regard to" the board, so may depart from it; the
        # envelope's reason records why.
        self._ensure_state(MutationState.RECOMMENDED, "P26 angka 4")
        self._decided(
            approved=approved,
            decree_number=decree_number,
            decree_date=decree_date,
            envelope=stamped(envelope, "P26 angka 4"),
        )

    def _ensure_state(self, expected: MutationState, article: str) -> None:
        if self.state is not expected:
            raise MUTATION.refused(
                "wrong-stage", article=article, state=self.state, expected=expected
            )

    @event(MutationRecommended)
    def _recommended(
        self, session: dict[str, Any], recommended: bool, note: str, envelope: dict[str, Any]
    ) -> None:
        self.recommended = recommended
        self.state = MutationState.RECOMMENDED

    @event(MutationDecided)
    def _decided(
        self, approved: bool, decree_number: str, decree_date: date, envelope: dict[str, Any]
    ) -> None:
        self.approved = approved
        self.state = MutationState.DECIDED


class TenureDue(BaseModel):
    model_config = ConfigDict(frozen=True)

    review_id: UUID
    due_on: date


def tenure_review_due(nip: str, position: str, inaugurated_on: date) -> TenureDue:
    """P25(3): five calendar years after the inauguration (reading D7) the mayor reviews."""
    return TenureDue(
        review_id=uuid5(_TENURE_IDS, f"{Nip(nip)}/{position}/{inaugurated_on.isoformat()}"),
        due_on=PACK.clock(ClockId.TENURE).deadline(inaugurated_on),
    )


def tenure_in_post(facts: PersonnelFacts, on: date) -> tuple[str, date] | None:
    """P25(3) holds for every administrator and supervisor in post, whatever brought them there:
    the position held on ``on`` and the day its 5 years count from (the inauguration, else the
    position's start); None for anyone else."""
    spell = facts.position_on(on) if facts.active else None
    if spell is None or spell.level not in LEVELS:
        return None
    return spell.title, spell.inauguration or spell.start


class TenureReview(Aggregate):
    """Started by the inauguration; the system reminds ahead; the mayor extends or not."""

    class TenureStarted(Aggregate.Created):
        nip: str
        agency: str
        position: str
        inaugurated_on: date
        due_on: date
        envelope: dict[str, Any]

    class TenureReminderSent(Aggregate.Event):
        lead_days: int
        envelope: dict[str, Any]

    class TenureDecided(Aggregate.Event):
        extend: bool
        decree_number: str
        decree_date: date
        envelope: dict[str, Any]

    @staticmethod
    def create_id(nip: str, position: str, inaugurated_on: date, **_: Any) -> UUID:
        return tenure_review_due(nip, position, inaugurated_on).review_id

    @event(TenureStarted)
    def __init__(
        self,
        nip: str,
        agency: str,
        position: str,
        inaugurated_on: date,
        due_on: date,
        envelope: dict[str, Any],
    ) -> None:
        self.nip = nip
        self.agency = agency
        self.position = position
        self.due_on = due_on
        self.reminders: set[int] = set()
        self.extend: bool | None = None

    @classmethod
    def start(
        cls, nip: str, agency: str, position: str, inaugurated_on: date, envelope: Envelope
    ) -> TenureReview:
        due = tenure_review_due(nip, position, inaugurated_on)
        return cls(
            nip=str(Nip(nip)),
            agency=agency,
            position=position,
            inaugurated_on=inaugurated_on,
            due_on=due.due_on,
            envelope=envelope.to_event(),
        )

    def remind(self, lead_days: int, envelope: Envelope) -> bool:
        """Once per lead time, and not after the decision."""
        if lead_days in self.reminders or self.extend is not None:
            return False
        self._reminded(
            lead_days=lead_days,
            envelope=stamped(envelope, "P25(3)", readings=PACK.uses(ReadingId.D7)),
        )
        return True

    def decide(
        self, extend: bool, decree_number: str, decree_date: date, envelope: Envelope
    ) -> None:
        if self.extend is not None:
            raise MUTATION.refused("tenure-decided")
        if decree_date < self.due_on:
            raise MUTATION.refused("tenure-not-due", due_on=self.due_on)
        self._decided(
            extend=extend,
            decree_number=decree_number,
            decree_date=decree_date,
            envelope=stamped(envelope, "P25(3)", readings=PACK.uses(ReadingId.D7)),
        )

    @event(TenureReminderSent)
    def _reminded(self, lead_days: int, envelope: dict[str, Any]) -> None:
        self.reminders.add(lead_days)

    @event(TenureDecided)
    def _decided(
        self, extend: bool, decree_number: str, decree_date: date, envelope: dict[str, Any]
    ) -> None:
        self.extend = extend
