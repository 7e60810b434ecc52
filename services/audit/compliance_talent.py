"""Re-judging the talent-cycle decisions (binjai-2023, balikpapan-2022): the talent team's group
from the nominations, the succession group, nominations (from the decreed group), placements
(of talents of the decreed group, PNS only in Binjai) and awards, each run again through the
aggregate's own command with the nine-box boxes of the replayed profiles and the personnel
records; and the pins whose expiry passed unrecorded."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from domain.agencies import get_agency
from domain.envelope import Envelope
from domain.rules.core import RuleRefusal
from domain.rules.ninebox import Performance, Potential
from domain.rules.pack import RulePack
from domain.rules.registry import pack_for
from domain.talent.mapping import TalentProfile
from domain.talent.nominated_group import NominatedGroup, NominatedMember
from domain.talent.placement import Candidate, Decree, Placement, Target
from domain.talent.refusals import RETENTION
from domain.talent.retention import Award, AwardKind
from domain.talent.search import SearchFollowUp, SearchGround, TalentSearch
from domain.talent.succession import SuccessionGroup, SuccessionPlan
from domain.talent.succession_rules import direct_needs_group, succession_citations
from domain.talent.succession_values import Successor
from domain.values import PositionLevel
from services.audit.compliance_models import Seen
from services.audit.compliance_state import Judge, Shadows


def group_set(
    event: SuccessionGroup.GroupSet, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    members = {
        str(member["nip"]): shadows.assessment_on(event.agency, member["nip"], event.decree_date)
        for member in event.members
    }
    SuccessionGroup.decree(
        event.agency,
        event.period,
        members,
        event.decree_number,
        event.decree_date,
        pack,
        stamp,
        talents={nip: shadows.talent(nip, event.decree_date) for nip in members},
        nominated=shadows.nominated_group(event.agency, event.period),
    )


def group_nominated(
    event: NominatedGroup.GroupNominated, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    members = []
    for member in event.members:
        plan = shadows.get(UUID(str(member["plan_id"])), SuccessionPlan)
        nip = str(member["nip"])
        nomination = plan.nominations.get(nip) if plan is not None else None
        members.append(NominatedMember(plan_id=member["plan_id"], nip=nip, nomination=nomination))
    NominatedGroup.set(event.agency, event.period, members, event.reference, pack, stamp)


def nomination(
    event: SuccessionPlan.Nominated, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> SuccessionPlan | None:
    plan = shadows.copy_of(event.originator_id, SuccessionPlan)
    if plan is not None:
        held = shadows.assessment_on(plan.agency, event.nip, stamp.effective)
        plan.nominate(
            event.nip,
            held,
            event.justification,
            pack,
            stamp,
            talent=shadows.talent(event.nip, stamp.effective),
            group=shadows.decreed_group(plan.agency, held.period) if held else None,
        )
    return plan


def successors_ordered(
    event: SuccessionPlan.SuccessorsOrdered, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    plan = shadows.copy_of(event.originator_id, SuccessionPlan)
    if plan is not None:
        successors = [Successor.model_validate(each) for each in event.successors]
        plan.order_successors(successors, pack, stamp)


def assessed(
    event: TalentProfile.Assessed, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> TalentProfile | None:
    profile = shadows.copy_of(event.originator_id, TalentProfile)
    if profile is not None:
        profile.assess(
            event.unit,
            PositionLevel(event.level),
            event.period,
            Performance(event.performance),
            Potential(event.potential),
            event.evidence,
            pack,
            stamp,
        )
    return profile


def placement(
    event: Placement.Placed, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> Placement | None:
    """As ``services.talent.placement.place_talent`` decides it: the plan not yet filled, then
    the placement's own rules on the box the profile held on the decree date."""
    plan = shadows.get(event.plan_id, SuccessionPlan)
    if plan is None or pack.cycle is None:
        return None
    plan.ensure_unfilled(pack.cycle)
    facts = shadows.facts(event.nip)
    held = shadows.assessment_on(plan.agency, event.nip, event.decree_date)
    return Placement.place(
        Target(
            plan_id=plan.id,
            agency=plan.agency,
            position=plan.position,
            unit=plan.unit,
            level=plan.level,
            critical=plan.critical_position_id is not None,
        ),
        Candidate(
            nip=event.nip,
            from_unit=facts.unit if facts is not None else event.from_unit,
            box=held.box if held is not None else None,
            successors=tuple(successor.nip for successor in plan.successors),
            talent=shadows.talent(event.nip, event.decree_date),
            period=held.period if held is not None else "",
            group=shadows.decreed_group(plan.agency, held.period) if held is not None else None,
        ),
        Decree(
            number=event.decree_number,
            decree_date=event.decree_date,
            inaugurated_on=event.inaugurated_on,
        ),
        pack.cycle,
        stamp,
        group_citations=succession_citations(pack),
        direct_needs_group=direct_needs_group(pack),
    )


def search_opened(
    event: TalentSearch.SearchOpened, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    TalentSearch.open(
        event.agency,
        event.position,
        event.unit,
        PositionLevel(event.level),
        [SearchGround(ground) for ground in event.grounds],
        event.expertise,
        event.justification,
        pack,
        stamp,
    )


def search_concluded(
    event: TalentSearch.SearchConcluded, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    search = shadows.copy_of(event.originator_id, TalentSearch)
    if search is not None:
        search.conclude(event.nips, event.nip or None, event.result, pack, stamp)


def search_decided(
    event: TalentSearch.SearchDecided, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    search = shadows.copy_of(event.originator_id, TalentSearch)
    if search is not None:
        search.decide(
            event.nip,
            SearchFollowUp(event.follow_up),
            shadows.talent(event.nip, event.decree_date),
            event.from_unit,
            event.decree_number,
            event.decree_date,
            pack,
            stamp,
        )


def awarded(event: Award.Awarded, shadows: Shadows, pack: RulePack, stamp: Envelope) -> Award:
    held = shadows.assessment_on(event.agency, event.nip, event.decree_date)
    return Award.grant(
        event.agency,
        event.nip,
        AwardKind(event.kind),
        held.box if held is not None else None,
        event.decree_number,
        event.decree_date,
        pack,
        stamp,
        detail=event.detail,
    )


def pin_expired(event: Award.PinExpired, shadows: Shadows, pack: RulePack, stamp: Envelope) -> None:
    found = shadows.copy_of(event.originator_id, Award)
    if found is not None:
        found.expire(event.expired_on, pack, stamp)


@dataclass(frozen=True)
class HeldPin:
    """A pin as the log leaves it, no expiry recorded, with the award decision that gave it."""

    awarded: Seen
    agency: str
    nip: str
    decree_number: str
    expires_on: date

    @classmethod
    def of(cls, awarded: Seen, award: Award | None) -> HeldPin | None:
        """The pin ``award`` still holds, None when it has no term or its expiry is recorded."""
        if award is None or award.expires_on is None or award.expired_on is not None:
            return None
        return cls(awarded, award.agency, award.nip, award.decree_number, award.expires_on)


def unexpired_pins(
    pins: Iterable[HeldPin], as_of: datetime
) -> Iterator[tuple[HeldPin, RuleRefusal]]:
    """Each pin whose expiry day passed (in its agency's time zone) with no ``PinExpired`` in the
    log: it still reads as valid, against the pack's pin term (Binjai P30(2)(a), reading D7)."""
    for pin in pins:
        today = get_agency(pin.agency).local_date(as_of)
        if pin.expires_on >= today:
            continue
        cycle = pack_for(pin.agency).cycle
        yield (
            pin,
            RETENTION.refused(
                "pin-still-valid",
                cycle.pin_citation if cycle is not None else None,
                nip=pin.nip,
                decree=pin.decree_number,
                expires_on=pin.expires_on,
                today=today,
            ),
        )


JUDGES: dict[type[Any], tuple[Judge, ...]] = {
    TalentProfile.Assessed: (assessed,),
    NominatedGroup.GroupNominated: (group_nominated,),
    SuccessionGroup.GroupSet: (group_set,),
    SuccessionPlan.Nominated: (nomination,),
    SuccessionPlan.SuccessorsOrdered: (successors_ordered,),
    Placement.Placed: (placement,),
    TalentSearch.SearchOpened: (search_opened,),
    TalentSearch.SearchConcluded: (search_concluded,),
    TalentSearch.SearchDecided: (search_decided,),
    Award.Awarded: (awarded,),
    Award.PinExpired: (pin_expired,),
}
