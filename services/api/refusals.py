"""Every refusal answers 4xx with {code, message (Indonesian), message_en, citation}."""

from __future__ import annotations

from eventsourcing.persistence import IntegrityError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from domain.rules.core import Message, RuleRefusal
from domain.values import InvalidValue
from services.application import EmployeeNotFound, NotFound
from services.permissions import Forbidden


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


def handle_refusals(api: FastAPI) -> None:
    async def not_found(request: Request, error: Exception) -> JSONResponse:
        code = "employee-not-found" if isinstance(error, EmployeeNotFound) else "not-found"
        return refusal(404, code, str(error))

    async def invalid(request: Request, error: Exception) -> JSONResponse:
        return refusal(422, "invalid-value", str(error))

    async def refused(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RuleRefusal)
        return refusal(422, error.code, error.message, error.citation or "")

    async def forbidden(request: Request, error: Exception) -> JSONResponse:
        return refusal(403, "forbidden", str(error))

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
        return answer

    api.add_exception_handler(RequestValidationError, malformed)
    api.add_exception_handler(EmployeeNotFound, not_found)
    api.add_exception_handler(NotFound, not_found)
    api.add_exception_handler(InvalidValue, invalid)
    api.add_exception_handler(RuleRefusal, refused)
    api.add_exception_handler(Forbidden, forbidden)
    api.add_exception_handler(IntegrityError, conflict)
