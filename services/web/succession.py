"""Succession in the browser (binjai-2023 P21-22, P29; balikpapan-2022 P15-17): the succession
group per period (in Balikpapan first the talent team's group from its nominations, then the
PPK's decree in both), the target positions, and a target's plan: nominations by the pack's
nominator and the ordered successors with their projected position and date. Each form is
offered to the roles that may take it; a refused step is shown beside its form with its article.
The groups, the targets and a plan can also be read as they were recorded at a past moment, the
auditors' as-of answers, for the roles that read those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.envelope import Actor
from domain.rules.ninebox import SUCCESSION_BOXES
from domain.talent.succession import group_id
from domain.talent.succession_values import TargetStatus
from domain.values import InvalidValue
from projections import talent as read
from projections.documents import DocumentView
from projections.talent import GroupRow, PlanRow, TalentProjection
from services.api.context import fresh_context
from services.application import NotFound, Talenta
from services.audit.asof import Moment, PlanAsOf, asof_plan, moment, recorded, replayed
from services.audit.timeline import ensure_reader
from services.talent import succession
from services.web import kept_reads
from services.web.attempt import Refused, fields_of, read_or_refused, refused_page
from services.web.cycle import (
    Handler,
    cycle_of,
    offered,
    plan_of,
    steps_page,
    take,
    today,
)
from services.web.frame import see_other
from services.web.session import PostedForm, SignedIn, WebUser

router = APIRouter(include_in_schema=False)

STEPS: dict[str, Handler] = {
    "set_nominated_group": succession.set_nominated_group,
    "set_group": succession.set_group,
    "declare_target": succession.declare_target,
    "nominate": succession.nominate,
    "order_successors": succession.order_successors,
}


def _steps(me: WebUser) -> set[str]:
    """The steps offered: the team's group only where the pack has one (Balikpapan P16(2)), a
    nomination only to the pack's nominator (Binjai P22: the PPK; Balikpapan P16(1): the team)."""
    cycle = cycle_of(me.actor.agency)
    steps = offered(me, STEPS)
    if cycle is None or cycle.nominated_group_citation is None:
        steps.discard("set_nominated_group")
    if cycle is None or me.actor.role is not cycle.nominator:
        steps.discard("nominate")
    return steps


def _candidates(request: Request, agency: str) -> list[tuple[str, int]]:
    """Who stands in boxes 7-9 today, the succession group's boxes (P21, P15)."""
    grid = kept_reads.talent(request, read.ninebox_grid, agency, today(agency))
    boxes = sorted(SUCCESSION_BOXES, reverse=True)
    return [(nip, box) for box in boxes for nip in grid.boxes[box].nips]


@dataclass(frozen=True)
class Then:
    """The succession page as recorded at ``moment``: the groups then decreed, the periods whose
    group was not decreed yet, and the targets then declared."""

    moment: Moment
    groups: list[GroupRow]
    undecreed: list[str]
    plans: list[PlanRow]


def _recorded_at(agency: str, on: date | None, typed: str) -> datetime | None:
    """The recorded moment a past view is read at, in the agency's time zone: the time typed on
    the day ``on`` (today when only a time is typed), else the end of that day; None: now. The
    picker sends its time field even when left empty."""
    typed = typed.strip()
    if on is None and not typed:
        return None
    try:
        at = time.fromisoformat(typed) if typed else time.max
    except ValueError:
        raise InvalidValue(f"pukul {typed!r} tidak sah", f"time {typed!r} is not valid") from None
    return datetime.combine(on or today(agency), at)


def _then(request: Request, me: WebUser, at: datetime) -> Then:
    """What the auditors' as-of answers give for each group and each plan at ``at``, kept until
    the talent projection moves on (an event of a group or a plan moves it)."""
    ensure_reader(me.actor)
    app: Talenta = request.app.state.context.app
    return kept_reads.talent(request, _replayed, app, me.actor.agency, at)


def _replayed(documents: DocumentView, app: Talenta, agency: str, at: datetime) -> Then:
    """From one replay of the groups' and plans' events recorded by ``at`` (a group's and a
    plan's documents never read each other)."""
    periods = [row.period for row in read.succession_groups(documents, agency)]
    plans = [row.plan_id for row in read.succession_plans(documents, agency)]
    aggregates = [group_id(agency, period) for period in periods] + plans
    when = moment(agency, at)
    with replayed(recorded(app, aggregates, when.at), TalentProjection) as view:
        groups = read.succession_groups(view, agency)
        declared = read.succession_plans(view, agency)
    decreed = {group.period for group in groups}
    return Then(
        moment=when,
        groups=groups,
        undecreed=[period for period in periods if period not in decreed],
        plans=declared,
    )


def _page(
    request: Request,
    me: WebUser,
    status: int = 200,
    refusals: dict[str, Refused] | None = None,
    values: dict[str, Any] | None = None,
    done: str = "",
    then: Then | None = None,
) -> Response:
    agency = me.actor.agency
    plans = then.plans if then else kept_reads.talent(request, read.succession_plans, agency)
    return steps_page(
        request,
        me,
        "succession.html",
        status,
        # As of a past moment, the language switch keeps the moment.
        f"/succession?{request.url.query}" if then else "/succession",
        agency,
        set() if then else _steps(me),
        refusals,
        done,
        values,
        cycle=cycle_of(agency),
        then=then,
        groups=then.groups if then else kept_reads.talent(request, read.succession_groups, agency),
        plans=plans,
        nominations=[(plan, n) for plan in plans for n in plan.nominations],
        critical=kept_reads.talent(request, read.critical_positions, agency, today(agency)),
        candidates=_candidates(request, agency),
        statuses=list(TargetStatus),
    )


@router.get("/succession")
def succession_page(
    request: Request,
    me: SignedIn,
    done: str = "",
    on: date | None = None,
    time: str = "",
) -> Response:
    at = read_or_refused(request, me, lambda: _recorded_at(me.actor.agency, on, time))
    if isinstance(at, Response):
        return at
    if at is None:
        return _page(request, me, done=done)
    when = at
    then = read_or_refused(request, me, lambda: _then(request, me, when))
    if isinstance(then, Response):
        return then
    return _page(request, me, then=then)


def _taken(
    request: Request,
    me: WebUser,
    name: str,
    body: dict[str, Any],
    command: Callable[[], UUID],
    to: Callable[[UUID], str],
) -> Response:
    """The step ``name`` taken as ``command()``, then on to ``to(what it made)``; refused, the
    page again with the refusal beside the step's form."""
    outcome = take(request, me, name, body, command)
    if isinstance(outcome, Refused):
        return _page(request, me, outcome.status, {name: outcome}, body)
    return see_other(request, to(outcome))


def _nips(form_values: list[str], typed: str) -> list[str]:
    """The NIPs ticked and those typed, one per line or comma-separated."""
    extra = [nip.strip() for nip in typed.replace(",", "\n").splitlines() if nip.strip()]
    return list(dict.fromkeys([*form_values, *extra]))


@router.post("/succession/groups")
def set_group(request: Request, me: SignedIn, form: PostedForm) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    ticked = [value for value in form.getlist("nips") if isinstance(value, str)]
    body["nips"] = _nips(ticked, str(body.get("other_nips", "")))
    name = "set_group"

    def command() -> UUID:
        decreed = succession.SetGroup(
            agency=me.actor.agency,
            period=body.get("period"),
            nips=tuple(body["nips"]),
            decree_number=body.get("decree_number"),
            decree_date=body.get("decree_date"),
            documents=tuple(body["documents"]),
            reason=body.get("reason", ""),
        )
        found: UUID = succession.set_group(app, decreed, me.actor)
        return found

    return _taken(request, me, name, body, command, lambda _: f"/succession?done={name}#groups")


@router.post("/succession/nominated-groups")
def set_nominated_group(request: Request, me: SignedIn, form: PostedForm) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    # Each ticked nomination is "<plan id>:<nip>".
    body["nominations"] = [value for value in form.getlist("nominations") if isinstance(value, str)]
    name = "set_nominated_group"

    def command() -> UUID:
        refs = tuple(
            succession.NominationRef(plan_id=plan, nip=nip)
            for plan, _, nip in (value.partition(":") for value in body["nominations"])
        )
        proposed = succession.SetNominatedGroup(
            agency=me.actor.agency,
            period=body.get("period"),
            nominations=refs,
            decided_on=body.get("decided_on"),
            reference=body.get("reference"),
            documents=tuple(body["documents"]),
            reason=body.get("reason", ""),
        )
        found: UUID = succession.set_nominated_group(app, proposed, me.actor)
        return found

    return _taken(request, me, name, body, command, lambda _: f"/succession?done={name}#groups")


@router.post("/succession/targets")
def declare_target(request: Request, me: SignedIn, form: PostedForm) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    agency = me.actor.agency
    chosen = str(body.get("critical_position_id", ""))
    # A critical position chosen gives the target its position, unit and level where left empty.
    in_force = read.critical_positions(fresh_context(request).documents, agency, today(agency))
    critical = next((row for row in in_force if str(row.critical_position_id) == chosen), None)
    name = "declare_target"

    def command() -> UUID:
        target = succession.DeclareTarget(
            agency=agency,
            position=body.get("position") or (critical.position if critical else None),
            unit=body.get("unit") or (critical.unit if critical else None),
            level=body.get("level") or (critical.level if critical else None),
            status=body.get("status"),
            declared_on=body.get("declared_on"),
            critical_position_id=chosen or None,
            reason=body.get("reason", ""),
        )
        found: UUID = succession.declare_target(app, target, me.actor)
        return found

    return _taken(request, me, name, body, command, lambda made: f"/succession/plans/{made}")


def _plan_page(
    request: Request,
    me: WebUser,
    plan: PlanRow,
    status: int = 200,
    refusals: dict[str, Refused] | None = None,
    values: dict[str, Any] | None = None,
    done: str = "",
    then: PlanAsOf | None = None,
) -> Response:
    agency = plan.agency
    groups = kept_reads.talent(request, read.succession_groups, agency)
    return steps_page(
        request,
        me,
        "succession_plan.html",
        status,
        f"/succession/plans/{plan.plan_id}" + (f"?{request.url.query}" if then else ""),
        agency,
        set() if then else _steps(me),
        refusals,
        done,
        values,
        cycle=cycle_of(agency),
        # As of a past moment: that moment's plan, the current one's heading when not declared.
        then=then,
        plan=then.plan if then and then.plan else plan,
        # Whom the nominator may name: the decreed groups' members, and boxes 7-9 today.
        candidates=list(
            dict.fromkeys(
                [m.nip for g in groups for m in g.members]
                + [nip for nip, _ in _candidates(request, agency)]
            )
        ),
        order={s.nip: s for s in plan.successors},
    )


@router.get("/succession/plans/{plan_id}")
def plan_page(
    request: Request,
    me: SignedIn,
    plan_id: UUID,
    done: str = "",
    on: date | None = None,
    time: str = "",
) -> Response:
    found = read_or_refused(request, me, lambda: plan_of(request, me.actor, plan_id))
    if isinstance(found, Response):
        return found
    at = read_or_refused(request, me, lambda: _recorded_at(found.agency, on, time))
    if isinstance(at, Response):
        return at
    if at is None:
        return _plan_page(request, me, found, done=done)
    app: Talenta = request.app.state.context.app
    when = at
    # The plan is the talent projection's: its next event moves it, and this answer with it.
    then = read_or_refused(
        request,
        me,
        lambda: kept_reads.talent(request, _plan_then, app, plan_id, me.actor, when),
    )
    if isinstance(then, Response):
        return then
    return _plan_page(request, me, found, then=then)


def _plan_then(
    documents: DocumentView, app: Talenta, plan_id: UUID, actor: Actor, at: datetime
) -> PlanAsOf:
    """The auditors' answer of the plan at ``at``, read from its events, not ``documents``."""
    return asof_plan(app, plan_id, actor, at)


def _successors(body: dict[str, Any], plan: PlanRow) -> list[dict[str, Any]]:
    """The nominees given a rank, in its order, each with its projected position and date."""
    ranked = []
    for nomination in plan.nominations:
        nip = nomination.nip
        typed = str(body.get(f"rank-{nip}", "")).strip()
        if not typed:
            continue
        if not typed.isdigit():
            raise InvalidValue(f"urutan {typed!r} bukan angka", f"rank {typed!r} is not a number")
        successor = {
            "nip": nip,
            "projected_position": body.get(f"position-{nip}", ""),
            "projected_date": body.get(f"date-{nip}"),
        }
        ranked.append((int(typed), successor))
    return [successor for _, successor in sorted(ranked, key=lambda pair: pair[0])]


@router.post("/succession/plans/{plan_id}/steps/{name}")
def plan_step(
    request: Request, me: SignedIn, form: PostedForm, plan_id: UUID, name: str
) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    found = take(request, me, name, body, lambda: plan_of(request, me.actor, plan_id))
    if isinstance(found, Refused):
        return refused_page(request, me, found)

    def command() -> Any:
        if name == "nominate":
            nominated = succession.Nominate(
                plan_id=plan_id,
                nip=body.get("nip"),
                nominated_on=body.get("nominated_on"),
                justification=body.get("justification", ""),
            )
            return succession.nominate(app, nominated, me.actor)
        if name == "order_successors":
            ordered = succession.OrderSuccessors(
                plan_id=plan_id,
                ordered_on=body.get("ordered_on"),
                successors=_successors(body, found),
                reason=body.get("reason", ""),
            )
            return succession.order_successors(app, ordered, me.actor)
        raise NotFound(f"langkah {name} tidak ada", f"no step {name}")

    outcome = take(request, me, name, body, command)
    if isinstance(outcome, Refused):
        now = plan_of(request, me.actor, plan_id)
        return _plan_page(request, me, now, outcome.status, {name: outcome}, body)
    return see_other(request, f"/succession/plans/{plan_id}?done={name}#step-{name}")
