"""Sending over each channel: SMTP (smtplib, optional STARTTLS and login) and a webhook (httpx,
JSON, ``Idempotency-Key``, an HMAC-SHA256 signature when a secret is set). A failure raises, so
the delivery workflow retries it."""

from __future__ import annotations

import hashlib
import hmac
import smtplib
from urllib.parse import urlparse

from domain.reminders.notice import Notice
from services.reminders.message import body, email, idempotency_key, message_id
from services.settings import SmtpChannel, WebhookChannel

TIMEOUT = 20.0  # seconds; below the activity's own timeout
SIGNATURE_HEADER = "X-Talenta-Signature"


def signature(secret: str, content: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), content, hashlib.sha256).hexdigest()


def send_email(channel: SmtpChannel, notice: Notice, recipients: tuple[str, ...]) -> str:
    """Returns the Message-ID sent."""
    message = email(notice, channel.sender, recipients)
    with smtplib.SMTP(channel.host, channel.port, timeout=TIMEOUT) as smtp:
        if channel.starttls:
            smtp.starttls()
        if channel.username:
            smtp.login(channel.username, channel.password.get_secret_value())
        smtp.send_message(message)
    return message_id(notice, channel.sender)


def post_webhook(channel: WebhookChannel, notice: Notice) -> str:
    """Returns the Idempotency-Key sent; a status other than 2xx is a failure."""
    content = body(notice)
    headers = {"Content-Type": "application/json", "Idempotency-Key": idempotency_key(notice)}
    secret = channel.secret.get_secret_value()
    if secret:
        headers[SIGNATURE_HEADER] = signature(secret, content)
    # Imported here: httpx loads its own command line (click) when imported, and the worker
    # that delivers reminders keeps clear of command lines until it posts one.
    import httpx

    answer = httpx.post(channel.url, content=content, headers=headers, timeout=TIMEOUT)
    answer.raise_for_status()
    return headers["Idempotency-Key"]


def host_of(channel: WebhookChannel) -> str:
    """What the delivery record names for a webhook: its host, never the path or a token."""
    return urlparse(channel.url).hostname or ""
