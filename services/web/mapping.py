"""Mapping campaigns in the browser (binjai-2023 P17-21, balikpapan-2022 P13-15): open one for a
unit (or the agency) and a period, enter assessments one by one or upload a sheet of them (each
refused row reported with its line, reason and article; the good rows recorded), follow its
progress and box-9 talents per unit, close it. The nine-box grid itself is services/web/ninebox.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from domain.bilingual import Bilingual
from domain.rules.ninebox import Performance, Potential
from domain.talent.campaign import MappingCampaign, campaign_id
from domain.values import InvalidValue
from projections.talent.profiles import profiles
from services.api.context import fresh_context
from services.application import NotFound, Talenta
from services.auth import same_agency
from services.permissions import roles_of
from services.talent import mapping
from services.talent.sheets import row_command, sheet_rows
from services.web import kept_reads
from services.web.attempt import Refused, fields_of, read_or_refused, refused_page
from services.web.cycle import (
    Handler,
    cycle_of,
    offered,
    steps_page,
    take,
    today,
    units_of,
)
from services.web.frame import page, see_other
from services.web.session import PostedForm, SignedIn, WebUser

router = APIRouter(include_in_schema=False)

STEPS: dict[str, Handler] = {
    "open_campaign": mapping.open_campaign,
    "assess_employee": mapping.assess_employee,
    "assess_sheet": mapping.assess_employee,
    "close_campaign": mapping.close_campaign,
}
# The evidence an assessment rests on (Binjai P18, Balikpapan P13(2)), one field each.
EVIDENCE = ("assessment_centre", "competency_test", "track_record", "other")


def _campaigns(request: Request, agency: str) -> list[MappingCampaign]:
    """The campaigns of the units and periods mapped so far (a campaign's id derives from its
    agency, unit and period)."""
    app: Talenta = request.app.state.context.app
    rows = kept_reads.talent(request, profiles, agency)
    periods = {a.period for row in rows for a in row.assessments}
    found: list[MappingCampaign] = []
    for period in sorted(periods, reverse=True):
        for unit in ["", *units_of(request, agency)]:
            key = campaign_id(agency, unit, period)
            if key in app.repository:
                found.append(app.repository.get(key))
    return found


def _list_page(
    request: Request,
    me: WebUser,
    status: int = 200,
    refused: Refused | None = None,
    values: dict[str, Any] | None = None,
) -> Response:
    agency = me.actor.agency
    return page(
        request,
        "mapping.html",
        status,
        here="/mapping",
        me=me,
        cycle=cycle_of(agency),
        # Campaigns are aggregates no read model holds: kept until the log moves.
        campaigns=kept_reads.logged(
            request, ("campaigns", agency), lambda: _campaigns(request, agency)
        ),
        units=units_of(request, agency),
        steps=offered(me, STEPS),
        refusals={"open_campaign": refused} if refused else {},
        values=values or {},
        done="",
    )


@router.get("/mapping")
def campaigns(request: Request, me: SignedIn) -> Response:
    return _list_page(request, me)


@router.get("/mapping/find")
def find(request: Request, me: SignedIn, period: str, unit: str = "") -> Response:
    key = campaign_id(me.actor.agency, unit, period.strip())
    if key not in request.app.state.context.app.repository:
        missing = Refused(
            404,
            "not-found",
            f"tidak ada pemetaan {unit or me.actor.agency} periode {period}",
            f"no mapping of {unit or me.actor.agency} for {period}",
        )
        return refused_page(request, me, missing)
    return see_other(request, f"/mapping/{key}")


@router.post("/mapping")
def open_campaign(request: Request, me: SignedIn, form: PostedForm) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)

    def command() -> UUID:
        opened = mapping.OpenCampaign(
            agency=me.actor.agency,
            unit=body.get("unit", ""),
            period=body.get("period"),
            opened_on=body.get("opened_on"),
            reason=body.get("reason", ""),
        )
        # The form names no one: the campaign covers whom the directory lists, as by the API.
        scoped = mapping.directory_scope(opened, fresh_context(request).directory)
        found: UUID = mapping.open_campaign(app, scoped, me.actor)
        return found

    outcome = take(request, me, "open_campaign", body, command)
    if isinstance(outcome, Refused):
        return _list_page(request, me, outcome.status, outcome, body)
    return see_other(request, f"/mapping/{outcome}")


def _campaign(request: Request, me: WebUser, key: UUID) -> MappingCampaign:
    found = request.app.state.context.app.find(key, "pemetaan", "mapping campaign")
    if not isinstance(found, MappingCampaign):
        raise NotFound.of(key, "pemetaan", "mapping campaign")
    same_agency(me.actor, found.agency)
    return found


def _campaign_page(
    request: Request,
    me: WebUser,
    campaign: MappingCampaign,
    status: int = 200,
    refusals: dict[str, Refused] | None = None,
    values: dict[str, Any] | None = None,
    done: str = "",
    sheet: tuple[int, list[tuple[int, str, Refused]]] | None = None,
) -> Response:
    """``sheet``: an uploaded sheet's rows recorded, and each refused row's line and NIP."""
    app: Talenta = request.app.state.context.app
    # The progress and box-9 talents are the report's, read by the roles it is declared for.
    report = (
        mapping.campaign_report(app, campaign.id, me.actor)
        if me.actor.role in roles_of(mapping.campaign_report)
        else None
    )
    return steps_page(
        request,
        me,
        "campaign.html",
        status,
        f"/mapping/{campaign.id}",
        campaign.agency,
        offered(me, STEPS) - {"open_campaign"},
        refusals,
        done,
        values,
        c=campaign,
        report=report,
        performances=list(Performance),
        potentials=list(Potential),
        evidence_fields=EVIDENCE,
        day=today(campaign.agency),
        sheet=sheet,
    )


def _read(request: Request, me: WebUser, key: UUID, step: str) -> MappingCampaign | Refused:
    """The campaign a step is taken on; refused (and recorded as the step's refusal) when it
    does not exist or is another agency's."""
    return take(request, me, step, {"campaign_id": str(key)}, lambda: _campaign(request, me, key))


def _step(
    request: Request,
    me: WebUser,
    key: UUID,
    name: str,
    body: dict[str, Any],
    command: Callable[[MappingCampaign], Any],
) -> Response:
    """The step ``name`` taken on campaign ``key`` as ``command(campaign)``; refused, the
    campaign's page again with the refusal beside the step's form."""
    found = _read(request, me, key, name)
    if isinstance(found, Refused):
        return refused_page(request, me, found)
    outcome = take(request, me, name, body, lambda: command(found))
    if isinstance(outcome, Refused):
        return _campaign_page(request, me, found, outcome.status, {name: outcome}, body)
    return see_other(request, f"/mapping/{key}?done={name}#step-{name}")


@router.get("/mapping/{key}")
def campaign(request: Request, me: SignedIn, key: UUID, done: str = "") -> Response:
    found = read_or_refused(request, me, lambda: _campaign(request, me, key))
    if isinstance(found, Response):
        return found
    return _campaign_page(request, me, found, done=done)


def _evidence(body: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Each evidence field filled in, as the assessment's evidence of that kind."""
    return {
        kind: {"result": str(body[f"evidence-{kind}"]).strip()}
        for kind in EVIDENCE
        if str(body.get(f"evidence-{kind}", "")).strip()
    }


@router.post("/mapping/{key}/assess")
def assess(request: Request, me: SignedIn, form: PostedForm, key: UUID) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)

    def command(found: MappingCampaign) -> Any:
        assessed = mapping.AssessEmployee(
            agency=found.agency,
            nip=body.get("nip"),
            period=found.period,
            assessed_on=body.get("assessed_on"),
            performance=body.get("performance"),
            potential=body.get("potential"),
            evidence=_evidence(body),
            documents=tuple(body["documents"]),
            reason=body.get("reason", ""),
        )
        return mapping.assess_employee(app, assessed, me.actor)

    return _step(request, me, key, "assess_employee", body, command)


def _both(error: ValueError) -> InvalidValue:
    """A row's error in both languages, as a refusal reads (a parser's own is English only)."""
    if isinstance(error, Bilingual):
        return InvalidValue(error.message.id, error.message.en)
    return InvalidValue(f"baris tidak sah: {error}", f"row not valid: {error}")


@router.post("/mapping/{key}/sheet")
def assess_sheet(request: Request, me: SignedIn, form: PostedForm, key: UUID) -> Response:
    """A sheet of nip,performance,potential,assessed_on[,period] rows, the campaign's period
    where a row names none: each row taken as one assessment, a refused row reported."""
    app: Talenta = request.app.state.context.app
    found = _read(request, me, key, "assess_employee")
    if isinstance(found, Refused):
        return refused_page(request, me, found)
    upload = form.get("sheet")
    raw = upload.file.read() if isinstance(upload, UploadFile) else b""
    filename = upload.filename if isinstance(upload, UploadFile) else ""
    source = {"sheet": filename or "", "sha256": hashlib.sha256(raw).hexdigest()}
    recorded, refused = 0, []
    for line, cells in sheet_rows(raw.decode("utf-8-sig", "replace")):
        row = {"line": line, "cells": cells}

        def command(cells: list[str] = cells, line: int = line) -> Any:
            try:
                built = row_command(found.agency, cells, found.period, {}, source, line)
            except ValidationError:
                raise
            except ValueError as error:  # a column count, a date or a level misspelt
                raise _both(error) from None
            return mapping.assess_employee(app, built, me.actor)

        outcome = take(request, me, "assess_employee", row, command)
        if isinstance(outcome, Refused):
            refused.append((line, cells[0] if cells else "", outcome))
        else:
            recorded += 1
    status = 422 if refused else 200
    done = "" if refused else "assess_sheet"
    return _campaign_page(request, me, found, status, done=done, sheet=(recorded, refused))


@router.post("/mapping/{key}/close")
def close(request: Request, me: SignedIn, form: PostedForm, key: UUID) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)

    def command(found: MappingCampaign) -> None:
        closed = mapping.CloseCampaign(
            campaign_id=key, closed_on=body.get("closed_on"), reason=body.get("reason", "")
        )
        mapping.close_campaign(app, closed, me.actor)

    return _step(request, me, key, "close_campaign", body, command)
