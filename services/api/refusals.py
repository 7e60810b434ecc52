"""Every refusal answers 4xx with {code, message (Indonesian), message_en, citation}; a refused
command (a POST: a rule, a role or agency that may not act, an invalid value or request) is also
recorded as a Refusal event, saved on its own after the command wrote nothing."""

from __future__ import annotations

import json
from typing import Any

from eventsourcing.persistence import IntegrityError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from domain.envelope import Actor
from domain.rules.core import Message, RuleRefusal
from domain.values import InvalidValue
from services.application import EmployeeNotFound, NotFound
from services.audit.refusals import record_refusal
from services.auth import OtherAgency
from services.permissions import Forbidden

# The very step recorded already. For whoever sends it that is the same as losing the race to
# save it (two caseworkers at once: one wins, the other reloads), so it answers 409 as that
# conflict does, keeping the article that allows the step once.
ALREADY_RECORDED = frozenset(
    {
        "already-analysed",
        "already-announced",
        "already-declared",
        "already-evaluated",
        "already-nominated",
        "already-placed",
        "already-proposed",
        "already-published",
        "already-recommended",
        "already-recorded",
        "already-registered",
        "already-reported",
        "already-selected",
        "check-in-already-recorded",
        "entry-already-decreed",
        "follow-up-already-closed",
        "nominated-group-exists",
        "pool-already-decreed",
        "search-already-concluded",
        "search-already-decided",
    }
)


# What the framework refuses before any route is reached (no such path, a body it cannot read),
# in Indonesian beside the framework's own English.
FRAMEWORK = {
    400: ("invalid-request", "isi permintaan tidak terbaca"),
    404: ("not-found", "alamat tidak ada"),
    405: ("method-not-allowed", "metode ini tidak berlaku untuk alamat ini"),
}


def refusal(status: int, code: str, message: str | Message, citation: str = "") -> JSONResponse:
    if isinstance(message, Message):
        indonesian, english = message.id, message.en
    else:
        indonesian, _, english = message.partition(" / ")
    body = {
        "code": code,
        "message": indonesian,
        "message_en": english or indonesian,
        "citation": citation,  # empty when the refusal rests on no article (e.g. not found)
    }
    return JSONResponse(status_code=status, content=body)


async def recorded(request: Request, answer: JSONResponse) -> JSONResponse:
    """``answer``, after recording it when it refuses a command of a known actor."""
    actor = getattr(request.state, "actor", None)
    route = request.scope.get("route")
    if request.method != "POST" or not isinstance(actor, Actor) or route is None:
        return answer
    refused = json.loads(bytes(answer.body))
    raw = await request.body()
    try:
        body: Any = json.loads(raw) if raw else {}
    except ValueError:
        body = None
    if not isinstance(body, dict):
        body = {"unreadable": raw.decode("utf-8", "replace")[:2000]}
    await run_in_threadpool(
        record_refusal,
        request.app.state.context.app,
        actor,
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


def handle_refusals(api: FastAPI) -> None:
    async def not_found(request: Request, error: Exception) -> JSONResponse:
        code = "employee-not-found" if isinstance(error, EmployeeNotFound) else "not-found"
        return refusal(404, code, str(error))

    async def invalid(request: Request, error: Exception) -> JSONResponse:
        return await recorded(request, refusal(422, "invalid-value", str(error)))

    async def refused(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RuleRefusal)
        status = 409 if error.code in ALREADY_RECORDED else 422
        return await recorded(
            request, refusal(status, error.code, error.message, error.citation or "")
        )

    async def forbidden(request: Request, error: Exception) -> JSONResponse:
        return await recorded(request, refusal(403, "forbidden", str(error)))

    async def other_agency(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, OtherAgency)
        return await recorded(
            request, refusal(error.status, error.code, f"{error.message} / {error.message_en}")
        )

    async def conflict(request: Request, error: Exception) -> JSONResponse:
        return refusal(
            409,
            "conflict",
            "data berubah oleh pengguna lain; muat ulang dan ulangi / the data was changed by "
            "someone else meanwhile; reload and try again",
        )

    async def malformed(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        answer = refusal(
            422,
            "invalid-request",
            "permintaan tidak sah / the request is not valid: "
            + "; ".join(
                f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
                for problem in error.errors()
            ),
        )
        return await recorded(request, answer)

    async def framework(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, HTTPException)
        code, indonesian = FRAMEWORK.get(error.status_code, ("refused", "permintaan ditolak"))
        answer = refusal(error.status_code, code, f"{indonesian} / {error.detail}")
        answer.headers.update(error.headers or {})
        return answer

    api.add_exception_handler(HTTPException, framework)
    api.add_exception_handler(RequestValidationError, malformed)
    api.add_exception_handler(EmployeeNotFound, not_found)
    api.add_exception_handler(NotFound, not_found)
    api.add_exception_handler(InvalidValue, invalid)
    api.add_exception_handler(RuleRefusal, refused)
    api.add_exception_handler(Forbidden, forbidden)
    api.add_exception_handler(OtherAgency, other_agency)
    api.add_exception_handler(IntegrityError, conflict)
