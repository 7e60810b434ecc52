"""The documents of recorded reads and refusals, keyed by the time they were recorded so that
an agency's list comes back in the order things happened."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from eventsourcing.dispatch import singledispatchmethod
from eventsourcing.persistence import Tracking
from eventsourcing.projection import Projection
from eventsourcing.utils import get_topic
from pydantic import BaseModel, Field

from domain.access import PersonalDataRead, Refusal
from domain.envelope import Actor
from projections.documents import DocumentView

READS = "personal-data-reads"
REFUSALS = "refusals"


class ReadRow(BaseModel):
    id: UUID
    read_at: datetime
    actor: Actor
    agency: str
    nip: str
    via: str


class Asker(BaseModel):
    """Who sent a request refused before it had an actor: an authenticated user naming a role it
    does not hold, an unknown role (as written, cut short) or none ("")."""

    id: str
    role: str
    agency: str


class RefusalRow(BaseModel):
    id: UUID
    refused_at: datetime
    actor: Actor | Asker = Field(union_mode="left_to_right")  # an Actor whenever it is one
    agency: str
    command: str
    via: str
    status: int
    code: str
    citation: str
    message: str
    message_en: str
    body: dict[str, Any]
    subjects: dict[str, int]

    @classmethod
    def of(cls, event: Refusal.Refused) -> RefusalRow:
        return cls(
            id=event.originator_id,
            refused_at=event.timestamp,
            actor=_asker(event.actor),
            agency=event.agency,
            command=event.command,
            via=event.via,
            status=event.status,
            code=event.code,
            citation=event.citation,
            message=event.message,
            message_en=event.message_en,
            body=event.body,
            subjects=event.subjects,
        )


def _asker(recorded: dict[str, Any]) -> Actor | Asker:
    try:
        return Actor.model_validate(recorded)
    except ValueError:
        return Asker.model_validate(recorded)


def reads(view: DocumentView, agency: str) -> list[ReadRow]:
    return [ReadRow.model_validate(document) for document in view.list(READS, agency)]


def refusals(view: DocumentView, agency: str) -> list[RefusalRow]:
    return [RefusalRow.model_validate(document) for document in view.list(REFUSALS, agency)]


def _key(moment: datetime, record: UUID) -> str:
    """Digits only, in UTC, so every collation sorts the keys as the records happened."""
    return f"{moment.astimezone(UTC).strftime('%Y%m%dT%H%M%S%f')}/{record}"


class AccessProjection(Projection[DocumentView]):
    name = "access"
    topics = (get_topic(PersonalDataRead.Read), get_topic(Refusal.Refused))
    collections = (READS, REFUSALS)

    @singledispatchmethod
    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        self.view.insert_tracking(tracking)

    @process_event.register
    def _(self, domain_event: PersonalDataRead.Read, tracking: Tracking) -> None:
        row = ReadRow(
            id=domain_event.originator_id,
            read_at=domain_event.timestamp,
            actor=Actor.model_validate(domain_event.actor),
            agency=domain_event.agency,
            nip=domain_event.nip,
            via=domain_event.via,
        )
        key = _key(row.read_at, row.id)
        self.view.put(READS, key, row.agency, row.model_dump(mode="json"), tracking)

    @process_event.register
    def _(self, domain_event: Refusal.Refused, tracking: Tracking) -> None:
        row = RefusalRow.of(domain_event)
        key = _key(row.refused_at, row.id)
        self.view.put(REFUSALS, key, row.agency, row.model_dump(mode="json"), tracking)
