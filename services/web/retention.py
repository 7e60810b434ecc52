"""Retention and awards in the browser (binjai-2023 P28-30, balikpapan-2022 P18, P22): the
members of the succession group (boxes 7-9 on the day) with the rotation, job enrichment and
enlargement recorded for each, and the awards the mayor decrees, a Binjai box-9 pin with its
expiry (P30(2)(a)). Each form is offered to the roles its handler allows; a refusal is shown beside
it, with its article, and nothing is written."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventsourcing.application import AggregateNotFoundError
from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.talent.retention import AwardKind, RetentionKind, RetentionRecord, retention_id
from projections import talent as read
from projections.talent.awards import AwardRow, awards
from services.api.context import fresh_context
from services.application import Talenta
from services.talent import retention
from services.web import kept_reads
from services.web.attempt import Refused, Steps, fields_of, steps_offered, take_step_of
from services.web.cycle import cycle_of, exported, no_cycle_page, steps_page, today
from services.web.frame import see_other
from services.web.session import PostedForm, SignedIn, WebUser

router = APIRouter(include_in_schema=False)

GROUP_BOXES = (7, 8, 9)  # the succession group (Binjai P1(19), Balikpapan P1(15))


def _retain(agency: str, f: dict[str, Any]) -> retention.RecordRetention:
    return retention.RecordRetention(
        agency=agency,
        nip=f.get("nip"),
        kind=f.get("kind"),
        detail=f.get("detail"),
        effective=f.get("effective"),
        reason=f.get("reason", ""),
    )


def _award(agency: str, f: dict[str, Any]) -> retention.AwardDecree:
    return retention.AwardDecree(
        agency=agency,
        nip=f.get("nip"),
        kind=f.get("kind"),
        decree_number=f.get("decree_number"),
        decree_date=f.get("decree_date"),
        detail=f.get("detail", ""),
        reason=f.get("reason", ""),
        documents=tuple(f["documents"]),
    )


STEPS: Steps = {
    "record_retention": (retention.record_retention, _retain),
    "award": (retention.award, _award),
}


def _measures(app: Talenta, agency: str, nip: str) -> list[tuple[RetentionKind, str, date]]:
    try:
        record: RetentionRecord = app.repository.get(retention_id(agency, nip))
    except AggregateNotFoundError:
        return []
    return list(record.measures)


def _page(
    request: Request,
    me: WebUser,
    day: date,
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
    members = [
        row
        for row in kept_reads.talent(request, read.development_priority, agency, day)
        if row.box in GROUP_BOXES
    ]
    decreed = kept_reads.talent(request, awards, agency)
    return steps_page(
        request,
        me,
        "retention.html",
        status,
        f"/retention?on={day}",
        agency,
        steps_offered(me, STEPS),
        refusals,
        done,
        values,
        day=day,
        cycle=cycle,
        members=members,
        measures=kept_reads.logged(
            request,
            ("retention", agency, tuple(row.nip for row in members)),
            lambda: {row.nip: _measures(app, agency, row.nip) for row in members},
        ),
        awards=decreed,
        retention_kinds=list(RetentionKind),
        award_kinds=list(AwardKind),
    )


@router.get("/retention")
def retention_page(
    request: Request, me: SignedIn, on: date | None = None, done: str = "", format: str = ""
) -> Response:
    if format == "csv":
        return exported(
            me, awards(fresh_context(request).documents, me.actor.agency), AwardRow, "awards"
        )
    return _page(request, me, on or today(me.actor.agency), done=done)


@router.post("/retention/{name}")
def take_step(request: Request, me: SignedIn, form: PostedForm, name: str) -> Response:
    body = fields_of(form)
    outcome = take_step_of(request, me, STEPS, name, me.actor.agency, body)
    if isinstance(outcome, Response):
        return outcome
    day = today(me.actor.agency)
    if isinstance(outcome, Refused):
        return _page(request, me, day, outcome.status, {name: outcome}, values=body)
    return see_other(request, f"/retention?done={name}#step-{name}")
