"""Who cites what on a scouting event: the aggregate whose step records it stamps the articles
and readings of madiun-2021 that step applies; the caller's envelope says who, when, why and on
what evidence."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from domain.envelope import Envelope
from domain.rules.core import ReadingUse
from domain.rules.madiun import PACK


def stamped(
    envelope: Envelope, *articles: str, readings: Iterable[ReadingUse] = ()
) -> dict[str, Any]:
    """The envelope as event data, its basis naming the pack, the articles (``P13`` or full
    citations) and the readings this step applies besides what the caller put there."""
    cited = (a if ":" in a else PACK.cite(a) for a in articles)
    used = {str(r.id): r.option for r in readings}
    return envelope.citing(*cited, readings=used, pack=PACK.id).to_event()
