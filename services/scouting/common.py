"""What every scouting command shares: the decision envelope and the agency boundary."""

from __future__ import annotations

from datetime import date, datetime

from domain.envelope import Actor, Basis, Envelope, Evidence
from domain.rules.core import ReadingId
from domain.rules.madiun import PACK


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
    return Envelope(
        actor=actor,
        effective=effective,
        effective_at=effective_at,
        reason=reason,
        basis=Basis(
            pack=PACK.id,
            citations=tuple(PACK.cite(article) for article in articles),
            readings={str(use.id): use.option for use in PACK.uses(*readings)},
        ),
        evidence=evidence or Evidence(),
    )
