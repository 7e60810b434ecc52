"""One stored event as an auditor reads it: the decision envelope beside the event's own data."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import LRUCache
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


# A stored event never changes, nor does what an auditor reads of it: kept per application, the
# least recently shown dropped first, shared between answers and so never changed.
KEPT_AUDITED = 20_000
_AUDITED: weakref.WeakKeyDictionary[Any, LRUCache[tuple[UUID, int], AuditEvent]] = (
    weakref.WeakKeyDictionary()
)
_AUDITED_LOCK = threading.Lock()


def audited(app: Any, events: Iterable[Any]) -> list[AuditEvent]:
    """``AuditEvent.of`` each of the stored ``events`` of ``app``, in their order."""
    with _AUDITED_LOCK:
        kept = _AUDITED.get(app)
        if kept is None:
            kept = _AUDITED[app] = LRUCache(KEPT_AUDITED)
    found = []
    for event in events:
        row = (event.originator_id, event.originator_version)
        try:
            shown = kept.get(row)
        except KeyError:
            shown = AuditEvent.of(event)
            kept.put(row, shown)
        found.append(shown)
    return found
