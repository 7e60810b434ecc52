"""Recorded reads of personal data: each full-record read by someone other than the caseworker
becomes a PersonalDataRead event, and auditors list them per NIP."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.access import PersonalDataRead
from domain.envelope import Actor
from domain.values import Nip
from services.application import Talenta
from services.personal_data import read_is_recorded

PAGE = 500


class ReadRow(BaseModel):
    id: str
    read_at: datetime
    actor: Actor
    agency: str
    nip: str
    via: str


def record_reads(app: Talenta, actor: Actor, agency: str, nips: Iterable[str], via: str) -> int:
    """Records one read per NIP when ``actor``'s role makes it a recorded read; a save of its
    own, after the answer was put together and apart from any command."""
    if not read_is_recorded(actor.role):
        return 0
    reads = [
        PersonalDataRead(actor=actor.model_dump(mode="json"), agency=agency, nip=nip, via=via)
        for nip in nips
    ]
    return app.save_bounded(reads)


def list_reads(app: Talenta, agency: str, nip: str | None = None) -> list[ReadRow]:
    wanted = str(Nip(nip)) if nip else None
    return [
        ReadRow(
            id=str(read.originator_id),
            read_at=read.timestamp,
            actor=Actor.model_validate(read.actor),
            agency=read.agency,
            nip=read.nip,
            via=read.via,
        )
        for read in logged(app, PersonalDataRead.Read)
        if read.agency == agency and (wanted is None or read.nip == wanted)
    ]


def logged(app: Talenta, kind: type[Any]) -> Iterator[Any]:
    """Every stored event of one type, in the log's order, read page by page."""
    position = 0
    while True:
        notifications = app.recorder.select_notifications(
            start=position, limit=PAGE, topics=(get_topic(kind),), inclusive_of_start=False
        )
        for notification in notifications:
            yield app.mapper.to_domain_event(notification)
            position = notification.id
        if len(notifications) < PAGE:
            return
