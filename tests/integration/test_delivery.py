"""Delivering one notice over one channel, on SQLite and PostgreSQL, against a real SMTP server
(aiosmtpd, with login) and a local HTTP receiver: the email goes to the addressed roles under
the notice's Message-ID; the webhook body is signed and keyed; a recorded delivery is never sent
again; a failure records nothing, so the retry sends."""

from __future__ import annotations

import json
import smtplib
from collections.abc import Iterator
from email import message_from_bytes, policy
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from domain.reminders.delivery import Delivery, delivery_id
from domain.reminders.notice import Notice
from services.application import Talenta
from services.reminders.channels import SIGNATURE_HEADER, signature
from services.reminders.commands import SYSTEM, IssueNotice, issue_notice
from services.reminders.delivery import deliver
from services.settings import Settings, parse_settings
from tests.e2e.test_reminder_delivery import Mailbox, Receiver, free_port, serve_receiver
from tests.integration.test_inbox import remind

SENDER = "talenta@madiunkota.go.id"
USER, PASSWORD = "talenta", "rahasia-smtp"


def authenticate(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
) -> AuthResult:
    good = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=good)


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    controller = Controller(
        box,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=authenticate,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    yield box, controller.port
    controller.stop()


@pytest.fixture
def receiver() -> Iterator[tuple[Receiver, int]]:
    found, port = Receiver(refusing=False), free_port()
    server = serve_receiver(found, port)
    yield found, port
    server.shutdown()


@pytest.fixture
def notice(app: Talenta) -> Notice:
    reminder, version = remind(app)
    return issue_notice(app, IssueNotice(reminder_id=reminder, version=version), SYSTEM)


def settings(smtp_port: int, hook_port: int, **smtp: Any) -> Settings:
    channels = {
        "smtp": {
            "host": "127.0.0.1",
            "port": smtp_port,
            "sender": SENDER,
            "username": USER,
            "password": PASSWORD,
            "recipients": {"ppk": ["walikota@madiunkota.go.id"], "auditor": ["x@y.id"]},
            **smtp,
        },
        "webhook": {"url": f"http://127.0.0.1:{hook_port}/hook", "secret": "s3cret"},
    }
    return parse_settings({"agencies": {"kota-madiun": channels}})


def test_an_email_goes_once_to_the_addressed_roles(
    app: Talenta, notice: Notice, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    configured = settings(port, free_port())
    assert deliver(app, configured, notice.id, "email", SYSTEM, attempt=3) is True
    assert deliver(app, configured, notice.id, "email", SYSTEM, attempt=4) is False
    (raw,) = box.messages
    mail = message_from_bytes(raw, policy=policy.default)
    assert mail["Message-ID"] == f"<notice-{notice.id}@madiunkota.go.id>"
    assert mail["To"] == "walikota@madiunkota.go.id"  # the auditor is not addressed
    assert mail["From"] == SENDER
    assert notice.text_id in mail.get_content() and notice.text_en in mail.get_content()
    record: Delivery = app.repository.get(delivery_id(notice.id, "email"))
    assert (record.key, record.channel) == (mail["Message-ID"], "email")
    (event,) = app.repository.event_store.get(record.id)
    assert isinstance(event, Delivery.Delivered)
    assert (event.recipients, event.attempt) == (["walikota@madiunkota.go.id"], 3)
    assert "rahasia" not in json.dumps(event.envelope)


def test_a_mail_server_refusing_for_now_records_nothing_so_the_retry_sends(
    app: Talenta, notice: Notice, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    box.refusing = True
    with pytest.raises(smtplib.SMTPDataError, match="451"):
        deliver(app, settings(port, free_port()), notice.id, "email", SYSTEM, 1)
    assert delivery_id(notice.id, "email") not in app.repository
    box.refusing = False
    assert deliver(app, settings(port, free_port()), notice.id, "email", SYSTEM, 2) is True
    assert len(box.messages) == 1


def test_a_mail_server_that_is_down_records_nothing(app: Talenta, notice: Notice) -> None:
    with pytest.raises(ConnectionRefusedError):
        deliver(app, settings(free_port(), free_port()), notice.id, "email", SYSTEM, 1)
    assert delivery_id(notice.id, "email") not in app.repository


def test_no_address_for_the_addressed_roles_sends_nothing(
    app: Talenta, notice: Notice, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    nobody = settings(port, free_port(), recipients={"auditor": ["x@y.id"]})
    assert deliver(app, nobody, notice.id, "email", SYSTEM, 1) is False
    assert box.messages == []
    assert delivery_id(notice.id, "email") not in app.repository


def test_the_webhook_gets_a_signed_keyed_body_once(
    app: Talenta, notice: Notice, receiver: tuple[Receiver, int]
) -> None:
    calls, port = receiver
    configured = settings(free_port(), port)
    assert deliver(app, configured, notice.id, "webhook", SYSTEM, 1) is True
    assert deliver(app, configured, notice.id, "webhook", SYSTEM, 2) is False
    ((headers, body),) = calls.accepted()
    assert headers["Idempotency-Key"] == f"notice-{notice.id}"
    assert headers[SIGNATURE_HEADER] == signature("s3cret", body)
    sent = json.loads(body)
    assert (sent["notice_id"], sent["roles"]) == (str(notice.id), ["head-of-unit", "ppk"])
    record: Delivery = app.repository.get(delivery_id(notice.id, "webhook"))
    assert record.key == f"notice-{notice.id}"


def test_a_refusing_receiver_records_nothing_and_without_a_secret_nothing_is_signed(
    app: Talenta, notice: Notice, receiver: tuple[Receiver, int]
) -> None:
    calls, port = receiver
    calls.refusing = True
    unsigned = parse_settings(
        {"agencies": {"kota-madiun": {"webhook": {"url": f"http://127.0.0.1:{port}/hook"}}}}
    )
    with pytest.raises(httpx.HTTPStatusError):
        deliver(app, unsigned, notice.id, "webhook", SYSTEM, 1)
    assert delivery_id(notice.id, "webhook") not in app.repository
    calls.refusing = False
    assert deliver(app, unsigned, notice.id, "webhook", SYSTEM, 2) is True
    assert [status for status, _, _ in calls.calls] == [503, 200]
    # The same body and key on both attempts, so the receiver can tell a repeat.
    (first, second) = calls.calls
    assert first[2] == second[2]
    assert first[1]["Idempotency-Key"] == second[1]["Idempotency-Key"]
    assert SIGNATURE_HEADER not in second[1]


def test_a_channel_the_agency_did_not_set_is_an_error(app: Talenta, notice: Notice) -> None:
    with pytest.raises(LookupError, match="kota-madiun has no webhook channel"):
        deliver(app, Settings(), notice.id, "webhook", SYSTEM, 1)
