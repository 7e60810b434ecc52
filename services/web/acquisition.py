"""The acquisition pages (binjai-2023 P13-16, balikpapan-2022 P9-12): the critical positions in
force on a day, declared by the PPK with every characteristic of the pack justified, a priority,
a competency standard and the decree, reported to the ministry and withdrawn by a decree of its
own (the list keeps a withdrawn position, shown as such); and a period's talent plan,
the talent team's needs analysis and the PPK's acquisition strategy. Each form is offered to the
roles that may take its step; a refused step is shown beside its form with its article."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.talent.planning import TalentPlan, talent_plan_id
from projections import talent as read
from services.api.context import fresh_context
from services.application import Talenta
from services.talent import acquisition
from services.web import kept_reads
from services.web.attempt import Refused, fields_of
from services.web.cycle import Handler, cycle_of, names_of, offered, take, today, units_of
from services.web.frame import page, see_other
from services.web.session import PostedForm, SignedIn, WebUser

router = APIRouter(include_in_schema=False)

STEPS: dict[str, Handler] = {
    "declare_critical_position": acquisition.declare_critical_position,
    "report_critical_position": acquisition.report_critical_position,
    "withdraw_critical_position": acquisition.withdraw_critical_position,
    "analyse_needs": acquisition.analyse_needs,
    "set_strategy": acquisition.set_strategy,
}


def _critical_page(
    request: Request,
    me: WebUser,
    on: date | None = None,
    status: int = 200,
    refusals: dict[str, Refused] | None = None,
    values: dict[str, Any] | None = None,
    done: str = "",
) -> Response:
    agency = me.actor.agency
    day = on or today(agency)
    return page(
        request,
        "critical_positions.html",
        status,
        here="/critical-positions",
        me=me,
        day=day,
        cycle=cycle_of(agency),
        positions=kept_reads.talent(request, read.declared_positions, agency, day),
        units=units_of(request, agency),
        steps=offered(me, STEPS),
        refusals=refusals or {},
        values=values or {},
        done=done,
    )


@router.get("/critical-positions")
def critical_positions(
    request: Request, me: SignedIn, on: date | None = None, done: str = ""
) -> Response:
    return _critical_page(request, me, on, done=done)


@router.post("/critical-positions")
def declare(request: Request, me: SignedIn, form: PostedForm) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    cycle = cycle_of(me.actor.agency)
    codes = [item.code for item in cycle.critical_characteristics] if cycle else []

    def command() -> UUID:
        declared = acquisition.DeclareCriticalPosition(
            agency=me.actor.agency,
            position=body.get("position"),
            unit=body.get("unit"),
            level=body.get("level"),
            # Every characteristic of the pack, justified or left empty: the pack refuses a gap.
            characteristics={code: body.get(f"characteristic-{code}", "") for code in codes},
            priority_rank=body.get("priority_rank"),
            competency_standard=body.get("competency_standard", ""),
            decree_number=body.get("decree_number", ""),
            decree_date=body.get("decree_date"),
            documents=tuple(body["documents"]),
            reason=body.get("reason", ""),
        )
        found: UUID = acquisition.declare_critical_position(app, declared, me.actor)
        return found

    name = "declare_critical_position"
    outcome = take(request, me, name, body, command)
    if isinstance(outcome, Refused):
        return _critical_page(request, me, None, outcome.status, {name: outcome}, body)
    return see_other(request, f"/critical-positions?done={name}#position-{outcome}")


@router.post("/critical-positions/{position_id}/report")
def report(request: Request, me: SignedIn, form: PostedForm, position_id: UUID) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    name = "report_critical_position"

    def command() -> None:
        reported = acquisition.ReportCriticalPosition(
            critical_position_id=position_id,
            letter_number=body.get("letter_number"),
            letter_date=body.get("letter_date"),
            reason=body.get("reason", ""),
        )
        acquisition.report_critical_position(app, reported, me.actor)

    outcome = take(request, me, name, body, command)
    if isinstance(outcome, Refused):
        key = f"{name}-{position_id}"
        return _critical_page(request, me, None, outcome.status, {key: outcome}, body)
    return see_other(request, f"/critical-positions?done={name}#position-{position_id}")


@router.post("/critical-positions/{position_id}/withdraw")
def withdraw(request: Request, me: SignedIn, form: PostedForm, position_id: UUID) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    name = "withdraw_critical_position"

    def command() -> date:
        withdrawn = acquisition.WithdrawCriticalPosition(
            critical_position_id=position_id,
            decree_number=body.get("decree_number"),
            decree_date=body.get("decree_date"),
            reason=body.get("reason", ""),
        )
        acquisition.withdraw_critical_position(app, withdrawn, me.actor)
        return withdrawn.decree_date

    outcome = take(request, me, name, body, command)
    if isinstance(outcome, Refused):
        key = f"{name}-{position_id}"
        # Kept apart, so the declaration's form below is not filled with the withdrawal's decree.
        held = {"withdrawn": body}
        return _critical_page(request, me, None, outcome.status, {key: outcome}, held)
    # Shown as of today, or of a withdrawal decreed ahead: either lists the position withdrawn.
    on = max(today(me.actor.agency), outcome)
    return see_other(request, f"/critical-positions?on={on}&done={name}#position-{position_id}")


def _plan(app: Talenta, agency: str, period: str) -> TalentPlan | None:
    """The period's talent plan: read from its aggregate, its id derived from the period."""
    key = talent_plan_id(agency, period)
    found = app.repository.get(key) if period and key in app.repository else None
    return found if isinstance(found, TalentPlan) else None


def _plan_page(
    request: Request,
    me: WebUser,
    period: str,
    status: int = 200,
    refusals: dict[str, Refused] | None = None,
    values: dict[str, Any] | None = None,
    done: str = "",
) -> Response:
    app: Talenta = request.app.state.context.app
    agency = me.actor.agency
    day = today(agency)
    positions = kept_reads.talent(request, read.critical_positions, agency, day)
    return page(
        request,
        "talent_plan.html",
        status,
        here=f"/talent-plans?period={quote(period)}",
        me=me,
        period=period,
        plan=_plan(app, agency, period),
        cycle=cycle_of(agency),
        positions=positions,
        titles={str(row.critical_position_id): row.position for row in positions},
        names=names_of(request, agency),
        steps=offered(me, STEPS),
        refusals=refusals or {},
        values=values or {},
        done=done,
    )


@router.get("/talent-plans")
def talent_plan(request: Request, me: SignedIn, period: str = "", done: str = "") -> Response:
    return _plan_page(request, me, period.strip(), done=done)


def _needs(body: dict[str, Any], ids: list[str]) -> list[dict[str, Any]]:
    """A count per critical position (left empty: not needed), and one line per function,
    ``function;count;note``."""
    needs: list[dict[str, Any]] = [
        {"critical_position_id": key, "count": body[f"need-{key}"].strip()}
        for key in ids
        if str(body.get(f"need-{key}", "")).strip()
    ]
    for line in str(body.get("functions", "")).splitlines():
        if line.strip():
            function, _, rest = line.partition(";")
            count, _, note = rest.partition(";")
            needs.append({"function": function.strip(), "count": count.strip(), "note": note})
    return needs


@router.post("/talent-plans/analyse")
def analyse(request: Request, me: SignedIn, form: PostedForm) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    period = str(body.get("period", "")).strip()
    agency = me.actor.agency
    ids = [
        str(row.critical_position_id)
        for row in read.critical_positions(fresh_context(request).documents, agency, today(agency))
    ]
    name = "analyse_needs"

    def command() -> UUID:
        analysed = acquisition.AnalyseNeeds(
            agency=agency,
            period=period,
            analysed_on=body.get("analysed_on"),
            basis=tuple(str(body.get("basis", "")).splitlines()),
            needs=_needs(body, ids),
            reason=body.get("reason", ""),
        )
        found: UUID = acquisition.analyse_needs(app, analysed, me.actor)
        return found

    outcome = take(request, me, name, body, command)
    if isinstance(outcome, Refused):
        return _plan_page(request, me, period, outcome.status, {name: outcome}, body)
    return see_other(request, f"/talent-plans?period={quote(period)}&done={name}")


@router.post("/talent-plans/strategy")
def strategy(request: Request, me: SignedIn, form: PostedForm) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    body["mechanisms"] = [value for value in form.getlist("mechanisms") if isinstance(value, str)]
    period = str(body.get("period", "")).strip()
    name = "set_strategy"

    def command() -> None:
        chosen = acquisition.SetStrategy(
            agency=me.actor.agency,
            period=period,
            mechanisms=tuple(body["mechanisms"]),
            decree_number=body.get("decree_number"),
            decree_date=body.get("decree_date"),
            reason=body.get("reason", ""),
        )
        acquisition.set_strategy(app, chosen, me.actor)

    outcome = take(request, me, name, body, command)
    if isinstance(outcome, Refused):
        return _plan_page(request, me, period, outcome.status, {name: outcome}, body)
    return see_other(request, f"/talent-plans?period={quote(period)}&done={name}")
