"""What every scouting command shares: the envelope of a madiun-2021 decision."""

from __future__ import annotations

from datetime import date, datetime

from domain.envelope import Actor, Envelope, Evidence
from domain.rules.core import ReadingId
from domain.rules.madiun import PACK
from services.envelopes import envelope as decision


def envelope(
    actor: Actor,
    effective: date,
    *articles: str,
    reason: str = "",
    readings: tuple[ReadingId, ...] = (),
    evidence: Evidence | None = None,
    effective_at: datetime | None = None,
) -> Envelope:
    """The envelope of a madiun-2021 decision citing ``articles`` (e.g. ``P24 angka 4``)."""
    cited = (PACK.cite(article) for article in articles)
    return decision(
        actor,
        effective,
        PACK,
        *cited,
        reason=reason,
        readings=readings,
        evidence=evidence,
        effective_at=effective_at,
    )
