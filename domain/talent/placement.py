"""A talent placed by PPK decree from a succession plan into its target position (binjai-2023
P31-32, balikpapan-2022 P23).

The placement decides on what the caller gives it (the plan's target and ordered successors, the
candidate's box on the date); it reads no other aggregate. Every pack difference comes from
``pack.cycle``: whether box 9 outside the plan is placed directly (Balikpapan P23(3)) or only
considered (Binjai P31(3)), under which article placement crosses units (Binjai P23,
Balikpapan P23(2)).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event
from pydantic import BaseModel, ConfigDict

from domain.envelope import Envelope
from domain.rules.cycle import Box9Placement, CycleRules
from domain.talent.refusals import PLACEMENT
from domain.talent.succession_rules import (
    ensure_in_decreed_group,
    ensure_talent_status,
    refuse_below_group,
)
from domain.talent.succession_values import DecreedGroup, TalentFacts
from domain.values import Nip, PositionLevel

_PLACEMENT_IDS = uuid5(NAMESPACE_URL, "talenta:placement")
TOP_BOX = 9


def placement_id(plan_id: UUID, nip: str) -> UUID:
    """``uuid5(plan id/nip)``: one placement per successor and target, however the NIP is spaced."""
    return uuid5(_PLACEMENT_IDS, f"{plan_id}/{Nip(nip)}")


class Target(BaseModel):
    """The succession plan's target position, as the plan declared it."""

    model_config = ConfigDict(frozen=True)

    plan_id: UUID
    agency: str
    position: str
    unit: str
    level: PositionLevel
    critical: bool  # a critical position: its successor is monitored (P33(2) / P25(3))


class Candidate(BaseModel):
    """Who is placed: their unit before, their box on the decree date (None: never mapped), and
    the plan's successors in their order; their personnel record on the decree date, the period
    of the assessment in force then, and the group decreed for that period (None: none)."""

    model_config = ConfigDict(frozen=True)

    nip: str
    from_unit: str
    box: int | None
    successors: tuple[str, ...]
    talent: TalentFacts
    period: str = ""
    group: DecreedGroup | None = None


class Decree(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: str
    decree_date: date
    inaugurated_on: date


class Placement(Aggregate):
    class Placed(Aggregate.Created):
        agency: str
        nip: str
        plan_id: UUID
        position: str
        unit: str
        level: str
        from_unit: str
        box: int
        direct: bool
        decree_number: str
        decree_date: date
        inaugurated_on: date
        critical: bool
        envelope: dict[str, Any]

    @staticmethod
    def create_id(plan_id: UUID, nip: str, **_: Any) -> UUID:
        return placement_id(plan_id, nip)

    @event(Placed)
    def __init__(
        self,
        agency: str,
        nip: str,
        plan_id: UUID,
        position: str,
        unit: str,
        level: str,
        from_unit: str,
        box: int,
        direct: bool,
        decree_number: str,
        decree_date: date,
        inaugurated_on: date,
        critical: bool,
        envelope: dict[str, Any],
    ) -> None:
        self.agency = agency
        self.nip = nip
        self.plan_id = plan_id
        self.position = position
        self.unit = unit
        self.level = PositionLevel(level)
        self.from_unit = from_unit
        self.box = box
        self.direct = direct
        self.decree_number = decree_number
        self.decree_date = decree_date
        self.inaugurated_on = inaugurated_on
        self.critical = critical

    @classmethod
    def place(
        cls,
        target: Target,
        candidate: Candidate,
        decree: Decree,
        cycle: CycleRules,
        envelope: Envelope,
        *,
        group_citations: Sequence[str],
        direct_needs_group: bool,
    ) -> Placement:
        """Refuses a placement the pack does not allow; the envelope gains the articles the
        decision rests on (box 9 placed directly or considered, a move across units).
        ``group_citations``: where the pack defines the succession group (boxes 7-9), which a
        successor must still be in on the decree date. Every placement rests on the decreed
        group (Binjai P32, Balikpapan P17(3)); a box-9 talent placed directly only when
        ``direct_needs_group`` (reading C2)."""
        nip = str(Nip(candidate.nip))
        if decree.inaugurated_on < decree.decree_date:
            raise PLACEMENT.refused(
                "inaugurated-before-decree",
                cycle.placement_citation,
                inaugurated_on=decree.inaugurated_on,
                decree_date=decree.decree_date,
            )
        if candidate.box is None:
            raise PLACEMENT.refused("not-assessed", cycle.assessment_citation, nip=nip)
        direct = _direct(nip, candidate.box, _successors(candidate), cycle)
        # A successor whose box fell below 7 since the plan left the succession group (box 9,
        # placed directly or considered, is in it by definition).
        refuse_below_group(nip, candidate.box, decree.decree_date, group_citations)
        ensure_talent_status(nip, candidate.talent, cycle, "ditempatkan/placed")
        if direct_needs_group or not direct:
            ensure_in_decreed_group(
                nip,
                candidate.period,
                candidate.group,
                cycle.group_placement_citation,
                "keputusan PPK/the PPK's decree",
            )
        cross_unit = candidate.from_unit != target.unit
        citations = [cycle.placement_citation]
        if not direct or direct_needs_group:
            citations.append(cycle.group_placement_citation)
        if candidate.box == TOP_BOX:
            citations.append(cycle.box9_citation)
        if cross_unit:
            citations.append(cycle.cross_unit_citation)
        return cls(
            agency=target.agency,
            nip=nip,
            plan_id=target.plan_id,
            position=target.position,
            unit=target.unit,
            level=str(target.level),
            from_unit=candidate.from_unit,
            box=candidate.box,
            direct=direct,
            decree_number=decree.number,
            decree_date=decree.decree_date,
            inaugurated_on=decree.inaugurated_on,
            critical=target.critical,
            envelope=envelope.citing(*citations).to_event(),
        )


def _successors(candidate: Candidate) -> set[str]:
    return {str(Nip(nip)) for nip in candidate.successors}


def _direct(nip: str, box: int, successors: set[str], cycle: CycleRules) -> bool:
    """Whether the placement is outside the plan's order: only box 9 where the pack places it
    directly. Under "considered" box 9 must still be one of the plan's successors."""
    if nip in successors:
        return False
    if box == TOP_BOX and cycle.box9_placement is Box9Placement.DIRECT:
        return True
    if box == TOP_BOX:
        raise PLACEMENT.refused("box9-only-considered", cycle.box9_citation, nip=nip)
    raise PLACEMENT.refused("not-a-successor", cycle.placement_citation, nip=nip, box=box)
