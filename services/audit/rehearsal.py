"""A refused command run again on the store as it stood when it was refused: the same handler,
the same request and actor, every aggregate read as it was then, nothing saved. What the rule
answers now is what it answered then, evaluated afresh rather than copied from the record."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal, cast, get_type_hints
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from pydantic import BaseModel

from domain.bilingual import said
from domain.envelope import Actor
from domain.rules.core import RuleRefusal
from services.application import Talenta
from services.permissions import PERMISSIONS


class Reevaluation(BaseModel):
    outcome: Literal["refused", "accepted", "not-evaluated"]
    code: str = ""
    citation: str = ""
    message: str = ""
    message_en: str = ""


def rerun(
    app: Talenta,
    command: str,
    body: dict[str, Any],
    actor: Actor,
    moment: datetime,
    versions: Mapping[str, int],
) -> Reevaluation:
    """Runs the handler named ``command`` with ``body`` as of ``moment``, the aggregates in
    ``versions`` (id -> version, 0: not there yet) pinned to the versions they had."""
    handler = _handler(command)
    if handler is None:
        return Reevaluation(outcome="not-evaluated")
    try:
        request = get_type_hints(handler)["command"].model_validate(body)
    except ValueError:  # e.g. a body kept without the personal data it held
        return Reevaluation(outcome="not-evaluated")
    try:
        handler(cast(Talenta, Rehearsal(app, moment, versions)), request, actor)
    except RuleRefusal as refused:
        return Reevaluation(
            outcome="refused",
            code=refused.code,
            citation=refused.citation or "",
            message=refused.message.id,
            message_en=refused.message.en,
        )
    except (LookupError, AggregateNotFoundError, ValueError, PermissionError) as other:
        message = said(other)
        return Reevaluation(
            outcome="refused", code=type(other).__name__, message=message.id, message_en=message.en
        )
    return Reevaluation(outcome="accepted")


def _handler(command: str) -> Any:
    """The handler whose name the route carries, when exactly one has it."""
    keys = [key for key in PERMISSIONS if key.rsplit(".", 1)[-1] == command]
    if len(keys) != 1:
        return None
    module, name = keys[0].rsplit(".", 1)
    return getattr(importlib.import_module(module), name)


class AsOf:
    """The repository as it stood at ``moment``: a pinned aggregate at its version, any other
    from its events recorded by then."""

    def __init__(self, app: Talenta, moment: datetime, versions: Mapping[str, int]) -> None:
        self.app = app
        self.moment = moment
        self.versions = versions

    def get(self, aggregate_id: UUID, **_: Any) -> Any:
        version = self.versions.get(str(aggregate_id))
        if version is None:
            events: list[Any] = list(self.app.repository.event_store.get(aggregate_id))
            known = [e for e in events if e.timestamp <= self.moment]
            version = known[-1].originator_version if known else 0
        if not version:
            raise AggregateNotFoundError(aggregate_id)
        return self.app.repository.get(aggregate_id, version=version)

    def __contains__(self, aggregate_id: UUID) -> bool:
        try:
            self.get(aggregate_id)
        except AggregateNotFoundError:
            return False
        return True


class Rehearsal:
    """The application as it stood at ``moment``, for running a command again: it reads the
    past and saves nothing."""

    find = Talenta.find
    employee = Talenta.employee
    facts = Talenta.facts
    save_bounded = Talenta.save_bounded

    def __init__(self, app: Talenta, moment: datetime, versions: Mapping[str, int]) -> None:
        self.app = app
        self.repository = AsOf(app, moment, versions)

    def save(self, *aggregates: Any, **_: Any) -> list[Any]:
        return []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.app, name)
