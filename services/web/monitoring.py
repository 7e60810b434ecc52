"""Monitoring in the browser (binjai-2023 P33-34, balikpapan-2022 P25): for successors placed in
critical positions, the yearly check-ins and the evaluation at the end of the monitoring years,
what falls due within a chosen window and what is late; the caseworker or talent team records a
check-in, the PPK the evaluation. And the yearly programme evaluation (Binjai P34(2)), which the
system records at the end of every budget year: the years recorded, the one still due, and the
year's figures so far. A refusal is shown beside its form, with its article."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from domain.rules.calendar import budget_year_end
from domain.rules.registry import pack_for
from domain.talent.evaluation import ProgrammeEvaluation, ProgrammeReport, programme_evaluation_id
from projections import talent as read
from services.api.context import fresh_context
from services.application import Talenta
from services.talent import monitoring
from services.talent.evaluation import programme_figures
from services.web import kept_reads
from services.web.attempt import (
    Refused,
    Steps,
    fields_of,
    refused_page,
    steps_offered,
    take_step_of,
)
from services.web.cycle import cycle_of, exported, no_cycle_page, steps_page, today
from services.web.frame import see_other
from services.web.session import PostedForm, SignedIn, WebUser

router = APIRouter(include_in_schema=False)

DAYS = 90  # the window shown by default: the clocks' first reminder goes 90 days ahead
EXPORTS = {"check-ins": read.CheckInDueRow, "evaluations": read.EvaluationDueRow}


def _check_in(monitoring_id: UUID, f: dict[str, Any]) -> monitoring.RecordCheckIn:
    return monitoring.RecordCheckIn(
        monitoring_id=monitoring_id,
        year=f.get("year"),
        notes=f.get("notes", ""),
        effective=f.get("effective"),
        documents=tuple(f["documents"]),
    )


def _evaluate(monitoring_id: UUID, f: dict[str, Any]) -> monitoring.EvaluateMonitoring:
    return monitoring.EvaluateMonitoring(
        monitoring_id=monitoring_id,
        outcome=f.get("outcome"),
        notes=f.get("notes", ""),
        effective=f.get("effective"),
        decree_number=f.get("decree_number", ""),
        documents=tuple(f["documents"]),
    )


STEPS: Steps = {
    "record_check_in": (monitoring.record_check_in, _check_in),
    "evaluate_monitoring": (monitoring.evaluate_monitoring, _evaluate),
}


def _years(app: Talenta, agency: str, today: date) -> list[tuple[int, ProgrammeReport | None]]:
    """Each budget year since the pack came into force, latest first, with its evaluation if
    recorded: a past year without one is late."""
    first = pack_for(agency).in_force.year
    years = []
    for year in range(today.year, first - 1, -1):
        found = programme_evaluation_id(agency, year)
        recorded: ProgrammeEvaluation | None = (
            app.repository.get(found) if found in app.repository else None
        )
        years.append((year, recorded.report if recorded else None))
    return years


def _page(
    request: Request,
    me: WebUser,
    day: date,
    days: int,
    figures: bool = False,
    status: int = 200,
    refusals: dict[str, Refused] | None = None,
    done: str = "",
    values: dict[str, Any] | None = None,
) -> Response:
    agency = me.actor.agency
    cycle = cycle_of(agency)
    if cycle is None:
        return no_cycle_page(request, me)
    app: Talenta = request.app.state.context.app
    yearly = cycle.yearly_evaluation_citation is not None
    this_day = today(agency)
    return steps_page(
        request,
        me,
        "monitoring.html",
        status,
        f"/monitoring?on={day}&days={days}",
        agency,
        steps_offered(me, STEPS),
        refusals,
        done,
        values,
        day=day,
        days=days,
        cycle=cycle,
        due=kept_reads.talent(request, read.monitoring_due, agency, day, timedelta(days=days)),
        outcomes=list(cycle.monitoring_outcomes),
        # The evaluations are aggregates no read model holds: kept until the log moves.
        years=(
            kept_reads.logged(
                request, ("years", agency, this_day), lambda: _years(app, agency, this_day)
            )
            if yearly
            else []
        ),
        this_year=this_day.year,
        year_end=budget_year_end(this_day),
        # A scan of the log: only when asked for.
        figures=programme_figures(app, agency, this_day.year) if yearly and figures else None,
    )


@router.get("/monitoring")
def monitoring_page(
    request: Request,
    me: SignedIn,
    on: date | None = None,
    days: Annotated[int, Query(ge=0, le=3660)] = DAYS,
    figures: bool = False,
    done: str = "",
    format: str = "",
) -> Response:
    day = on or today(me.actor.agency)
    if format in EXPORTS:
        due = read.monitoring_due(
            fresh_context(request).documents, me.actor.agency, day, timedelta(days=days)
        )
        rows = due.check_ins if format == "check-ins" else due.evaluations
        return exported(me, rows, EXPORTS[format], f"monitoring-{format}-{day}")
    return _page(request, me, day, days, figures, done=done)


@router.post("/monitoring/{monitoring_id}/{name}")
def take_step(
    request: Request, me: SignedIn, form: PostedForm, monitoring_id: UUID, name: str
) -> Response:
    body = fields_of(form)
    outcome = take_step_of(request, me, STEPS, name, monitoring_id, body)
    if isinstance(outcome, Response):
        return outcome
    # One form a check-in year, one a monitoring's evaluation.
    year = f"-{body.get('year')}" if name == "record_check_in" else ""
    key = f"{name}-{monitoring_id}{year}"
    if isinstance(outcome, Refused):
        if outcome.code == "other-agency" or outcome.status == 404:
            return refused_page(request, me, outcome)
        day = today(me.actor.agency)
        return _page(request, me, day, DAYS, False, outcome.status, {key: outcome}, values=body)
    return see_other(request, f"/monitoring?done={key}#{key}")
