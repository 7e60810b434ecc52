"""The one envelope builder: who decided, when, why, on what evidence and under which articles
and readings of the pack in force. Who cites what: the aggregate whose step records an event
stamps on it the articles and readings that step and its own judgments apply
(``domain/scouting/stamps.py``, ``domain/talent/stamps.py``); the handler's envelope says who,
when, why and on what evidence. The handler still names them where one envelope is shared by
the events of several aggregates saved together (the pool decree with its entries; an
inauguration or a search's decree with the personnel record, the pool entry and the tenure or
monitoring clock it starts; a record's first event with its first step) and for a clock's step
whose aggregate is given no pack (reminders, a monitoring's due evaluation)."""

from __future__ import annotations

from datetime import date, datetime

from domain.envelope import Actor, Basis, Envelope, Evidence
from domain.rules.core import ReadingId
from domain.rules.pack import RulePack


def envelope(
    actor: Actor,
    effective: date,
    pack: RulePack,
    *citations: str,
    reason: str = "",
    readings: tuple[ReadingId, ...] = (),
    evidence: Evidence | None = None,
    effective_at: datetime | None = None,
    corrects: str = "",
) -> Envelope:
    """The envelope of a decision under ``pack``, citing full ``<pack>:<article>`` citations."""
    return Envelope(
        actor=actor,
        effective=effective,
        effective_at=effective_at,
        reason=reason,
        basis=Basis(
            pack=pack.id,
            citations=citations,
            readings={str(use.id): use.option for use in pack.uses(*readings)},
        ),
        evidence=evidence or Evidence(),
        corrects=corrects,
    )
