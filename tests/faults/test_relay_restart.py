"""The relay killed (SIGKILL, with the worker: `talenta worker` runs both) in the middle of the
log and started again, then replayed from position 0 under a new name (issue 6), on PostgreSQL and
a dev server of the test's own: every pool entry has one clock and every reminder one delivery,
each workflow id run once; no reminder or expiry is recorded twice, and the replay starts and
records nothing at all."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import psycopg
import pytest
from temporalio.client import Client

from domain.envelope import Actor, Role
from domain.scouting.pool import PoolMembership, membership_id
from domain.scouting.round import round_id
from domain.values import PositionLevel
from infra.temporal import DevServer, start_dev_server
from services.application import Talenta
from services.config import StoreConfig
from services.scouting.pool import PoolDecree, decree_entries
from services.settings import Settings
from tests.e2e.support import WIB, three_years_before, wait_until
from tests.e2e.test_worker_restart import WorkerProcess
from tests.faults.conftest import NewStore
from workflows.catalog import HANDLERS, WORKFLOWS, rules
from workflows.worker import running_clocks

pytestmark = [pytest.mark.postgres, pytest.mark.temporal]

AGENCY = "kota-madiun"
LEVEL = PositionLevel.ADMINISTRATOR
MAYOR = Actor(id="walikota", role=Role.PPK, agency=AGENCY)
EARLIER_ROUND = round_id(AGENCY, LEVEL, "Talent Scouting Administrator 2023")
FAR, SOON = 40, 4  # entries whose expiry is weeks away, and entries expiring during the test
REPLAY = "relay-replay"


def nip(sequence: int) -> str:
    return f"198001012005012{sequence + 1:03d}"


def decree(app: Talenta, nips: list[str], expiry: datetime) -> list[UUID]:
    """One decree for ``nips``, three years before ``expiry``; their memberships."""
    effective_at = three_years_before(expiry)
    command = PoolDecree(
        decree_number=f"800/{uuid4().hex[:8]}/401.012/2023",
        decree_date=effective_at.astimezone(WIB).date(),
        effective_at=effective_at,
    )
    decree_entries(app, nips, LEVEL, AGENCY, EARLIER_ROUND, command, MAYOR)
    return [membership_id(each, LEVEL) for each in nips]


def milestones(app: Talenta, memberships: list[UUID]) -> list[tuple[UUID, str]]:
    """Every reminder (by its lead) and expiry recorded, one item per event."""
    found = []
    for membership in memberships:
        for event in app.repository.event_store.get(membership):
            if isinstance(event, PoolMembership.ExpiryReminderSent):
                found.append((membership, f"{event.lead_days}d"))
            elif isinstance(event, PoolMembership.EntryExpired):
                found.append((membership, "expired"))
    return sorted(found)


def relay_position(store: StoreConfig, name: str = "relay") -> int:
    with psycopg.connect(store.url) as connection:
        row = connection.execute(
            "SELECT notification_id FROM talenta_tracking WHERE application_name = %s",
            (f"{name}@talenta",),
        ).fetchone()
    return int(row[0]) if row else 0


async def runs(client: Client) -> Counter[str]:
    """How many times each workflow id was run on the server (all of them are this test's)."""
    return Counter([execution.id async for execution in client.list_workflows()])


async def test_a_killed_relay_restarted_and_replayed_from_zero_starts_and_records_nothing_twice(
    pg_stores: NewStore, tmp_path: Path
) -> None:
    store = pg_stores()
    app = Talenta(store)
    workers: list[WorkerProcess] = []
    server: DevServer | None = None

    def start_worker(target: str) -> WorkerProcess:
        worker = WorkerProcess(store, target, tmp_path / f"worker-{len(workers) + 1}.log")
        workers.append(worker)
        return worker

    try:
        async with asyncio.timeout(150):
            server = await start_dev_server()
            client = await server.connect()
            first = start_worker(server.target)
            await first.ready()

            now = datetime.now(UTC)
            # Weeks away: a clock each, and the reminders already due (sent at once).
            far = decree(app, [nip(n) for n in range(FAR)], now + timedelta(days=20))
            soon = [
                decree(app, [nip(FAR + n)], now + timedelta(seconds=12 + 2 * n))[0]
                for n in range(SOON)
            ]
            last = app.recorder.max_notification_id() or 0
            # Killed while it relays the decrees.
            await wait_until(lambda: relay_position(store) > 0, 30, "the relay to start")
            first.kill()
            at_kill = relay_position(store)
            assert at_kill < last, "killed after the relay had relayed every decree"

            second = start_worker(server.target)
            await second.ready()
            everything = far + soon
            await wait_until(
                lambda: sum(m == "expired" for _, m in milestones(app, soon)) == SOON,
                60,
                "the soon entries' expiries",
            )
            await asyncio.sleep(3)  # a doubled milestone or a late delivery would be seen by now
            second.stop()
            before = milestones(app, everything)
            started = await runs(client)

            # Replayed from position 0: a relay of a new name follows the whole log again.
            relayed = relay_position(store)  # the last event the relay acts on
            async with running_clocks(
                app,
                client,
                rules(Settings()),
                HANDLERS,
                relay_name=REPLAY,
                workflows=WORKFLOWS,
                settings=Settings(),
            ):
                await wait_until(lambda: relay_position(store, REPLAY) >= relayed, 60, "the replay")
                await asyncio.sleep(3)
            after = milestones(app, everything)
            again = await runs(client)

        kinds = Counter(workflow_id.split("/")[0] for workflow_id in started)
        reminders = [item for item in before if item[1] != "expired"]
        assert kinds["pool-entry"] == FAR + SOON
        assert kinds["delivery"] == len(reminders) > 0
        assert set(started.values()) == {1}, "a workflow id was run twice"
        assert len(set(before)) == len(before), "a milestone was recorded twice"
        assert {m for _, m in before if _ in soon} >= {"7d", "expired"}
        assert (after, again) == (before, started)
    finally:
        for worker in workers:
            with contextlib.suppress(Exception):
                worker.stop()
        if server is not None:
            await server.stop()
        app.close()
