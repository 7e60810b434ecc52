"""Reminders delivered exactly once by email and webhook across a worker restart (issue 5): on
PostgreSQL and a real Temporal dev server, `talenta worker --settings` as a process of its own, a
real SMTP server (aiosmtpd) and a local HTTP receiver. The mail server is down and the receiver
answers 503 at first, so every delivery fails and is retried; the worker is killed, a second one
takes over the retries, then both come up and it finishes: one email and one accepted webhook
call per reminder, one delivery record per channel; a replay of the relay from position 0 starts
no second delivery."""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from domain.envelope import Actor, Role
from domain.reminders.delivery import Delivery, delivery_id
from domain.reminders.notice import notice_id
from domain.scouting.pool import PoolMembership, membership_id
from domain.values import PositionLevel
from infra.temporal import DevServer
from projections.follower import Follower
from services.application import Talenta
from services.config import StoreConfig
from services.reminders.channels import SIGNATURE_HEADER, signature
from services.scouting.pool import PoolDecree, decree_entries
from services.settings import SETTINGS_ENV, load_settings
from tests.e2e.support import WIB, three_years_before, wait_until
from tests.e2e.test_worker_restart import WorkerProcess
from workflows.catalog import rules
from workflows.delivery import delivery_workflow_id
from workflows.relay import Relay

AGENCY = "kota-madiun"
LEVEL = PositionLevel.ADMINISTRATOR
MAYOR = Actor(id="walikota", role=Role.PPK, agency=AGENCY)
SECRET = "rahasia-webhook"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Mailbox:
    """aiosmtpd's handler: keeps every message accepted; refuses for now while ``refusing``."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []
        self.refusing = False

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.refusing:
            return "451 Requested action aborted: try again later"
        self.messages.append(bytes(envelope.content or b""))
        return "250 OK"

    def message_ids(self) -> list[str]:
        return [str(message_from_bytes(raw)["Message-ID"]) for raw in self.messages]


@dataclass
class Receiver:
    """The webhook receiver: refuses (503) while ``refusing``, then accepts; keeps every call."""

    refusing: bool = True
    calls: list[tuple[int, dict[str, str], bytes]] = field(default_factory=list)

    def accepted(self) -> list[tuple[dict[str, str], bytes]]:
        return [(headers, body) for status, headers, body in self.calls if status == 200]


def serve_receiver(receiver: Receiver, port: int) -> ThreadingHTTPServer:
    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            status = 503 if receiver.refusing else 200
            receiver.calls.append((status, dict(self.headers), body))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def nip() -> str:
    """A NIP of its own per run: delivery workflow ids derive from the pool membership's id, and
    the dev server outlives one test."""
    born = datetime(1960, 1, 1) + timedelta(days=random.randrange(9000))  # before 1985
    return f"{born:%Y%m%d}200501{random.randrange(1, 3)}{random.randrange(1, 1000):03d}"


def decree(app: Talenta, who: str, reminded_at: datetime) -> UUID:
    """A pool entry whose 7-day reminder falls due at ``reminded_at``; its membership."""
    effective_at = three_years_before(reminded_at + timedelta(days=7))
    command = PoolDecree(
        decree_number=f"800/{uuid4().hex[:8]}/2023",
        decree_date=effective_at.astimezone(WIB).date(),
        effective_at=effective_at,
    )
    decree_entries(app, [who], LEVEL, AGENCY, uuid4(), command, MAYOR)
    return membership_id(who, LEVEL)


def reminders(app: Talenta, memberships: list[UUID]) -> list[tuple[UUID, int]]:
    found = []
    for membership in memberships:
        for event in app.repository.event_store.get(membership):
            if isinstance(event, PoolMembership.ExpiryReminderSent):
                found.append((membership, event.originator_version))
    return found


def notices(app: Talenta, memberships: list[UUID]) -> list[UUID]:
    issued = [notice_id(*reminder) for reminder in reminders(app, memberships)]
    return [notice for notice in issued if notice in app.repository]


def records(app: Talenta, notice: UUID) -> dict[str, int]:
    """Per channel, how many delivery events the store holds."""
    return {
        channel: len(list(app.repository.event_store.get(delivery_id(notice, channel))))
        for channel in ("email", "webhook")
    }


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, Controller]]:
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    yield box, controller
    with contextlib.suppress(Exception):
        controller.stop()


def settings_file(tmp_path: Path, smtp_port: int, hook_port: int) -> Path:
    path = tmp_path / "talenta.toml"
    path.write_text(
        "retry_max_seconds = 1\n"
        f"[agencies.{AGENCY}.smtp]\n"
        f'host = "127.0.0.1"\nport = {smtp_port}\nsender = "talenta@madiunkota.go.id"\n'
        'recipients = { ppk = ["walikota@madiunkota.go.id"], '
        'head-of-unit = ["kabag@madiunkota.go.id"] }\n'
        f"[agencies.{AGENCY}.webhook]\n"
        f'url = "http://127.0.0.1:{hook_port}/talenta"\nsecret = "{SECRET}"\n'
    )
    return path


async def test_reminders_are_delivered_once_by_email_and_webhook_across_a_worker_restart(
    pg_app: Talenta,
    pg_store: StoreConfig,
    temporal_server: DevServer,
    tmp_path: Path,
    mailbox: tuple[Mailbox, Controller],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = pg_app
    box, smtp = mailbox
    receiver, hook_port = Receiver(), free_port()
    hook = serve_receiver(receiver, hook_port)
    settings_path = settings_file(tmp_path, smtp.port, hook_port)
    monkeypatch.setenv(SETTINGS_ENV, str(settings_path))
    workers: list[WorkerProcess] = []
    try:
        async with asyncio.timeout(150):
            first = WorkerProcess(pg_store, temporal_server.target, tmp_path / "worker-1.log")
            workers.append(first)
            await first.ready()
            now = datetime.now(UTC)
            memberships = [decree(app, nip(), now + timedelta(seconds=3 + i)) for i in range(2)]

            # Both notices issued; every delivery refused or unreachable, and retried.
            await wait_until(lambda: len(notices(app, memberships)) == 2, 30, "both notices")
            await wait_until(lambda: len(receiver.calls) >= 4, 30, "webhook retries")
            first.kill()
            issued = notices(app, memberships)
            assert all(records(app, notice) == {"email": 0, "webhook": 0} for notice in issued)
            assert box.messages == [] and receiver.accepted() == []

            # A second worker takes over the retries; then both come up, and it finishes.
            second = WorkerProcess(pg_store, temporal_server.target, tmp_path / "worker-2.log")
            workers.append(second)
            await second.ready()
            before = len(receiver.calls)
            await wait_until(lambda: len(receiver.calls) >= before + 2, 60, "retries resumed")
            smtp.start()
            receiver.refusing = False
            await wait_until(
                lambda: all(records(app, n) == {"email": 1, "webhook": 1} for n in issued),
                60,
                "every notice delivered over both channels",
            )
            await asyncio.sleep(3)  # a doubled delivery would have arrived by now

            # Replaying the log from position 0 starts no second delivery.
            client = await temporal_server.connect()
            handles = [
                client.get_workflow_handle(delivery_workflow_id(*r))
                for r in reminders(app, memberships)
            ]
            runs = [(await handle.describe()).run_id for handle in handles]
            settings = load_settings(settings_path)
            replay = Relay(
                app.factory.tracking_recorder(),
                client,
                asyncio.get_running_loop(),
                rules(settings),
                name="replay",
            )
            replayed = await asyncio.to_thread(Follower(app, replay).catch_up)
            assert replayed > 0
            await asyncio.sleep(3)
            assert [(await handle.describe()).run_id for handle in handles] == runs
    finally:
        for worker in workers:
            with contextlib.suppress(Exception):
                worker.stop()
        hook.shutdown()

    # Exactly one email per reminder, to the roles who must act, with the notice's Message-ID.
    assert len(box.messages) == 2
    assert sorted(box.message_ids()) == sorted(
        f"<notice-{notice}@madiunkota.go.id>" for notice in issued
    )
    for raw in box.messages:
        mail = message_from_bytes(raw, policy=policy.default)
        assert mail["To"] == "kabag@madiunkota.go.id, walikota@madiunkota.go.id"
        assert "madiun-2021:P22(1)" in mail.get_content()
    # Exactly one accepted webhook call per reminder, signed, keyed by the notice.
    accepted = receiver.accepted()
    assert sorted(headers["Idempotency-Key"] for headers, _ in accepted) == sorted(
        f"notice-{notice}" for notice in issued
    )
    for headers, body in accepted:
        assert headers[SIGNATURE_HEADER] == signature(SECRET, body)
        assert json.loads(body)["citations"] == ["madiun-2021:P22(1)"]
    refused = [call for call in receiver.calls if call[0] == 503]
    assert len(refused) >= 4, "the refused calls were retried"
    # One delivery record per notice and channel, naming the key the receiver saw.
    for notice in issued:
        assert records(app, notice) == {"email": 1, "webhook": 1}
        record: Delivery = app.repository.get(delivery_id(notice, "email"))
        assert record.key == f"<notice-{notice}@madiunkota.go.id>"
