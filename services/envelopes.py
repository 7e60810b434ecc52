"""The one envelope builder: who decided, when, why, on what evidence and under which articles
and readings of the pack in force. Who cites what: the handler names the articles of the step
its command asks for, but for a scouting round, whose steps name their own articles; an
aggregate adds (``Envelope.citing``) the articles and readings its own judgments apply (a
round's administrative selection, a placement's group, box-9 and cross-unit articles, a board's
quorum and shortlist readings)."""

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
