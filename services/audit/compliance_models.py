"""What the compliance replay answers: each breach of a recorded decision, with the rule it
breaks, and the report for one agency (or all)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from domain.envelope import Actor, Envelope
from domain.rules.core import Citation, RuleRefusal


def first_citation(stamp: Envelope) -> str | None:
    """The first article a decision says it rests on, if it is cited as ``<pack>:<article>``."""
    if not stamp.basis.citations:
        return None
    try:
        return Citation(stamp.basis.citations[0])
    except ValueError:
        return None


class Seen(BaseModel):
    """One decision event as it stands in the log, the breach's subject."""

    model_config = ConfigDict(frozen=True)

    notification_id: int
    aggregate_id: UUID
    event: str
    agency: str
    effective: date
    recorded_at: datetime
    actor: Actor

    @classmethod
    def of(cls, notification_id: int, event: Any, agency: str, stamp: Envelope) -> Seen:
        return cls(
            notification_id=notification_id,
            aggregate_id=event.originator_id,
            event=type(event).__qualname__,
            agency=agency,
            effective=stamp.effective,
            recorded_at=event.timestamp,
            actor=stamp.actor,
        )


class Breach(BaseModel):
    """A recorded decision the rules in force on its effective date would have refused."""

    model_config = ConfigDict(frozen=True)

    notification_id: int
    aggregate_id: UUID
    event: str  # e.g. "Vacancy.Picked"
    agency: str
    effective: date
    recorded_at: datetime
    actor: Actor
    code: str
    citation: str | None
    message: str  # Indonesian
    message_en: str

    @classmethod
    def of(cls, seen: Seen, refusal: RuleRefusal) -> Breach:
        return cls(
            **seen.model_dump(),
            code=refusal.code,
            citation=str(refusal.citation) if refusal.citation else None,
            message=refusal.message.id,
            message_en=refusal.message.en,
        )

    def __str__(self) -> str:
        cited = f" [{self.citation}]" if self.citation else ""
        return (
            f"#{self.notification_id} {self.effective} {self.event} {self.aggregate_id} "
            f"({self.actor.id}, {self.actor.role}): {self.code}{cited}: {self.message} / "
            f"{self.message_en}"
        )


class ComplianceReport(BaseModel):
    agency: str | None  # None: every agency (administrators)
    as_of: datetime  # the moment the clocks' deadlines are judged against
    checked: int  # decision events re-judged
    breaches: list[Breach]
    # How fresh the answer is: the log replayed up to this notification id, and when it was.
    position: int
    replayed_at: datetime

    @property
    def clean(self) -> bool:
        return not self.breaches
