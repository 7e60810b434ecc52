"""A notice as it goes out: the email and the webhook body, both the same on every attempt so
that a receiver can recognise a repeat by its Message-ID or Idempotency-Key."""

from __future__ import annotations

import json
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from domain.reminders.notice import Notice


def message_id(notice: Notice, sender: str) -> str:
    return f"<notice-{notice.id}@{sender.rsplit('@', 1)[1]}>"


def idempotency_key(notice: Notice) -> str:
    return f"notice-{notice.id}"


def email(notice: Notice, sender: str, recipients: tuple[str, ...]) -> EmailMessage:
    message = EmailMessage()
    message["Message-ID"] = message_id(notice, sender)
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    # The notice's own time, not the attempt's: every attempt sends the same message.
    message["Date"] = format_datetime(notice.created_on)
    message["Subject"] = f"[Talenta] Pengingat / Reminder: {notice.subject}, {notice.deadline}"
    message.set_content(
        f"{notice.text_id}\n\n{notice.text_en}\n\n"
        f"Untuk / For: {', '.join(notice.roles)}\n"
        f"Dasar / Basis: {', '.join(notice.citations)}\n"
        f"Pemberitahuan / Notice: {notice.id}\n"
    )
    return message


def payload(notice: Notice) -> dict[str, Any]:
    return {
        "notice_id": str(notice.id),
        "agency": notice.agency,
        "kind": notice.kind,
        "subject": notice.subject,
        "deadline": notice.deadline.isoformat(),
        "lead_days": notice.lead_days,
        "roles": list(notice.roles),
        "citations": list(notice.citations),
        "text_id": notice.text_id,
        "text_en": notice.text_en,
        "issued_at": notice.created_on.isoformat(),
    }


def body(notice: Notice) -> bytes:
    return json.dumps(payload(notice), sort_keys=True, ensure_ascii=False).encode()
