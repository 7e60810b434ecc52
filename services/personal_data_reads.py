"""Recorded reads of personal data: each full-record read by someone other than the caseworker
becomes a PersonalDataRead event, and auditors list them per NIP from the access read model."""

from __future__ import annotations

from collections.abc import Iterable

from domain.access import PersonalDataRead
from domain.envelope import Actor
from domain.values import Nip
from projections.access import ReadRow, reads
from projections.documents import DocumentView
from services.application import Talenta
from services.personal_data import read_is_recorded


def record_reads(app: Talenta, actor: Actor, agency: str, nips: Iterable[str], via: str) -> int:
    """Records one read per NIP when ``actor``'s role makes it a recorded read; a save of its
    own, after the answer was put together and apart from any command."""
    if not read_is_recorded(actor.role):
        return 0
    recorded = [
        PersonalDataRead(actor=actor.model_dump(mode="json"), agency=agency, nip=nip, via=via)
        for nip in nips
    ]
    return app.save_bounded(recorded)


def list_reads(view: DocumentView, agency: str, nip: str | None = None) -> list[ReadRow]:
    wanted = str(Nip(nip)) if nip else None
    return [row for row in reads(view, agency) if wanted is None or row.nip == wanted]
