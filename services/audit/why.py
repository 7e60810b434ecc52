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

from pydantic import BaseModel

from domain.envelope import Actor
from domain.personnel.aggregate import Employee, employee_id
from domain.personnel.facts import PersonnelFacts
from domain.rules.core import EligibilityResult, RequirementResult, RuleRefusal
from domain.rules.registry import pack_in_force
from domain.talent.mapping import TalentProfile, profile_id
from domain.talent.succession_rules import in_group, refuse_below_group, succession_citations
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
    ensure_reader(actor)
    audit = audit_nomination(app, plan_id, nip, actor)
    made = audit.nomination
    on = effective(made)
    pack = pack_in_force(audit.agency, on)
    cycle = pack.cycle
    nominator = made.actor.role if made.actor else None
    rules = [
        judge(
            "in-succession-group",
            on,
            lambda: in_group(nip, audit.assessment_at_the_time, pack, on),
        ),
        RuleCheck(
            rule="nominator",
            on=on,
            held=cycle is not None and nominator is cycle.nominator,
            citations=(cycle.nomination_citation,) if cycle else (),
            detail={"nominated_by": nominator, "pack_nominator": cycle and cycle.nominator},
        ),
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
    ensure_reader(actor)
    audit = audit_placement(app, placement_id, actor)
    on, at = audit.decree_date, audit.placed_at
    pack = pack_in_force(audit.agency, on)
    held = audit.assessment_at_the_time
    rules = [
        judge(
            "in-succession-group",
            on,
            lambda: refuse_below_group(
                audit.nip, held.box if held else None, on, succession_citations(pack)
            ),
        ),
        RuleCheck(
            rule="cross-unit",
            on=on,
            held=not audit.cross_unit.crossed or audit.cross_unit.allowed,
            citations=(audit.cross_unit.citation,) if audit.cross_unit.citation else (),
            detail=audit.cross_unit.model_dump(mode="json"),
        ),
        RuleCheck(
            rule="in-successor-order-or-box-9",
            on=on,
            held=audit.successor_order is not None or audit.box9.applied,
            citations=(audit.box9.citation,),
            detail={
                "successor_order": audit.successor_order,
                "box9": audit.box9.model_dump(mode="json"),
                "direct": audit.direct,
            },
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


def judge(rule: str, on: date, run: Callable[[], Any]) -> RuleCheck:
    """Runs a rule function and reads its answer: an eligibility result, one requirement's
    result, or a refusal raised (a value returned without a refusal means it held)."""
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
    return RuleCheck(rule=rule, on=on, held=True, citations=(), detail={"result": detail})


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
    events = recorded_by(app, employee_id(nip), at)
    if not events:
        raise EmployeeNotFound(nip)
    employee: Employee = app.repository.get(employee_id(nip), version=events[-1].originator_version)
    return employee.facts


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
