"""What every scouting command shares: the decision envelope and the agency boundary."""

from __future__ import annotations

from datetime import date, datetime

from domain.envelope import Actor, Basis, Envelope, Evidence, Role
from domain.rules.core import ReadingId
from domain.rules.madiun import PACK
from domain.scouting.errors import refuse


def envelope(
    actor: Actor,
    effective: date,
    *articles: str,
    reason: str = "",
    readings: tuple[ReadingId, ...] = (),
    evidence: Evidence | None = None,
    effective_at: datetime | None = None,
) -> Envelope:
    """The envelope of a madiun-2021 decision citing ``articles`` (e.g. ``P24(4)``)."""
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


def ensure_agency(actor: Actor, agency: str) -> None:
    """People act for their own agency only; the system itself (no agency) acts for all."""
    if actor.role is Role.SYSTEM and not actor.agency:
        return
    if actor.agency != agency:
        raise refuse(
            "other-agency",
            f"{actor.id} bertindak untuk {actor.agency}, bukan {agency}",
            f"{actor.id} acts for {actor.agency}, not {agency}",
        )
