"""The 5-year tenure review (madiun-2021 P25(3)) of the administrators and supervisors already in
post when their agency's personnel are imported: counted from the imported position history (the
inauguration, else the position's start), so each holder reaches the mayor at 5 years, as one
promoted through a vacancy or moved by a mutation does. A review already started (by an earlier
import, a vacancy or a mutation) is not started again."""

from __future__ import annotations

from datetime import date

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


def tenure_review(
    app: Talenta,
    facts: PersonnelFacts,
    actor: Actor,
    effective: date,
    documents: tuple[DocumentRef, ...],
) -> TenureReview | None:
    """The review to start for ``facts`` in post on ``effective``, or None (not an administrator
    or supervisor in post, or the review exists)."""
    held = tenure_in_post(facts, effective)
    if held is None:
        return None
    position, since = held
    if tenure_review_due(str(facts.nip), position, since).review_id in app.repository:
        return None
    stamp = envelope(
        actor,
        effective,
        "P25(3)",
        reason=f"dalam jabatan sejak {since} saat impor / in post since {since} when imported",
        readings=(ReadingId.D7,),
        evidence=Evidence(documents=documents),
    )
    return TenureReview.start(str(facts.nip), facts.agency, position, since, stamp)
