"""Vacancies in the browser (madiun-2021 P23-28): the list and opening one, and a vacancy's page
from its proposals through the TPK session (its members by office, its minutes) and the
shortlist to the mayor's pick and the inauguration, each step offered to the roles that may take
it; a refused step is shown beside its form with its article and nothing is written."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.envelope import Actor
from domain.scouting.tpk import TpkMember, TpkOffice
from domain.values import PositionLevel
from projections import scouting as read
from projections.scouting import VacancyRow
from services.api.context import fresh_context
from services.application import NotFound, Talenta
from services.auth import same_agency
from services.permissions import roles_of
from services.scouting import vacancies
from services.web import kept_reads
from services.web.attempt import (
    Refused,
    Steps,
    attempt,
    fields_of,
    read_or_refused,
    refused_page,
    steps_offered,
    take_step_of,
)
from services.web.frame import page, see_other
from services.web.names import staff
from services.web.rounds import nip_shown
from services.web.session import PostedForm, SignedIn, WebUser

router = APIRouter(include_in_schema=False)


def _members(form: dict[str, Any]) -> tuple[TpkMember, ...]:
    """One name a TPK office; an office left empty did not sit."""
    return tuple(
        TpkMember(name=form[f"member-{office}"].strip(), office=office)
        for office in TpkOffice
        if str(form.get(f"member-{office}", "")).strip()
    )


def _propose(vid: UUID, f: dict[str, Any]) -> Any:
    return vacancies.ProposeCandidate(
        vacancy_id=vid,
        nip=f.get("nip"),
        proposed_on=f.get("proposed_on"),
        reason=f.get("reason", ""),
    )


def _shortlist(vid: UUID, f: dict[str, Any]) -> Any:
    return vacancies.ShortlistCandidates(
        vacancy_id=vid,
        tpk_decree=f.get("tpk_decree"),
        members=_members(f),
        minutes_number=f.get("minutes_number"),
        minutes_date=f.get("minutes_date"),
        nips=tuple(f.get("nips", ())),
        justification=f.get("justification", ""),
        documents=tuple(f["documents"]),
    )


def _pick(vid: UUID, f: dict[str, Any]) -> Any:
    return vacancies.PickCandidate(
        vacancy_id=vid,
        nip=f.get("nip"),
        decree_number=f.get("decree_number"),
        decree_date=f.get("decree_date"),
        reason=f.get("reason", ""),
    )


def _inaugurate(vid: UUID, f: dict[str, Any]) -> Any:
    return vacancies.Inaugurate(vacancy_id=vid, inaugurated_on=f.get("inaugurated_on"))


STEPS: Steps = {
    "propose_candidate": (vacancies.propose_candidate, _propose),
    "shortlist": (vacancies.shortlist, _shortlist),
    "pick": (vacancies.pick, _pick),
    "inaugurate": (vacancies.inaugurate, _inaugurate),
}


@router.get("/vacancies")
def vacancy_list(request: Request, me: SignedIn) -> Response:
    return _list_page(request, me)


def _list_page(
    request: Request, me: WebUser, refused: Refused | None = None, values: Any = None
) -> Response:
    return page(
        request,
        "vacancies.html",
        refused.status if refused else 200,
        here="/vacancies",
        me=me,
        vacancies=kept_reads.vacancies(request, me.actor.agency),
        may_open=me.actor.role in roles_of(vacancies.open_vacancy),
        levels=list(PositionLevel),
        refused=refused,
        values=values or {},
    )


@router.post("/vacancies")
def open_vacancy(request: Request, me: SignedIn, form: PostedForm) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)

    def command() -> UUID:
        opened = vacancies.OpenVacancy(
            agency=me.actor.agency,
            position=body.get("position"),
            unit=body.get("unit"),
            level=body.get("level"),
            camat=body.get("camat") == "on",
            opened_on=body.get("opened_on"),
        )
        opened_id: UUID = vacancies.open_vacancy(app, opened, me.actor)
        return opened_id

    outcome = attempt(app, me.actor, "open_vacancy", body, command)
    if isinstance(outcome, Refused):
        return _list_page(request, me, outcome, body)
    return see_other(request, f"/vacancies/{outcome}")


def _row(request: Request, actor: Actor, vacancy_id: UUID) -> VacancyRow:
    found = read.vacancy(fresh_context(request).documents, vacancy_id)
    if found is None:
        raise NotFound.of(vacancy_id, "lowongan", "vacancy")
    same_agency(actor, found.agency)
    return found


def _vacancy_page(
    request: Request,
    me: WebUser,
    row: VacancyRow,
    status: int = 200,
    refusals: dict[str, Refused] | None = None,
    done: str = "",
    values: dict[str, Any] | None = None,
) -> Response:
    """``values``: what a refused form held, given back to it."""
    role = me.actor.role
    names = staff(request, row.agency).names
    pool = [
        entry
        for entry in kept_reads.pool_on(request, row.agency, row.opened_on)
        if entry.level is row.level and entry.nip not in {p.nip for p in row.proposals}
    ]
    return page(
        request,
        "vacancy.html",
        status,
        here=f"/vacancies/{row.vacancy_id}",
        me=me,
        v=row,
        names=names,
        shown=lambda nip: nip_shown(nip, role),
        pool=pool,
        offices=list(TpkOffice),
        steps=steps_offered(me, STEPS),
        refusals=refusals or {},
        done=done,
        values=values or {},
    )


@router.get("/vacancies/{vacancy_id}")
def vacancy_page(request: Request, me: SignedIn, vacancy_id: UUID, done: str = "") -> Response:
    found = read_or_refused(request, me, lambda: _row(request, me.actor, vacancy_id))
    if isinstance(found, Response):
        return found
    return _vacancy_page(request, me, found, done=done)


@router.post("/vacancies/{vacancy_id}/steps/{name}")
def take_step(
    request: Request, me: SignedIn, form: PostedForm, vacancy_id: UUID, name: str
) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    body["nips"] = [value for value in form.getlist("nips") if isinstance(value, str)]
    found = attempt(app, me.actor, name, body, lambda: _row(request, me.actor, vacancy_id))
    if isinstance(found, Refused):
        return refused_page(request, me, found)
    outcome = take_step_of(request, me, STEPS, name, vacancy_id, body)
    if isinstance(outcome, Response):
        return outcome
    if isinstance(outcome, Refused):
        now = _row(request, me.actor, vacancy_id)
        return _vacancy_page(request, me, now, outcome.status, {name: outcome}, values=body)
    return see_other(request, f"/vacancies/{vacancy_id}?done={name}#step-{name}")
