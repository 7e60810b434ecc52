"""Who cites what on a talent-cycle event: the aggregate whose step records it stamps the
articles (full citations of the pack in force, which differs per agency) and readings that step
applies; the caller's envelope says who, when, why and on what evidence."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from domain.envelope import Envelope
from domain.rules.core import ReadingUse
from domain.rules.pack import RulePack


def stamped(
    envelope: Envelope, pack: RulePack, *citations: str, readings: Iterable[ReadingUse] = ()
) -> dict[str, Any]:
    """The envelope as event data, its basis naming ``pack``, the ``citations`` and the
    readings this step applies besides what the caller put there."""
    used = {str(r.id): r.option for r in readings}
    return envelope.citing(*citations, readings=used, pack=pack.id).to_event()
