"""Refused commands, recorded and explained: each refusal through the API or the command line
is a Refusal event saved on its own (the refused command wrote nothing), and its "why" is the
record, the events of every aggregate the request named up to that moment, and, for a rule's
refusal, the rule evaluated again against the store as it stood then."""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from uuid import UUID

from pydantic import BaseModel

from domain.access import Refusal
from domain.envelope import Actor
from domain.personnel.aggregate import employee_id
from domain.values import InvalidValue
from projections.access import Asker, RefusalRow, refusals
from projections.documents import DocumentView
from services.application import Talenta
from services.audit.events import AuditEvent
from services.audit.rehearsal import Reevaluation, rerun
from services.auth import same_agency
from services.commands import SURROGATE
from services.personal_data import shown

MAX_BODY = 20_000  # characters of a refused request's JSON kept in its record

# Refusals of access or of the request's shape rest on no rule to evaluate again.
NOT_RULES = frozenset(
    {
        "forbidden",
        "other-agency",
        "role-not-held",
        "role-required",
        "unknown-role",
        "invalid-value",
        "invalid-request",
        "request-too-large",
        "conflict",
        "idempotency-key-reused",
        "idempotency-key-pending",
    }
)


class SubjectTrail(BaseModel):
    aggregate: UUID
    version: int  # the version it had when the command was refused
    events: list[AuditEvent]


class RefusalWhy(BaseModel):
    refusal: RefusalRow
    rule: Reevaluation
    subjects: list[SubjectTrail]


def record_refusal(
    app: Talenta,
    actor: Actor | Asker,
    command: str,
    via: str,
    body: dict[str, Any],
    status: int,
    code: str,
    citation: str,
    message: str,
    message_en: str,
) -> UUID:
    refusal = Refusal(
        actor=actor.model_dump(mode="json"),
        agency=actor.agency,
        command=_storable(command),
        via=via,
        # No more personal data than the asker may see; a request without a role sees none.
        body=_kept(shown(body, actor.role if isinstance(actor, Actor) else None)),
        status=status,
        code=_storable(code),
        citation=_storable(citation),
        message=_storable(message),
        message_en=_storable(message_en),
        subjects=_subjects(app, body),
    )
    app.save(refusal)
    return refusal.id


def list_refusals(
    view: DocumentView,
    agency: str,
    since: date | None = None,
    until: date | None = None,
    command: str | None = None,
) -> list[RefusalRow]:
    return [
        row
        for row in refusals(view, agency)
        if (since is None or row.refused_at.date() >= since)
        and (until is None or row.refused_at.date() <= until)
        and (command is None or row.command == command)
    ]


def refusal_why(app: Talenta, refusal_id: UUID, actor: Actor) -> RefusalWhy:
    found: Refusal = app.find(refusal_id, "penolakan", "refusal")
    same_agency(actor, found.agency)
    created = next(iter(app.repository.event_store.get(found.id)))
    assert isinstance(created, Refusal.Refused)  # what every refusal starts with
    row = RefusalRow.of(created)
    trails = [
        SubjectTrail(
            aggregate=UUID(aggregate),
            version=version,
            events=[
                AuditEvent.of(e)
                for e in app.repository.event_store.get(UUID(aggregate), lte=version)
            ]
            if version
            else [],
        )
        for aggregate, version in row.subjects.items()
    ]
    rule = (
        rerun(app, row.command, row.body, row.actor, row.refused_at, row.subjects)
        if row.via == "api" and row.code not in NOT_RULES and isinstance(row.actor, Actor)
        else Reevaluation(outcome="not-evaluated")  # an access or a shape, or CLI options
    )
    return RefusalWhy(refusal=row, rule=rule, subjects=trails)


def _kept(body: dict[str, Any]) -> dict[str, Any]:
    """The request as it can be stored: without NUL characters, which PostgreSQL cannot keep,
    each lone UTF-16 surrogate, which no store can encode, written as its escape (``\\ud800``),
    and cut to its start when large, since one huge event can stall a PostgreSQL save."""
    clean = _storable(body)
    text = json.dumps(clean, ensure_ascii=False, default=str)
    return clean if len(text) <= MAX_BODY else {"truncated": text[:MAX_BODY]}


def _storable(value: Any) -> Any:
    if isinstance(value, str):
        return SURROGATE.sub(lambda found: f"\\u{ord(found[0]):04x}", value.replace("\x00", ""))
    if isinstance(value, dict):
        return {_storable(str(k)): _storable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_storable(item) for item in value]
    return value


def _subjects(app: Talenta, body: dict[str, Any]) -> dict[str, int]:
    """Every aggregate the request names (its ids, its NIPs) with its version then."""
    named: list[UUID] = []
    for key, value in body.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if key.endswith("_id"):
                try:
                    named.append(UUID(str(item)))
                except ValueError:
                    continue
            elif key in ("nip", "nips"):
                try:
                    named.append(employee_id(str(item)))
                except InvalidValue:
                    continue
    versions: dict[str, int] = {}
    for aggregate in named:
        last = app.recorder.select_events(aggregate, desc=True, limit=1)
        versions[str(aggregate)] = last[0].originator_version if last else 0
    return versions
