"""Why a decision was taken: the chain of events that led to it, the rules re-run on the facts
as they were (the rule functions themselves, so each rule stays in one place), the pack and
readings in force on the decision's effective date, and the read model as it stood just before
the decision was recorded. This module holds what every "why" shares and the talent cycle's
answers (a nomination, a placement); scouting's are in ``why_scouting``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from eventsourcing.application import project_aggregate
from pydantic import BaseModel

from domain.envelope import Actor, Envelope
from domain.personnel.aggregate import Employee, employee_id
from domain.personnel.facts import PersonnelFacts
from domain.rules.core import EligibilityResult, RequirementResult, RuleRefusal
from domain.rules.registry import pack_in_force
from domain.talent.mapping import TalentProfile, profile_id
from domain.talent.placement import Candidate, Decree, Placement, Target
from domain.talent.succession import SuccessionGroup, SuccessionPlan, group_id
from domain.talent.succession_rules import (
    direct_needs_group,
    in_group,
    refuse_below_group,
    succession_citations,
)
from domain.talent.succession_values import DecreedGroup, TalentFacts
from domain.values import PositionLevel
from projections.talent import PlanRow
from services.application import EmployeeNotFound, Talenta
from services.audit.asof import plan_at, recorded_by
from services.audit.events import AuditEvent
from services.audit.nomination import NominationAudit, audit_nomination
from services.audit.placement import PlacementAudit, audit_placement
from services.audit.timeline import ensure_reader


class RuleCheck(BaseModel):
    """One rule re-run: what it judged, on which day, whether it held, under which articles,
    and the rule function's own answer (or its refusal)."""

    rule: str
    on: date
    held: bool
    citations: tuple[str, ...]
    detail: dict[str, Any]


class PackInForce(BaseModel):
    id: str
    regulation: str
    on: date
    readings: dict[str, str]  # reading id -> the option chosen


class NominationWhy(BaseModel):
    audit: NominationAudit
    pack: PackInForce
    chain: list[AuditEvent]  # the nominee's assessments and the plan, up to the nomination
    rules: list[RuleCheck]
    plan_before: PlanRow | None  # the plan read model just before the nomination was recorded


class PlacementWhy(BaseModel):
    audit: PlacementAudit
    pack: PackInForce
    chain: list[AuditEvent]  # assessments, the plan up to the decree, the placement
    rules: list[RuleCheck]
    plan_before: PlanRow | None


def why_nomination(app: Talenta, plan_id: UUID, nip: str, actor: Actor) -> NominationWhy:
    """The nomination taken again on the plan as it stood before it, with the nominee's
    assessment in force then and the recorded envelope (the nominator's role, the
    justification, boxes 7-9: the plan's own checks), and the group rule alone."""
    ensure_reader(actor)
    audit = audit_nomination(app, plan_id, nip, actor)
    made = audit.nomination
    on = effective(made)
    pack = pack_in_force(audit.agency, on)
    nominated = stored(app, made)
    plan_before_it: SuccessionPlan = app.repository.get(plan_id, version=made.version - 1)
    held = audit.assessment_at_the_time
    rules = [
        judge(
            "nomination",
            on,
            lambda: plan_before_it.nominate(
                nip,
                held,
                nominated.justification,
                pack,
                Envelope.from_event(nominated.envelope),
                talent=TalentFacts.of(facts_then(app, nip, made.recorded_at), on),
                group=group_then(app, audit.agency, held.period, made.recorded_at)
                if held
                else None,
            ),
            made.citations,
        ),
        judge("in-succession-group", on, lambda: in_group(nip, held, pack, on)),
    ]
    chain = [
        *_assessed(app, audit.agency, nip, made.recorded_at),
        *(e for e in audit.plan_timeline if e.recorded_at <= made.recorded_at),
    ]
    return NominationWhy(
        audit=audit,
        pack=pack_then(audit.agency, on),
        chain=in_order(chain),
        rules=rules,
        plan_before=plan_at(app, plan_id, before(made.recorded_at)),
    )


def why_placement(app: Talenta, placement_id: UUID, actor: Actor) -> PlacementWhy:
    """The placement taken again with the target, the candidate's box on the decree date and
    the plan's successors as recorded then (the order or a direct box 9, boxes 7-9, across
    units: the placement's own checks), and the group rule alone."""
    ensure_reader(actor)
    audit = audit_placement(app, placement_id, actor)
    on, at = audit.decree_date, audit.placed_at
    pack = pack_in_force(audit.agency, on)
    held = audit.assessment_at_the_time
    box = held.box if held else None
    rules = [
        judge("placement", on, lambda: _placed_again(app, audit, box), audit.citations),
        judge(
            "in-succession-group",
            on,
            lambda: refuse_below_group(audit.nip, box, on, succession_citations(pack)),
        ),
    ]
    plan = [e for e in audit.plan_timeline if e.recorded_at <= at]
    return PlacementWhy(
        audit=audit,
        pack=pack_then(audit.agency, on),
        chain=in_order([*_assessed(app, audit.agency, audit.nip, at), *plan, audit.placement]),
        rules=rules,
        plan_before=plan_at(app, audit.plan_id, before(at)),
    )


def _placed_again(app: Talenta, audit: PlacementAudit, box: int | None) -> dict[str, Any]:
    pack = pack_in_force(audit.agency, audit.decree_date)
    held = audit.assessment_at_the_time
    period = held.period if held else ""
    if pack.cycle is None:  # audit_placement refuses a pack without the cycle
        raise ValueError(f"{pack.id} has no talent cycle")
    again = Placement.place(
        Target(
            plan_id=audit.plan_id,
            agency=audit.agency,
            position=audit.position,
            unit=audit.unit,
            level=PositionLevel(audit.level),
            critical=audit.critical,
        ),
        Candidate(
            nip=audit.nip,
            from_unit=audit.cross_unit.from_unit,
            box=box,
            successors=tuple(s.nip for s in audit.successors_at_the_time),
            talent=TalentFacts.of(facts_then(app, audit.nip, audit.placed_at), audit.decree_date),
            period=period,
            group=group_then(app, audit.agency, period, audit.placed_at) if period else None,
        ),
        Decree(
            number=audit.decree_number,
            decree_date=audit.decree_date,
            inaugurated_on=audit.inaugurated_on,
        ),
        pack.cycle,
        Envelope.from_event(stored(app, audit.placement).envelope),
        group_citations=succession_citations(pack),
        direct_needs_group=direct_needs_group(pack),
    )
    return {"box": again.box, "direct": again.direct, "recorded_direct": audit.direct}


def judge(rule: str, on: date, run: Callable[[], Any], cited: tuple[str, ...] = ()) -> RuleCheck:
    """Runs a rule function (or the decision's own command on the aggregate as it stood) and
    reads its answer: an eligibility result, one requirement's result, or a refusal raised; a
    value returned without a refusal means it held, under the articles ``cited``."""
    try:
        result = run()
    except RuleRefusal as refusal:
        return RuleCheck(
            rule=rule,
            on=on,
            held=False,
            citations=(refusal.citation,) if refusal.citation else (),
            detail={"code": refusal.code, "message": refusal.message.model_dump(mode="json")},
        )
    if isinstance(result, EligibilityResult):
        return RuleCheck(
            rule=rule,
            on=on,
            held=result.eligible,
            citations=tuple(dict.fromkeys(r.citation for r in result.requirements)),
            detail=result.model_dump(mode="json"),
        )
    if isinstance(result, RequirementResult):
        return RuleCheck(
            rule=rule,
            on=on,
            held=result.passed,
            citations=(result.citation,),
            detail=result.model_dump(mode="json"),
        )
    detail = result.model_dump(mode="json") if isinstance(result, BaseModel) else result
    return RuleCheck(rule=rule, on=on, held=True, citations=cited, detail={"result": detail})


def pack_then(agency: str, on: date) -> PackInForce:
    pack = pack_in_force(agency, on)
    return PackInForce(
        id=pack.id,
        regulation=pack.regulation,
        on=on,
        readings={str(reading.id): reading.chosen for reading in pack.readings},
    )


def facts_then(app: Talenta, nip: str, at: datetime) -> PersonnelFacts:
    """The employee's record as it was recorded at ``at``."""
    employee: Employee | None = project_aggregate(None, recorded_by(app, employee_id(nip), at))
    if employee is None:
        raise EmployeeNotFound(nip)
    return employee.facts


def group_then(app: Talenta, agency: str, period: str, at: datetime) -> DecreedGroup | None:
    """The succession group decreed for ``period`` as recorded by ``at`` (None: not yet)."""
    group: SuccessionGroup | None = project_aggregate(
        None, recorded_by(app, group_id(agency, period), at)
    )
    if group is None:
        return None
    return DecreedGroup(
        period=group.period, reference=group.decree_number, members=frozenset(group.members)
    )


def stored(app: Talenta, event: AuditEvent) -> Any:
    """The stored event an audit entry shows."""
    return next(
        iter(
            app.repository.event_store.get(event.aggregate, gt=event.version - 1, lte=event.version)
        )
    )


def effective(event: AuditEvent) -> date:
    """The decision's effective date; every decision event carries its envelope."""
    if event.effective is None:
        raise ValueError(f"{event.what} {event.aggregate}/{event.version} has no envelope")
    return event.effective


def before(at: datetime) -> datetime:
    """Just before a decision recorded at ``at``: what the decision maker could see."""
    return at - timedelta(microseconds=1)


def in_order(events: Iterable[AuditEvent]) -> list[AuditEvent]:
    unique = {(e.aggregate, e.version): e for e in events}
    return sorted(unique.values(), key=lambda e: (e.recorded_at, str(e.aggregate), e.version))


def _assessed(app: Talenta, agency: str, nip: str, at: datetime) -> list[AuditEvent]:
    return [
        AuditEvent.of(e)
        for e in recorded_by(app, profile_id(agency, nip), at)
        if isinstance(e, TalentProfile.Assessed)
    ]
