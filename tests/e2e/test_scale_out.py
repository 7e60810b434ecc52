"""The product run as a province runs it: two API processes (`talenta serve --no-clocks`) and two
workers (`talenta worker`) on one PostgreSQL store and one Temporal server. Caseworkers register
candidates through both API processes, two to a round, one on each process, while pool entries'
reminders (delivered to a webhook) and expiries fall due every two seconds; the first worker is
killed (SIGKILL) midway and the second takes its clocks over. Then: every registration answered
is recorded once and every other one not at all, each caseworker read their own writes, every
milestone and delivery is recorded once, every clock is one workflow run, and every read model
the API processes kept equals a rebuild of it from the log."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID

import httpx
import psycopg
import pytest
from psycopg import sql

from domain.envelope import Actor, Role
from domain.reminders.delivery import delivery_id
from domain.reminders.notice import notice_id
from domain.scouting.pool import PoolMembership
from domain.scouting.round import ScoutingRound
from infra.postgres import PostgresServer, drop_database, unique_database_name
from infra.processes import free_port
from infra.temporal import start_dev_server
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from services.config import StoreConfig
from services.importing import PersonnelFiles, import_personnel
from services.settings import SETTINGS_ENV
from tests.e2e.province import (
    AGENCY,
    TRACKING,
    ApiProcess,
    Caseworker,
    activity_workers,
    contents,
    published_position,
    read_model_tables,
    schedule,
    workflow_ids,
)
from tests.e2e.support import WIB, wait_until
from tests.e2e.test_reminder_delivery import Receiver, serve_receiver
from tests.e2e.test_worker_restart import (
    Planned,
    WorkerProcess,
    clock_ended,
    decree,
    done,
    nip,
    recorded,
)
from tests.faults.conftest import store_url
from tests.faults.exports import write_export

ROUNDS = 3  # each shared by two caseworkers, one on each API process
PER_CASEWORKER = 25
ENTRIES = 8  # pool entries, a milestone of one every two seconds
FIRST_DUE = 36  # seconds after they are decreed: time for a second worker to start
CLERK = Actor(id="impor", role=Role.CASEWORKER, agency=AGENCY)


def reminder_notices(app: Talenta, plan: list[Planned]) -> list[UUID]:
    return [
        notice_id(event.originator_id, event.originator_version)
        for planned in plan
        for event in app.repository.event_store.get(planned.membership)
        if isinstance(event, PoolMembership.ExpiryReminderSent)
    ]


async def open_and_publish(
    http: httpx.AsyncClient, api: str, token: str, number: int, today: date
) -> str:
    as_caseworker = {"Authorization": f"Bearer {token}"}
    opened = await http.post(
        f"{api}/scouting/open-round",
        json={**schedule(today), "name": f"Talent Scouting {number}"},
        headers=as_caseworker,
    )
    assert opened.status_code == 200, opened.text
    round_id: str = opened.json()["result"]
    publication = {
        "round_id": round_id,
        "effective": (today - timedelta(days=10)).isoformat(),
        "circular_number": f"800/{number}/401.103/{today.year}",
        "website": "https://bkpsdm.madiunkota.go.id/talent-scouting",
    }
    published = await http.post(
        f"{api}/scouting/publish-round", json=publication, headers=as_caseworker
    )
    assert published.status_code == 200, published.text
    return round_id


def rebuilt(
    server: PostgresServer, store: StoreConfig, name: str, tables: list[str]
) -> StoreConfig:
    """A copy of the store with its read models emptied and rebuilt from position 0."""
    source = store.url.rsplit("/", 1)[1]
    with psycopg.connect(server.settings.conninfo(), autocommit=True) as connection:
        connection.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(source)
            )
        )
    copy = store_url(server.settings.with_dbname(name))
    with psycopg.connect(copy.url) as connection:
        for table in (*tables, TRACKING):
            connection.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(table)))
    with Talenta(copy) as app:
        Context.of(app).refresh()
    return copy


@pytest.mark.postgres
@pytest.mark.temporal  # a dev server of its own
async def test_a_province_of_two_api_processes_and_two_workers_loses_and_doubles_nothing(
    pg_server: PostgresServer,
    pg_store: StoreConfig,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = pg_store
    receiver, hook_port = Receiver(refusing=False), free_port()
    hook = serve_receiver(receiver, hook_port)
    settings = tmp_path / "talenta.toml"
    settings.write_text(
        f'retry_max_seconds = 1\n[agencies.{AGENCY}.webhook]\nurl = "http://127.0.0.1:{hook_port}/"\n'
    )
    monkeypatch.setenv(SETTINGS_ENV, str(settings))
    monkeypatch.setenv("TALENTA_WEB_SECRET", "r" * 64)  # the one every API process shares
    today = datetime.now(WIB).date()

    app = Talenta(store)
    nips = write_export(tmp_path / "export", 2 * ROUNDS * PER_CASEWORKER)
    Context.of(app)  # the read models' tables, before the processes race to make them
    import_personnel(app, PersonnelFiles.in_directory(tmp_path / "export"), AGENCY, CLERK)
    tokens = token_store(app)
    secrets = [
        tokens.create_token(f"caseworker.{n}", AGENCY, {Role.CASEWORKER})[1]
        for n in range(2 * ROUNDS)
    ]
    temporal = await start_dev_server()
    client = await temporal.connect()
    apis = [ApiProcess(store, free_port(), tmp_path / f"api-{n}") for n in range(2)]
    workers: list[WorkerProcess] = []
    stop_load = asyncio.Event()
    copy_name = unique_database_name("talenta_scaled_rebuilt")
    try:
        async with asyncio.timeout(170):
            first = WorkerProcess(store, temporal.target, tmp_path / "worker-1.log")
            workers.append(first)
            await asyncio.gather(first.ready(60), *(api.ready() for api in apis))

            # Caseworkers: two to a round, one on each API process.
            caseworkers = []
            async with httpx.AsyncClient(timeout=60) as http:
                for number in range(ROUNDS):
                    api, opener = apis[number % 2].url, secrets[2 * number]
                    round_id = await open_and_publish(http, api, opener, number, today)
                    for each in (2 * number, 2 * number + 1):
                        mine = nips[each * PER_CASEWORKER : (each + 1) * PER_CASEWORKER]
                        caseworkers.append(
                            Caseworker(secrets[each], apis[each % 2].url, round_id, mine, today)
                        )
            load = asyncio.gather(*(worker.work(stop_load) for worker in caseworkers))

            # Pool entries whose 7-day reminder or expiry falls due every two seconds from
            # FIRST_DUE on; the reminders already due are sent at once, by the only worker.
            now = datetime.now(UTC)
            plan = [
                Planned(nip(n + 1), n % 2 == 0, now + timedelta(seconds=FIRST_DUE + 2 * n))
                for n in range(ENTRIES)
            ]
            for planned in plan:
                decree(app, planned)
            expiring = [p for p in plan if p.expires]
            await wait_until(
                lambda: all(recorded(app, p)[0] for p in expiring), 40, "the first reminders"
            )
            second = WorkerProcess(store, temporal.target, tmp_path / "worker-2.log")
            workers.append(second)
            await second.ready(60)

            # The first worker killed just after a milestone that fell due while both ran.
            both_ran = datetime.now(UTC) + timedelta(seconds=1)
            last_before = next(p for p in plan if p.due > both_ran)
            assert plan.index(last_before) < ENTRIES - 2, "the second worker started too late"
            await wait_until(lambda: done(app, last_before), 40, "a milestone before the kill")
            first.kill()
            killed_at = datetime.now(UTC)
            assert sum(p.due > killed_at for p in plan) >= 2, "killed too late"

            await wait_until(lambda: all(done(app, p) for p in plan), 60, "every milestone")
            for planned in expiring:
                while not await clock_ended(client, app, planned):
                    await asyncio.sleep(0.5)
            await wait_until(
                lambda: len(receiver.accepted()) >= ENTRIES, 30, "every reminder delivered"
            )
            await asyncio.sleep(2)  # a doubled milestone or delivery would be recorded by now
            stop_load.set()
            await load

            head = app.recorder.max_notification_id() or 0
            for api in apis:
                await api.caught_up_to(head, secrets[0])
            pool_clocks = await workflow_ids(client, ("pool-entry/",))
            deliveries = await workflow_ids(client, ("delivery/",))
            round_clocks = await workflow_ids(client, ("scouting-round/",))
            workers_of = {
                p.nip: await activity_workers(client, _entry_clock(app, p)) for p in expiring
            }
    finally:
        stop_load.set()
        for process in [*apis, *workers]:
            with contextlib.suppress(Exception):
                process.stop()
        hook.shutdown()
        await temporal.stop()

    try:
        # Every registration answered is in its round once, and no other.
        for number in range(ROUNDS):
            pair = caseworkers[2 * number : 2 * number + 2]
            events = app.repository.event_store.get(UUID(pair[0].round_id))
            in_round = [e.nip for e in events if isinstance(e, ScoutingRound.Registered)]
            assert sorted(in_round) == sorted(pair[0].registered + pair[1].registered)
        answered = sum((c.answered for c in caseworkers), Counter())
        assert answered[200] == sum(len(c.registered) for c in caseworkers) >= 2 * ROUNDS
        assert not [n for c in caseworkers for n in c.unseen], "a caseworker missed a write"

        # Every milestone once, every reminder delivered once, every clock one workflow run.
        for planned in plan:
            assert recorded(app, planned) == ([7], int(planned.expires)), planned
        notices = reminder_notices(app, plan)
        assert len(notices) == ENTRIES
        for notice in notices:
            assert len(list(app.repository.event_store.get(delivery_id(notice, "webhook")))) == 1
        keys = Counter(headers["Idempotency-Key"] for headers, _ in receiver.accepted())
        assert keys == Counter(f"notice-{notice}" for notice in notices)
        assert len(pool_clocks) == ENTRIES and set(pool_clocks.values()) == {1}
        assert len(deliveries) == ENTRIES and set(deliveries.values()) == {1}
        assert len(round_clocks) == ROUNDS and set(round_clocks.values()) == {1}

        # The clocks the first worker ran were finished by the second after the kill.
        first_id, second_id = (f"{w.process.pid}@" for w in workers)
        taken_over = [
            nip
            for nip, ran in workers_of.items()
            if ran[0].startswith(first_id) and ran[-1].startswith(second_id)
        ]
        assert taken_over, workers_of

        # Every read model the two API processes kept equals a rebuild from the log.
        tables = read_model_tables(store)
        chain_length = len(contents(store, ["chain"])["chain"])
        assert chain_length == len(app.recorder.select_notifications(0, 100_000))
        app.close()  # a database is copied only while no one is connected to it
        fresh = rebuilt(pg_server, store, copy_name, tables)
        kept, from_zero = contents(store, tables), contents(fresh, tables)
        for table in (*tables, TRACKING):
            assert kept[table] == from_zero[table], table
        # The following process said how far the read models had come, at least as far as each.
        published = published_position(store)
        assert published >= max(int(position) for _, position in kept[TRACKING]), published
    finally:
        app.close()
        drop_database(pg_server.settings, copy_name)


def _entry_clock(app: Talenta, planned: Planned) -> str:
    decreed = [
        event.entry_id
        for event in app.repository.event_store.get(planned.membership)
        if isinstance(event, PoolMembership.EntryDecreed)
    ]
    return f"pool-entry/{decreed[-1]}"
