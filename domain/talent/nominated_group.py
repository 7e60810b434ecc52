"""The talent team's group from the nominations (balikpapan-2022 P16(2) "Tim Manajemen Talenta ASN
menetapkan kelompok berdasarkan nominasi"): the step between the nominations (P16(1)) and the
PPK's decree of the succession group (P17(3)), which may hold only the talents set here.

Binjai has no such step: its PPK decrees the group (P29(3)) and nominates from it (P22).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event
from pydantic import BaseModel, ConfigDict

from domain.envelope import Envelope
from domain.rules.pack import RulePack
from domain.talent.critical import cycle_on
from domain.talent.planning import ensure_period
from domain.talent.refusals import NOMINATED_GROUP
from domain.talent.stamps import stamped
from domain.talent.succession_values import DecreedGroup, Nomination
from domain.values import Nip

_NOMINATED_GROUP_IDS = uuid5(NAMESPACE_URL, "talenta:nominated-group")


def nominated_group_id(agency: str, period: str) -> UUID:
    return uuid5(_NOMINATED_GROUP_IDS, f"{agency}/{period}")


class NominatedMember(BaseModel):
    """A talent the team puts in the group, with the nomination it rests on as the caller found
    it in the plan (None: the plan holds no nomination of this NIP)."""

    model_config = ConfigDict(frozen=True)

    plan_id: UUID
    nip: str
    nomination: Nomination | None


class NominatedGroup(Aggregate):
    class GroupNominated(Aggregate.Created):
        agency: str
        period: str
        members: list[dict[str, Any]]
        reference: str
        decided_on: date
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, period: str, **_: Any) -> UUID:
        return nominated_group_id(agency, period)

    @event(GroupNominated)
    def __init__(
        self,
        agency: str,
        period: str,
        members: list[dict[str, Any]],
        reference: str,
        decided_on: date,
        envelope: dict[str, Any],
    ) -> None:
        self.agency = agency
        self.period = period
        self.members = {str(m["nip"]): UUID(str(m["plan_id"])) for m in members}
        self.reference = reference
        self.decided_on = decided_on

    @property
    def as_group(self) -> DecreedGroup:
        return DecreedGroup(
            period=self.period, reference=self.reference, members=frozenset(self.members)
        )

    @classmethod
    def set(
        cls,
        agency: str,
        period: str,
        members: Sequence[NominatedMember],
        reference: str,
        pack: RulePack,
        envelope: Envelope,
    ) -> NominatedGroup:
        """The team sets the group on ``envelope.effective`` from nominations made by then."""
        on = envelope.effective
        cycle = cycle_on(pack, on)
        citation = cycle.nominated_group_citation
        if citation is None:
            raise NOMINATED_GROUP.refused(
                "no-nominated-group-step",
                cycle.group_citation,
                regulation=pack.regulation,
                group_citation=cycle.group_citation,
            )
        if envelope.actor.role is not cycle.nominator:
            # P16(1)-(2): the team that nominates sets the group from its nominations.
            raise NOMINATED_GROUP.refused(
                "wrong-group-nominator",
                citation,
                nominator=cycle.nominator,
                role=envelope.actor.role,
            )
        nips = [str(Nip(member.nip)) for member in members]
        missing = [
            nip
            for nip, member in zip(nips, members, strict=True)
            if member.nomination is None or member.nomination.nominated_on > on
        ]
        if not nips or missing or len(set(nips)) != len(nips):
            raise NOMINATED_GROUP.refused(
                "group-not-from-nominations", citation, on=on, missing=", ".join(missing) or "-"
            )
        return cls(
            agency=agency,
            period=ensure_period(period),
            members=[
                {"nip": nip, "plan_id": str(member.plan_id)}
                for nip, member in zip(nips, members, strict=True)
            ],
            reference=reference,
            decided_on=on,
            envelope=stamped(envelope, pack, citation),
        )
