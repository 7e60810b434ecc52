"""One step taken from a form: the same handler, permissions and refusals as the API. A refusal
comes back with its code, both languages and its citation, to be shown beside the form, and is
recorded as the API records it; the refused step itself wrote nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from eventsourcing.persistence import IntegrityError
from pydantic import ValidationError
from starlette.datastructures import FormData, UploadFile

from domain.access.users import UserError
from domain.envelope import Actor
from domain.rules.core import RuleRefusal
from domain.values import InvalidValue
from services.api.refusals import ALREADY_RECORDED
from services.application import NotFound, Talenta
from services.audit.refusals import record_refusal
from services.auth import AuthError
from services.permissions import Forbidden
from services.web.session import CSRF_FIELD

T = TypeVar("T")


@dataclass(frozen=True)
class Refused:
    status: int
    code: str
    message: str  # Indonesian
    message_en: str
    citation: str = ""

    def text(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message


def split(text: str) -> tuple[str, str]:
    indonesian, _, english = text.partition(" / ")
    return indonesian, english or indonesian


def _refusal(error: Exception) -> tuple[Refused, bool] | None:
    """The refusal and whether it is recorded (not for what does not exist or a lost race)."""
    if isinstance(error, RuleRefusal):
        status = 409 if error.code in ALREADY_RECORDED else 422
        return Refused(
            status, error.code, error.message.id, error.message.en, error.citation or ""
        ), True
    if isinstance(error, AuthError):
        return Refused(error.status, error.code, error.message, error.message_en), True
    if isinstance(error, Forbidden):
        return Refused(403, "forbidden", *split(str(error))), True
    if isinstance(error, UserError):
        return Refused(422, "invalid-value", error.message, error.message_en), True
    if isinstance(error, InvalidValue):
        return Refused(422, "invalid-value", *split(str(error))), True
    if isinstance(error, ValidationError):
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors()
        )
        return Refused(
            422,
            "invalid-request",
            f"isian tidak sah: {problems}",
            f"the form is not valid: {problems}",
        ), True
    if isinstance(error, NotFound):
        return Refused(404, "not-found", *split(str(error))), False
    if isinstance(error, IntegrityError):
        return Refused(
            409,
            "conflict",
            "data berubah oleh pengguna lain; muat ulang dan ulangi",
            "the data was changed by someone else meanwhile; reload and try again",
        ), False
    return None


def refused_read(error: Exception) -> Refused | None:
    """What a read (never recorded: only a refused step is) answers for ``error``, if a refusal."""
    found = _refusal(error)
    return found[0] if found else None


def fields_of(form: FormData) -> dict[str, Any]:
    """The form's text fields, and its uploaded files as documents pinned by SHA-256."""
    fields: dict[str, Any] = {
        key: value for key, value in form.items() if key != CSRF_FIELD and isinstance(value, str)
    }
    fields["documents"] = [
        {"name": upload.filename, "sha256": hashlib.sha256(upload.file.read()).hexdigest()}
        for upload in form.getlist("documents")
        if isinstance(upload, UploadFile) and upload.filename
    ]
    return fields


def attempt(
    app: Talenta, actor: Actor, command: str, body: dict[str, Any], call: Callable[[], T]
) -> T | Refused:
    """``call()``'s result, or the refusal it raised, recorded as made through the web."""
    try:
        return call()
    except Exception as error:
        found = _refusal(error)
        if found is None:
            raise
        refused, recorded = found
        if recorded:
            record_refusal(
                app,
                actor,
                command,
                "web",
                body,
                refused.status,
                refused.code,
                refused.citation,
                refused.message,
                refused.message_en,
            )
        return refused
