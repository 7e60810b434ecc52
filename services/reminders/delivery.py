"""Delivering a notice over one channel exactly once.

Before sending, the durable record (a ``Delivery`` in the event store, id derived from the notice
and the channel) is checked; after sending, it is saved. A retried or restarted activity whose
record exists sends nothing.

The remaining window: a crash (or a lost connection to the store) after the mail server or the
webhook receiver accepted the notice and before the record is committed. The retry then sends
again, with the same Message-ID and Idempotency-Key, so the receiver can drop the repeat. It
cannot be narrower: SMTP and HTTP offer no transaction that commits together with our store, so
one of "send, then record" or "record, then send" must come first; recording first would turn
the same crash into a notice never sent, which is worse than one a receiver can recognise.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from domain.agencies import get_agency
from domain.envelope import Actor, Basis, Envelope
from domain.reminders.delivery import Delivery, delivery_id
from domain.reminders.notice import Notice
from services.application import Talenta
from services.reminders.channels import host_of, post_webhook, send_email
from services.reminders.commands import get_notice
from services.settings import Settings

log = logging.getLogger(__name__)
CHANNELS = ("email", "webhook")


def delivered(app: Talenta, notice: UUID, channel: str) -> bool:
    return delivery_id(notice, channel) in app.repository


def deliver(
    app: Talenta, settings: Settings, notice_id: UUID, channel: str, actor: Actor, attempt: int
) -> bool:
    """Sends the notice over ``channel`` unless recorded as sent; True when it sent now."""
    if delivered(app, notice_id, channel):
        return False
    notice = get_notice(app, notice_id)
    agency = settings.of(notice.agency)
    if channel == "email" and agency.smtp is not None:
        recipients = agency.smtp.addresses(notice.roles)
        if not recipients:
            log.warning("notice %s: no email address for %s", notice.id, notice.roles)
            return False
        key = send_email(agency.smtp, notice, recipients)
    elif channel == "webhook" and agency.webhook is not None:
        key = post_webhook(agency.webhook, notice)
        recipients = (host_of(agency.webhook),)
    else:
        raise LookupError(f"{notice.agency} has no {channel} channel")
    _record(app, notice, channel, key, recipients, actor, attempt)
    return True


def _record(
    app: Talenta,
    notice: Notice,
    channel: str,
    key: str,
    recipients: tuple[str, ...],
    actor: Actor,
    attempt: int,
) -> None:
    agency = get_agency(notice.agency)
    stamp = Envelope(
        actor=actor,
        effective=agency.local_date(datetime.now(UTC)),
        basis=Basis(pack=agency.pack_id, citations=notice.citations),
    )
    record = Delivery(
        notice_id=notice.id,
        agency=notice.agency,
        channel=channel,
        key=key,
        recipients=list(recipients),
        attempt=attempt,
        envelope=stamp.to_event(),
    )
    try:
        app.save(record)
    except IntegrityError:
        log.warning("notice %s over %s was recorded by another attempt", notice.id, channel)
