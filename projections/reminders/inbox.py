"""The reminder inbox: one document per notice with who acknowledged it and where it was
delivered; a user's inbox is their agency's notices addressed to their role."""

from __future__ import annotations

from datetime import date, datetime
from functools import singledispatch
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.envelope import Envelope, Role
from domain.reminders.delivery import Delivery
from domain.reminders.notice import Notice
from projections.documents import DocumentView
from projections.documents.models import load, save

NOTICES = "reminder-notices"


class AcknowledgementRow(BaseModel):
    actor: str
    role: Role
    at: datetime


class DeliveryRow(BaseModel):
    channel: str
    key: str
    recipients: list[str]
    at: datetime


class NoticeRow(BaseModel):
    notice_id: UUID
    agency: str
    kind: str
    reminder: str
    subject: str
    deadline: date
    lead_days: int
    roles: list[Role]
    citations: list[str]
    text_id: str
    text_en: str
    issued_at: datetime
    acknowledgements: list[AcknowledgementRow] = []
    deliveries: list[DeliveryRow] = []


class InboxItem(NoticeRow):
    acknowledged: bool  # by the user asking


def inbox(
    view: DocumentView, agency: str, role: Role, user: str, acknowledged: bool | None = None
) -> list[InboxItem]:
    """The agency's notices addressed to ``role``, soonest deadline first; each says whether
    ``user`` acknowledged it, and ``acknowledged`` keeps only those that (do not) say so."""
    items = []
    for document in view.list(NOTICES, agency):
        row = NoticeRow.model_validate(document)
        if role not in row.roles:
            continue
        seen = any(each.actor == user for each in row.acknowledgements)
        if acknowledged is None or acknowledged == seen:
            items.append(InboxItem(**row.model_dump(), acknowledged=seen))
    return sorted(items, key=lambda item: (item.deadline, item.issued_at, str(item.notice_id)))


def project_notice(view: DocumentView, event: Notice.Event, tracking: Tracking) -> None:
    if isinstance(event, Notice.Issued):
        row = NoticeRow(
            notice_id=event.originator_id,
            agency=event.agency,
            kind=event.kind,
            reminder=event.reminder,
            subject=event.subject,
            deadline=event.deadline,
            lead_days=event.lead_days,
            roles=[Role(role) for role in event.roles],
            citations=event.citations,
            text_id=event.text_id,
            text_en=event.text_en,
            issued_at=event.timestamp,
        )
    else:
        row = load(view, NOTICES, event.originator_id, NoticeRow)
        _change(event, row)
    save(view, NOTICES, row.notice_id, row.agency, row, tracking)


def project_delivery(view: DocumentView, event: Delivery.Delivered, tracking: Tracking) -> None:
    row = load(view, NOTICES, event.notice_id, NoticeRow)
    row.deliveries.append(
        DeliveryRow(
            channel=event.channel, key=event.key, recipients=event.recipients, at=event.timestamp
        )
    )
    save(view, NOTICES, row.notice_id, row.agency, row, tracking)


@singledispatch
def _change(event: Notice.Event, row: NoticeRow) -> None:
    raise TypeError(f"the inbox does not follow {type(event).__qualname__}")


@_change.register
def _(event: Notice.Acknowledged, row: NoticeRow) -> None:
    actor = Envelope.from_event(event.envelope).actor
    row.acknowledgements.append(
        AcknowledgementRow(actor=actor.id, role=actor.role, at=event.timestamp)
    )


NOTICE_TOPICS = (
    get_topic(Notice.Issued),
    *(get_topic(cls) for cls in _change.registry if cls is not object),
)
DELIVERY_TOPICS = (get_topic(Delivery.Delivered),)
