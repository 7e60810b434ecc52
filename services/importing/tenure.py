"""The 5-year tenure review (madiun-2021 P25(3)) of the administrators and supervisors already in
post when their agency's personnel are imported: counted from the imported position history (the
inauguration, else the position's start), so each holder reaches the mayor at 5 years, as one
promoted through a vacancy or moved by a mutation does. A review already started (by an earlier
import, a vacancy or a mutation) is not started again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from domain.envelope import Actor, DocumentRef, Evidence
from domain.personnel.facts import PersonnelFacts
from domain.rules.calendar import ClockId
from domain.rules.core import ReadingId
from domain.rules.registry import pack_for
from domain.scouting.mutation import TenureReview, tenure_in_post, tenure_review_due
from services.application import Talenta
from services.scouting.common import envelope


def keeps_tenure(agency: str) -> bool:
    """Whether the agency's pack keeps the tenure clock (madiun-2021 does)."""
    return ClockId.TENURE in pack_for(agency).clocks


def tenure_reviews(
    app: Talenta,
    held: Sequence[PersonnelFacts],
    actor: Actor,
    effective: date,
    documents: tuple[DocumentRef, ...],
) -> list[TenureReview]:
    """The reviews to start for the administrators and supervisors among ``held`` in post on
    ``effective`` whose review does not exist yet: which exist is read in one query."""
    due: list[tuple[PersonnelFacts, str, date, UUID]] = []
    for facts in held:
        post = tenure_in_post(facts, effective)
        if post is not None:
            position, since = post
            review_id = tenure_review_due(str(facts.nip), position, since).review_id
            due.append((facts, position, since, review_id))
    if not due:
        return []
    stored = app.recorder.versions_of([review_id for *_, review_id in due])  # type: ignore[attr-defined]
    return [
        _started(facts, position, since, actor, effective, documents)
        for facts, position, since, review_id in due
        if review_id not in stored
    ]


def _started(
    facts: PersonnelFacts,
    position: str,
    since: date,
    actor: Actor,
    effective: date,
    documents: tuple[DocumentRef, ...],
) -> TenureReview:
    stamp = envelope(
        actor,
        effective,
        "P25(3)",
        reason=f"dalam jabatan sejak {since} saat impor / in post since {since} when imported",
        readings=(ReadingId.D7,),
        evidence=Evidence(documents=documents),
    )
    return TenureReview.start(str(facts.nip), facts.agency, position, since, stamp)
