"""The auditor's whys of the talent cycle: a nomination (binjai-2023:P22, balikpapan-2022:P16),
a placement (binjai-2023:P31-33, balikpapan-2022:P23) and a talent search (binjai-2023:P23,
balikpapan-2022:P19), each with the rules run again on its date, the events it rests on (as
CSV too) and the pack in force. Judging a talent again reads their data: a recorded read, as in
the API."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from services.api.context import context
from services.application import Talenta
from services.audit.events import AuditEvent
from services.audit.why import why_nomination, why_placement
from services.audit.why_search import why_search
from services.personal_data_reads import record_reads
from services.web.auditor import answered, json_for
from services.web.exports import csv_answer
from services.web.frame import lang_of, page, see_other
from services.web.messages import translator
from services.web.session import SignedIn, WebUser

router = APIRouter(prefix="/auditor/why", include_in_schema=False)


@router.get("/nomination/{plan_id}/{nip}")
def nomination(
    request: Request, me: SignedIn, plan_id: UUID, nip: str, format: str = ""
) -> Response:
    app: Talenta = context(request).app
    found = answered(request, me, lambda: why_nomination(app, plan_id, nip, me.actor))
    if isinstance(found, Response):
        return found
    via = "web GET /auditor/why/nomination"
    record_reads(app, me.actor, found.audit.agency, [found.audit.nip], via)
    return _shown(request, me, "why_nomination.html", json_for(found, me.actor.role), format)


@router.get("/placement/{placement_id}")
def placement(request: Request, me: SignedIn, placement_id: UUID, format: str = "") -> Response:
    app: Talenta = context(request).app
    found = answered(request, me, lambda: why_placement(app, placement_id, me.actor))
    if isinstance(found, Response):
        return found
    via = "web GET /auditor/why/placement"
    record_reads(app, me.actor, found.audit.agency, [found.audit.nip], via)
    return _shown(request, me, "why_placement.html", json_for(found, me.actor.role), format)


@router.get("/search")
def search_asked(request: Request, me: SignedIn, search_id: str = "") -> Response:
    """The number typed into the auditor's page."""
    try:
        found = UUID(search_id.strip())
    except ValueError:
        t = translator(lang_of(request))
        return page(request, "message.html", 422, me=me, title=t("refused"), text=t("malformed"))
    return see_other(request, f"/auditor/why/search/{found}")


@router.get("/search/{search_id}")
def search(request: Request, me: SignedIn, search_id: UUID, format: str = "") -> Response:
    app: Talenta = context(request).app
    found = answered(request, me, lambda: why_search(app, search_id, me.actor))
    if isinstance(found, Response):
        return found
    chosen = [found.chosen] if found.chosen else []
    record_reads(app, me.actor, found.agency, chosen, "web GET /auditor/why/search")
    return _shown(request, me, "why_search.html", json_for(found, me.actor.role), format)


def _shown(
    request: Request, me: WebUser, template: str, why: dict[str, Any], format: str
) -> Response:
    name = template.removesuffix(".html").replace("_", "-")
    if format == "csv":
        return csv_answer(why["chain"], AuditEvent, name)
    csv = f"{request.url.path}?format=csv"
    return page(request, template, me=me, why=why, csv=csv)
