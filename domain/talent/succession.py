"""Succession (Binjai P21-22, P29; Balikpapan P15-17): the group of boxes 7-9 set by decree, and
per target position the nominations by the pack's nominator and the ordered successors with their
projected placement. The aggregates decide on the assessments, personnel facts and recorded
groups the caller gives them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.envelope import Envelope
from domain.rules.core import ReadingId
from domain.rules.cycle import CycleRules
from domain.rules.pack import RulePack
from domain.talent.critical import cycle_on
from domain.talent.mapping import Assessment
from domain.talent.planning import ensure_period
from domain.talent.refusals import SUCCESSION
from domain.talent.stamps import stamped
from domain.talent.succession_rules import (
    ensure_in_decreed_group,
    ensure_talent_status,
    ensure_target_level,
    in_group,
)
from domain.talent.succession_values import (
    DecreedGroup,
    Nomination,
    Successor,
    TalentFacts,
    TargetStatus,
)
from domain.values import Nip, PositionLevel

_GROUP_IDS = uuid5(NAMESPACE_URL, "talenta:succession-group")
_PLAN_IDS = uuid5(NAMESPACE_URL, "talenta:succession-plan")


def group_id(agency: str, period: str) -> UUID:
    return uuid5(_GROUP_IDS, f"{agency}/{period}")


def succession_plan_id(agency: str, unit: str, position: str) -> UUID:
    """``uuid5(agency/unit/position)``: a position of the same title in another unit is another
    target, as with critical positions."""
    return uuid5(_PLAN_IDS, f"{agency}/{unit}/{position}")


class SuccessionGroup(Aggregate):
    class GroupSet(Aggregate.Created):
        agency: str
        period: str
        members: list[dict[str, Any]]
        decree_number: str
        decree_date: date
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, period: str, **_: Any) -> UUID:
        return group_id(agency, period)

    @event(GroupSet)
    def __init__(
        self,
        agency: str,
        period: str,
        members: list[dict[str, Any]],
        decree_number: str,
        decree_date: date,
        envelope: dict[str, Any],
    ) -> None:
        self.agency = agency
        self.period = period
        self.members = {str(m["nip"]): int(m["box"]) for m in members}
        self.decree_number = decree_number
        self.decree_date = decree_date

    @classmethod
    def decree(
        cls,
        agency: str,
        period: str,
        members: Mapping[str, Assessment | None],
        decree_number: str,
        decree_date: date,
        pack: RulePack,
        envelope: Envelope,
        *,
        talents: Mapping[str, TalentFacts],
        nominated: DecreedGroup | None,
    ) -> SuccessionGroup:
        """``members``: each NIP with its assessment in force on the decree date; ``talents``:
        what their personnel records say on that date; ``nominated``: the group the talent team
        set from the nominations for the period, where the pack has that step (Balikpapan
        P16(2)), None when it recorded none."""
        cycle = cycle_on(pack, decree_date)
        if envelope.actor.role is not cycle.group_setter:
            raise SUCCESSION.refused(
                "wrong-group-setter",
                cycle.group_citation,
                group_setter=cycle.group_setter,
                role=envelope.actor.role,
            )
        if not members:
            raise SUCCESSION.refused("empty-group", cycle.group_citation)
        boxes = {
            str(Nip(nip)): in_group(nip, assessment, pack, decree_date)
            for nip, assessment in members.items()
        }
        for nip in boxes:
            ensure_talent_status(
                nip, talents[nip], cycle, "ditetapkan dalam kelompok/decreed into the group"
            )
            if cycle.nominated_group_citation is not None:
                ensure_in_decreed_group(
                    nip,
                    period,
                    nominated,
                    cycle.nominated_group_citation,
                    "kelompok dari nominasi oleh Tim Manajemen Talenta/the talent team's group "
                    "from the nominations",
                )
        return cls(
            agency=agency,
            period=ensure_period(period),
            members=[{"nip": nip, "box": box} for nip, box in boxes.items()],
            decree_number=decree_number,
            decree_date=decree_date,
            envelope=stamped(
                envelope,
                pack,
                cycle.group_citation,
                cycle.plan_citation,
                *((cycle.nominated_group_citation,) if cycle.nominated_group_citation else ()),
            ),
        )


class SuccessionPlan(Aggregate):
    class TargetDeclared(Aggregate.Created):
        agency: str
        position: str
        unit: str
        level: str
        critical_position_id: str
        status: str
        envelope: dict[str, Any]

    class Nominated(Aggregate.Event):
        nip: str
        box: int
        assessment: str
        justification: str
        envelope: dict[str, Any]

    class SuccessorsOrdered(Aggregate.Event):
        successors: list[dict[str, Any]]
        envelope: dict[str, Any]

    class Filled(Aggregate.Event):
        """The target position filled by a placement, saved with the placement itself."""

        nip: str
        placement_id: UUID
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, position: str, unit: str, **_: Any) -> UUID:
        return succession_plan_id(agency, unit, position)

    @event(TargetDeclared)
    def __init__(
        self,
        agency: str,
        position: str,
        unit: str,
        level: str,
        critical_position_id: str,
        status: str,
        envelope: dict[str, Any],
    ) -> None:
        self.agency = agency
        self.position = position
        self.unit = unit
        self.level = PositionLevel(level)
        self.critical_position_id = UUID(critical_position_id) if critical_position_id else None
        self.status = TargetStatus(status)
        self.nominations: dict[str, Nomination] = {}
        self.successors: tuple[Successor, ...] = ()
        self.filled_by: str | None = None
        self.placement_id: UUID | None = None

    @classmethod
    def declare(
        cls,
        agency: str,
        position: str,
        unit: str,
        level: PositionLevel,
        critical_position_id: UUID | None,
        status: TargetStatus,
        pack: RulePack,
        envelope: Envelope,
    ) -> SuccessionPlan:
        cycle = cycle_on(pack, envelope.effective)
        return cls(
            agency=agency,
            position=position,
            unit=unit,
            level=str(level),
            critical_position_id=str(critical_position_id or ""),
            status=str(status),
            envelope=stamped(envelope, pack, cycle.plan_citation),
        )

    def nominate(
        self,
        nip: str,
        assessment: Assessment | None,
        justification: str,
        pack: RulePack,
        envelope: Envelope,
        *,
        talent: TalentFacts,
        group: DecreedGroup | None,
    ) -> Nomination:
        """``assessment``: the nominee's assessment in force on the nomination date; ``talent``:
        their personnel record on that date; ``group``: the group decreed for the assessment's
        period (None: none decreed), which the PPK nominates from where the pack says so
        (Binjai P22); in Balikpapan the nominations come first (P16(1)-(2))."""
        on = envelope.effective
        cycle = cycle_on(pack, on)
        nip = str(Nip(nip))
        role = envelope.actor.role
        if role is not cycle.nominator:
            raise SUCCESSION.refused(
                "wrong-nominator", cycle.nomination_citation, nominator=cycle.nominator, role=role
            )
        if not justification.strip():
            raise SUCCESSION.refused("justification-missing", cycle.nomination_citation)
        if nip in self.nominations:
            raise SUCCESSION.refused(
                "already-nominated", cycle.nomination_citation, nip=nip, position=self.position
            )
        box = in_group(nip, assessment, pack, on)
        assert assessment is not None  # _in_group refuses an unassessed nominee
        ensure_talent_status(nip, talent, cycle, "dinominasikan/nominated")
        if cycle.nomination_needs_decreed_group:
            ensure_in_decreed_group(
                nip,
                assessment.period,
                group,
                cycle.nomination_citation,
                f"keputusan PPK, {cycle.group_citation}/the PPK's decree, {cycle.group_citation}",
            )
        ensure_target_level(
            nip, talent, self.level, self.critical_position_id is not None, pack, cycle
        )
        target_rule = (cycle.target_level_citation,) if cycle.target_level_citation else ()
        self._nominated(
            nip=nip,
            box=box,
            assessment=assessment.ref,
            justification=justification.strip(),
            envelope=stamped(
                envelope,
                pack,
                cycle.nomination_citation,
                cycle.group_citation,
                *target_rule,
                readings=pack.uses(ReadingId.C1) if target_rule else (),
            ),
        )
        return self.nominations[nip]

    def order_successors(
        self, successors: Sequence[Successor], pack: RulePack, envelope: Envelope
    ) -> tuple[Successor, ...]:
        """``successors`` in their order of placement into the target position."""
        on = envelope.effective
        cycle = cycle_on(pack, on)
        nips = [str(Nip(s.nip)) for s in successors]
        strangers = [nip for nip in nips if nip not in self.nominations]
        early = [s.nip for s in successors if s.projected_date < on]
        if not nips or strangers or len(set(nips)) != len(nips) or early:
            raise SUCCESSION.refused(
                "successors-not-nominated",
                cycle.plan_citation,
                on=on,
                strangers=", ".join(strangers) or "-",
                early=", ".join(early) or "-",
            )
        ordered = [
            s.model_copy(update={"nip": nip, "order": index})
            for index, (nip, s) in enumerate(zip(nips, successors, strict=True), start=1)
        ]
        self._successors_ordered(
            successors=[s.model_dump(mode="json") for s in ordered],
            envelope=stamped(envelope, pack, cycle.plan_citation),
        )
        return self.successors

    def fill(self, nip: str, placement_id: UUID, cycle: CycleRules, envelope: Envelope) -> None:
        """The target position is filled by ``placement_id``; a second placement is refused."""
        self.ensure_unfilled(cycle)
        self._filled(
            nip=str(Nip(nip)),
            placement_id=placement_id,
            envelope=envelope.citing(cycle.placement_citation).to_event(),
        )

    def ensure_unfilled(self, cycle: CycleRules) -> None:
        if self.filled_by is not None:
            raise SUCCESSION.refused(
                "target-filled",
                cycle.placement_citation,
                position=self.position,
                unit=self.unit,
                filled_by=self.filled_by,
            )

    @event(Nominated)
    def _nominated(
        self, nip: str, box: int, assessment: str, justification: str, envelope: dict[str, Any]
    ) -> None:
        self.nominations[nip] = Nomination(
            nip=nip,
            box=box,
            assessment=assessment,
            justification=justification,
            nominated_on=Envelope.from_event(envelope).effective,
        )

    @event(SuccessorsOrdered)
    def _successors_ordered(
        self, successors: list[dict[str, Any]], envelope: dict[str, Any]
    ) -> None:
        # A later order replaces the earlier one; both stay in the log.
        self.successors = tuple(Successor.model_validate(s) for s in successors)

    @event(Filled)
    def _filled(self, nip: str, placement_id: UUID, envelope: dict[str, Any]) -> None:
        self.filled_by = nip
        self.placement_id = placement_id
