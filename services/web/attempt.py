"""One step taken from a form: the same handler, permissions and refusals as the API. A refusal
comes back with its code, both languages and its citation, to be shown beside the form, and is
recorded as the API records it; the refused step itself wrote nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import Response
from starlette.datastructures import FormData, UploadFile

from domain.envelope import Actor
from services.application import Talenta
from services.audit.refusals import record_refusal
from services.permissions import roles_of
from services.refusals import Refusal, refusal_of
from services.web.frame import page
from services.web.session import CSRF_FIELD, WebUser

T = TypeVar("T")
# Each step of a page: its handler (whose roles are offered the form) and how the form becomes
# its command, given the agency or the record the step is taken on.
Steps = Mapping[str, tuple[Callable[..., Any], Callable[[Any, dict[str, Any]], Any]]]


@dataclass(frozen=True)
class Refused:
    status: int
    code: str
    message: str  # Indonesian
    message_en: str
    citation: str = ""

    def text(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message

    @classmethod
    def of(cls, refusal: Refusal) -> Refused:
        message = refusal.message
        return cls(refusal.status, refusal.code, message.id, message.en, refusal.citation)


def _refusal(error: Exception) -> tuple[Refused, bool] | None:
    """The refusal and whether it is recorded (not for what does not exist or a lost race)."""
    found = refusal_of(error)
    return (Refused.of(found), found.judged) if found else None


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


def refused_page(request: Request, me: WebUser, refused: Refused) -> Response:
    return page(request, "message.html", refused.status, me=me, title="", refused=refused)


def read_or_refused(request: Request, me: WebUser, read: Callable[[], T]) -> T | Response:
    """What ``read()`` found, or the page of its refusal: a read refused is shown, never
    recorded (only a refused step is)."""
    try:
        return read()
    except Exception as error:
        refused = refused_read(error)
        if refused is None:
            raise
        return refused_page(request, me, refused)


def steps_offered(me: WebUser, steps: Steps) -> set[str]:
    """The steps whose handler the user's role may call: only those forms are shown."""
    return {name for name, (handler, _) in steps.items() if me.actor.role in roles_of(handler)}


def take_step_of(
    request: Request, me: WebUser, steps: Steps, name: str, on: Any, body: dict[str, Any]
) -> Any | Refused | Response:
    """The step ``name`` of ``steps`` taken on ``on`` with the form's ``body``: its result, its
    refusal, or the page saying there is no such step."""
    if name not in steps:
        missing = Refused(404, "not-found", f"langkah {name} tidak ada", f"no step {name}")
        return refused_page(request, me, missing)
    handler, build = steps[name]
    app: Talenta = request.app.state.context.app
    return attempt(app, me.actor, name, body, lambda: handler(app, build(on, body), me.actor))
