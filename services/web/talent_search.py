"""The talent search in the browser (binjai-2023 P23, balikpapan-2022 P19): the agency's searches,
open, concluded and decided, and a page per search with its steps: the team opens it for a
position needing talent fast or with a specific expertise, records what it found and whom it
chose, and the PPK decrees the mutation/rotation or the (special) assignment that follows. Each
form is offered to the roles that may take it and only while the search awaits that step; a
refused step is shown beside its form with its article, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.envelope import Actor
from domain.talent.search import SearchFollowUp, SearchGround
from domain.values import PositionLevel
from projections.talent.searches import SearchRow, SearchStage, talent_search, talent_searches
from services.api.context import fresh_context
from services.application import NotFound, Talenta
from services.auth import same_agency
from services.talent import search
from services.web.attempt import Refused, fields_of, read_or_refused, refused_page
from services.web.cycle import (
    Handler,
    cycle_of,
    exported,
    no_cycle_page,
    offered,
    steps_page,
    take,
    units_of,
)
from services.web.frame import see_other
from services.web.session import PostedForm, SignedIn, WebUser

router = APIRouter(include_in_schema=False)

STEPS: dict[str, Handler] = {
    "open_talent_search": search.open_talent_search,
    "conclude_talent_search": search.conclude_talent_search,
    "decide_talent_search": search.decide_talent_search,
}
# The step each stage awaits: a concluded search that chose no one awaits nothing.
AWAITS = {SearchStage.OPEN: "conclude_talent_search", SearchStage.CONCLUDED: "decide_talent_search"}


def _search_of(request: Request, actor: Actor, search_id: UUID) -> SearchRow:
    found = talent_search(fresh_context(request).documents, search_id)
    if found is None:
        raise NotFound.of(search_id, "pencarian Talenta", "talent search")
    same_agency(actor, found.agency)
    return found


def _list_page(
    request: Request,
    me: WebUser,
    status: int = 200,
    refused: Refused | None = None,
    values: dict[str, Any] | None = None,
) -> Response:
    agency = me.actor.agency
    rows = talent_searches(fresh_context(request).documents, agency)
    return steps_page(
        request,
        me,
        "talent_searches.html",
        status,
        "/talent-search",
        agency,
        offered(me, STEPS) & {"open_talent_search"},
        {"open_talent_search": refused} if refused else None,
        "",
        values,
        cycle=cycle_of(agency),
        by_stage={stage: [row for row in rows if row.stage is stage] for stage in SearchStage},
        units=units_of(request, agency),
        levels=list(PositionLevel),
        grounds=list(SearchGround),
    )


@router.get("/talent-search")
def searches(request: Request, me: SignedIn, format: str = "") -> Response:
    if cycle_of(me.actor.agency) is None:
        return no_cycle_page(request, me)
    if format == "csv":
        rows = talent_searches(fresh_context(request).documents, me.actor.agency)
        return exported(me, rows, SearchRow, "talent-searches")
    return _list_page(request, me)


@router.post("/talent-search")
def open_search(request: Request, me: SignedIn, form: PostedForm) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    body["grounds"] = [value for value in form.getlist("grounds") if isinstance(value, str)]
    name = "open_talent_search"

    def command() -> UUID:
        opened = search.OpenTalentSearch(
            agency=me.actor.agency,
            position=body.get("position"),
            unit=body.get("unit"),
            level=body.get("level"),
            grounds=tuple(body["grounds"]),
            expertise=body.get("expertise", ""),
            justification=body.get("justification"),
            opened_on=body.get("opened_on"),
        )
        made: UUID = search.open_talent_search(app, opened, me.actor)
        return made

    outcome = take(request, me, name, body, command)
    if isinstance(outcome, Refused):
        return _list_page(request, me, outcome.status, outcome, body)
    return see_other(request, f"/talent-search/{outcome}?done={name}")


def _search_page(
    request: Request,
    me: WebUser,
    row: SearchRow,
    status: int = 200,
    refusals: dict[str, Refused] | None = None,
    values: dict[str, Any] | None = None,
    done: str = "",
) -> Response:
    awaited = AWAITS.get(row.stage)
    if row.stage is SearchStage.CONCLUDED and not row.chosen:
        awaited = None
    return steps_page(
        request,
        me,
        "talent_search.html",
        status,
        f"/talent-search/{row.search_id}",
        row.agency,
        offered(me, STEPS) & ({awaited} if awaited else set()),
        refusals,
        done,
        values,
        cycle=cycle_of(row.agency),
        search=row,
        follow_ups=list(SearchFollowUp),
    )


@router.get("/talent-search/{search_id}")
def search_page(request: Request, me: SignedIn, search_id: UUID, done: str = "") -> Response:
    found = read_or_refused(request, me, lambda: _search_of(request, me.actor, search_id))
    if isinstance(found, Response):
        return found
    return _search_page(request, me, found, done=done)


def _nips(typed: str) -> list[str]:
    """The NIPs typed one per line or comma-separated, each once."""
    return list(
        dict.fromkeys(n.strip() for n in typed.replace(",", "\n").splitlines() if n.strip())
    )


def _command(name: str, search_id: UUID, body: dict[str, Any]) -> Callable[[Talenta, Actor], Any]:
    if name == "conclude_talent_search":
        concluded = search.ConcludeTalentSearch(
            search_id=search_id,
            found=tuple(_nips(str(body.get("found", "")))),
            chosen=body.get("chosen") or None,
            result=body.get("result"),
            concluded_on=body.get("concluded_on"),
            documents=tuple(body["documents"]),
        )
        return lambda app, actor: search.conclude_talent_search(app, concluded, actor)
    if name == "decide_talent_search":
        decided = search.DecideTalentSearch(
            search_id=search_id,
            nip=body.get("nip"),
            follow_up=body.get("follow_up"),
            decree_number=body.get("decree_number"),
            decree_date=body.get("decree_date"),
            reason=body.get("reason", ""),
            documents=tuple(body["documents"]),
        )
        return lambda app, actor: search.decide_talent_search(app, decided, actor)
    raise NotFound(f"langkah {name} tidak ada", f"no step {name}")


@router.post("/talent-search/{search_id}/steps/{name}")
def search_step(
    request: Request, me: SignedIn, form: PostedForm, search_id: UUID, name: str
) -> Response:
    app: Talenta = request.app.state.context.app
    body = fields_of(form)
    found = take(request, me, name, body, lambda: _search_of(request, me.actor, search_id))
    if isinstance(found, Refused):
        return refused_page(request, me, found)
    outcome = take(request, me, name, body, lambda: _command(name, search_id, body)(app, me.actor))
    if isinstance(outcome, Refused):
        return _search_page(request, me, found, outcome.status, {name: outcome}, body)
    return see_other(request, f"/talent-search/{search_id}?done={name}#outcome")
