"""The acting step of one `talenta` invocation: who acts, noted when the step names its actor
(``remember``), so that a refusal of it is recorded like the API's (``record``, from the
top-level group, before the user reads the one-line message) and its JSON answer shows only the
personal data the actor's role may see (``shown_to_step``)."""

from __future__ import annotations

from typing import Any

import click
from fastapi.encoders import jsonable_encoder
from pydantic import ValidationError

from domain.envelope import Actor
from domain.rules.core import RuleRefusal
from domain.values import InvalidValue
from services.application import Talenta
from services.audit.refusals import record_refusal
from services.auth import OtherAgency
from services.commands import invalid_request
from services.config import StoreConfig
from services.permissions import Forbidden
from services.personal_data import shown

_STEP = "talenta.step"
# Options that say who acts and where, not what was asked.
_NOT_ASKED = frozenset({"store", "role", "actor_id", "actor_agency"})


def remember(actor: Actor) -> None:
    """Notes the acting step (its command, options and actor) in the invocation's shared meta."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta[_STEP] = (ctx.command_path, dict(ctx.params), actor)


def shown_to_step(data: Any) -> Any:
    """``data`` (JSON-ready) as the step's actor may see it; a command that names no actor runs
    as the shell's user, a caseworker of the personnel agency (services/cli.py)."""
    ctx = click.get_current_context(silent=True)
    step = ctx.meta.get(_STEP) if ctx is not None else None
    return shown(data, step[2].role) if step else data


def record(ctx: click.Context, error: BaseException | None) -> None:
    """Records ``error`` when it refuses a remembered step; other failures are not refusals."""
    step = ctx.meta.get(_STEP)
    refused = _refusal(error)
    if step is None or refused is None:
        return
    command, params, actor = step
    status, code, citation, text = refused
    message, _, message_en = text.partition(" / ")
    body = jsonable_encoder({k: v for k, v in params.items() if k not in _NOT_ASKED})
    app = Talenta(StoreConfig(params["store"]))
    try:
        record_refusal(
            app, actor, command, "cli", body, status, code, citation, message, message_en or message
        )
    finally:
        app.close()


def _refusal(error: BaseException | None) -> tuple[int, str, str, str] | None:
    if isinstance(error, RuleRefusal):
        return 422, error.code, error.citation or "", f"{error.message.id} / {error.message.en}"
    if isinstance(error, OtherAgency):
        return 403, error.code, "", str(error)
    if isinstance(error, Forbidden):
        return 403, "forbidden", "", str(error)
    if isinstance(error, InvalidValue):
        return 422, "invalid-value", "", str(error)
    if isinstance(error, ValidationError):
        return 422, "invalid-request", "", str(invalid_request(error.errors()))
    return None


def cause(error: Any) -> BaseException | None:
    """What a group below turned into a one-line ClickException, or the error itself."""
    if isinstance(error, click.ClickException):
        found: BaseException | None = error.__context__
        return found
    return error if isinstance(error, BaseException) else None
