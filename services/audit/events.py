"""One stored event as an auditor reads it: the decision envelope beside the event's own data."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel

from domain.envelope import Actor, Envelope, Evidence
from services.jsonable import jsonable_encoder

_OWN_FIELDS = {"originator_id", "originator_version", "timestamp", "originator_topic", "envelope"}


class AuditEvent(BaseModel):
    what: str
    aggregate: UUID
    version: int
    recorded_at: datetime
    effective: date | None
    actor: Actor | None
    reason: str
    citations: tuple[str, ...]
    readings: dict[str, str]
    evidence: Evidence | None
    details: dict[str, Any]

    @classmethod
    def of(cls, event: Any) -> AuditEvent:
        stamp = Envelope.from_event(event.envelope) if getattr(event, "envelope", None) else None
        details = {k: v for k, v in vars(event).items() if k not in _OWN_FIELDS}
        return cls(
            what=type(event).__name__,
            aggregate=event.originator_id,
            version=event.originator_version,
            recorded_at=event.timestamp,
            effective=stamp.effective if stamp else None,
            actor=stamp.actor if stamp else None,
            reason=stamp.reason if stamp else "",
            citations=stamp.basis.citations if stamp else (),
            readings=stamp.basis.readings if stamp else {},
            evidence=stamp.evidence if stamp else None,
            details=jsonable_encoder(details),
        )
