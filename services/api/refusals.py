"""Every refusal answers 4xx with {code, message (Indonesian), message_en, citation}; a refused
command (a POST of an authenticated user, however it failed: a rule, a role or agency that may
not act, a role not held or not named, an unreadable, invalid or oversized request, a lost race to
save) is also recorded as a Refusal event, saved on its own after the command wrote nothing, and
kept as the outcome of the request's idempotency key."""

from __future__ import annotations

import json
from typing import Any

from eventsourcing.persistence import IntegrityError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from domain.bilingual import Message
from domain.envelope import Actor
from domain.rules.core import RuleRefusal
from domain.values import InvalidValue
from projections.access import Asker
from services.api.auth import ROLE_HEADER, current_principal
from services.api.characters import too_deep
from services.api.idempotency import REPLAYED, KeyRefused, Replayed, settle
from services.api.limits import RequestTooLarge
from services.application import NotFound
from services.audit.refusals import record_refusal
from services.auth import AuthError, actor_for
from services.permissions import Forbidden
from services.refusals import Refusal, invalid, refusal_of

# What the framework refuses before any route is reached (no such path, a body it cannot read),
# in Indonesian beside the framework's own English.
FRAMEWORK = {
    400: ("invalid-request", "isi permintaan tidak terbaca"),
    404: ("not-found", "alamat tidak ada"),
    405: ("method-not-allowed", "metode ini tidak berlaku untuk alamat ini"),
}


MAX_ROLE = 40  # characters of an unknown role's name kept in the record


def answer(refused: Refusal) -> JSONResponse:
    body = {
        "code": refused.code,
        "message": refused.message.id,
        "message_en": refused.message.en,
        "citation": refused.citation,  # empty when the refusal rests on no article
    }
    return JSONResponse(status_code=refused.status, content=body)


def answer_to(error: Exception) -> JSONResponse:
    """The answer to an error registered below, each of which is a refusal."""
    refused = refusal_of(error)
    assert refused is not None, error
    return answer(refused)


async def recorded(
    request: Request, answer: JSONResponse, body: dict[str, Any] | None = None
) -> JSONResponse:
    """``answer``, after keeping it as the outcome of the request's idempotency key and recording
    it when it refuses a command (a POST to a route) of an authenticated user; ``body`` stands
    for a request that was not read."""
    refused = json.loads(bytes(answer.body))
    await run_in_threadpool(settle, request, answer.status_code, refused)
    route = request.scope.get("route")
    if request.method != "POST" or route is None:
        return answer
    asker = await run_in_threadpool(_who_asked, request)
    if asker is None:
        return answer  # no one to record it for: the request proved no identity
    if body is None:
        body = _read(await request.body())
    await run_in_threadpool(
        record_refusal,
        request.app.state.context.app,
        asker,
        getattr(route, "name", request.url.path),
        "api",
        body,
        answer.status_code,
        refused["code"],
        refused["citation"],
        refused["message"],
        refused["message_en"],
    )
    return answer


def _who_asked(request: Request) -> Actor | Asker | None:
    """The actor of the request, or, refused before it had one, the user its token names in the
    role it asked for, held or not."""
    actor = getattr(request.state, "actor", None)
    if isinstance(actor, Actor):
        return actor
    try:
        principal = current_principal(request, request.headers.get("Authorization"))
    except AuthError:
        return None
    role = request.headers.get(ROLE_HEADER)
    try:
        return actor_for(principal, role)
    except AuthError:
        named = (role or "").strip()[:MAX_ROLE]
        return Asker(id=principal.user_id, role=named, agency=principal.agency)


def _read(raw: bytes) -> dict[str, Any]:
    try:
        body: Any = json.loads(raw) if raw else {}
    except (ValueError, RecursionError):
        body = None
    if isinstance(body, dict) and not too_deep(body):
        return body
    return {"unreadable": raw.decode("utf-8", "replace")[:2000]}


def handle_refusals(api: FastAPI) -> None:
    async def not_found(request: Request, error: Exception) -> JSONResponse:
        refused = answer_to(error)
        await run_in_threadpool(settle, request, 404, json.loads(bytes(refused.body)))
        return refused

    async def replayed(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, Replayed)
        return JSONResponse(error.answer, error.status, headers={REPLAYED: "true"})

    async def key_refused(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, KeyRefused)
        return await recorded(request, answer(Refusal(error.status, error.code, error.message)))

    async def refused(request: Request, error: Exception) -> JSONResponse:
        return await recorded(request, answer_to(error))

    async def access(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, AuthError)
        refused = answer_to(error)
        refused.headers.update(error.headers)
        return await recorded(request, refused)

    async def malformed(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        return await recorded(request, answer(invalid(error.errors())))

    async def too_large(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestTooLarge)
        message = Message(id=f"isi permintaan melebihi {error.limit} bita", en=f"{error.detail}")
        refused = answer(Refusal(413, "request-too-large", message))
        unread = {"unread": f"more than {error.limit} bytes"}
        return await recorded(request, refused, unread)

    async def framework(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, HTTPException)
        code, indonesian = FRAMEWORK.get(error.status_code, ("refused", "permintaan ditolak"))
        message = Message(id=indonesian, en=str(error.detail))
        refused = answer(Refusal(error.status_code, code, message))
        refused.headers.update(error.headers or {})
        return await recorded(request, refused)  # e.g. a body the framework could not parse

    api.add_exception_handler(HTTPException, framework)
    api.add_exception_handler(RequestTooLarge, too_large)
    api.add_exception_handler(Replayed, replayed)
    api.add_exception_handler(KeyRefused, key_refused)
    api.add_exception_handler(RequestValidationError, malformed)
    api.add_exception_handler(NotFound, not_found)
    api.add_exception_handler(InvalidValue, refused)
    api.add_exception_handler(RuleRefusal, refused)
    api.add_exception_handler(Forbidden, refused)
    # Replaces the authentication's own answer to the same errors: this one records them.
    api.add_exception_handler(AuthError, access)
    api.add_exception_handler(IntegrityError, refused)
