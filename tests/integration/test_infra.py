"""The test infrastructure is real: PostgreSQL answers SQL, the dev server runs workflows and keeps
a durable timer across a SIGKILL of the server."""

from __future__ import annotations

import asyncio
import os
import sys
import time
import uuid
from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from temporalio import activity, workflow

# The worker's sandbox re-imports this module: let it reuse these instead of reloading them.
with workflow.unsafe.imports_passed_through():
    import psycopg
    import pytest
    from pydantic import BaseModel
    from temporalio.api.enums.v1 import EventType
    from temporalio.client import Client, WorkflowHandle
    from temporalio.worker import Worker

    from infra.postgres import (
        PgSettings,
        create_database,
        is_reachable,
        start_throwaway_postgres,
        unique_database_name,
    )
    from infra.temporal import (
        ENV_TEMPORAL_BIN,
        TemporalEnv,
        TemporalNotFound,
        find_temporal_bin,
        start_dev_server,
        start_local_environment,
    )

T = TypeVar("T")


async def bounded(aw: Awaitable[T], seconds: float) -> T:
    return await asyncio.wait_for(aw, seconds)


# --- a tiny workflow and activity ---------------------------------------------------------------


class NapInput(BaseModel):
    name: str
    seconds: float


class NapResult(BaseModel):
    greeting: str
    slept_from: datetime
    woke_at: datetime


class AlarmInput(BaseModel):
    fire_at: datetime


class AlarmResult(BaseModel):
    fired_at: datetime


@activity.defn
async def greet(name: str) -> str:
    return f"Halo, {name}"


@workflow.defn
class Nap:
    """Sleeps on a durable timer, then greets through an activity. No signals, updates, queries."""

    @workflow.run
    async def run(self, inp: NapInput) -> NapResult:
        slept_from = workflow.now()
        await workflow.sleep(inp.seconds)
        greeting = await workflow.execute_activity(
            greet, inp.name, start_to_close_timeout=timedelta(seconds=10)
        )
        return NapResult(greeting=greeting, slept_from=slept_from, woke_at=workflow.now())


@workflow.defn
class Alarm:
    """Waits until `fire_at` on a durable timer. No signals, updates, queries."""

    @workflow.run
    async def run(self, inp: AlarmInput) -> AlarmResult:
        delay = inp.fire_at - workflow.now()
        if delay > timedelta(0):
            await workflow.sleep(delay)
        return AlarmResult(fired_at=workflow.now())


def fresh_id(kind: str) -> str:
    return f"test-infra/{kind}/{uuid.uuid4().hex[:12]}"


async def run_nap(client: Client, seconds: float) -> tuple[NapResult, float]:
    queue = fresh_id("queue")
    started = time.monotonic()
    async with Worker(client, task_queue=queue, workflows=[Nap], activities=[greet]):
        result = await client.execute_workflow(
            Nap.run, NapInput(name="Siti", seconds=seconds), id=fresh_id("nap"), task_queue=queue
        )
    return result, time.monotonic() - started


async def wait_for_timer_started(handle: WorkflowHandle[Alarm, AlarmResult]) -> None:
    while True:
        history = await handle.fetch_history()
        if any(e.event_type == EventType.EVENT_TYPE_TIMER_STARTED for e in history.events):
            return
        await asyncio.sleep(0.1)


# --- PostgreSQL ---------------------------------------------------------------------------------


async def test_postgres_round_trips_sql_in_the_session_database(pg_settings: PgSettings) -> None:
    async def body() -> None:
        async with await psycopg.AsyncConnection.connect(pg_settings.conninfo()) as conn:
            await conn.execute("CREATE TABLE infra_probe (id int PRIMARY KEY, name text)")
            await conn.execute("INSERT INTO infra_probe VALUES (1, 'Siti'), (2, 'Budi')")
            cur = await conn.execute("SELECT name FROM infra_probe ORDER BY id")
            assert [r[0] for r in await cur.fetchall()] == ["Siti", "Budi"]
            cur = await conn.execute("SELECT current_database()")
            assert await cur.fetchone() == (pg_settings.dbname,)
        assert pg_settings.dbname.startswith("talenta_test_")

    await bounded(body(), 30)


@pytest.mark.postgres
async def test_throwaway_cluster_starts_answers_and_is_deleted_on_stop() -> None:
    async def body() -> None:
        # Started explicitly, even where a server on 5432 is up, so this path stays tested.
        server = await asyncio.to_thread(start_throwaway_postgres, timeout=30)
        assert server.owned and server.base_dir is not None and server.data_dir is not None
        try:
            assert server.data_dir.is_dir()
            db = await asyncio.to_thread(create_database, server.settings, unique_database_name())
            async with await psycopg.AsyncConnection.connect(db.conninfo()) as conn:
                cur = await conn.execute("SELECT current_setting('data_directory'), 6 * 7")
                row = await cur.fetchone()
            assert row is not None
            assert Path(row[0]).resolve() == server.data_dir.resolve()
            assert row[1] == 42
        finally:
            await asyncio.to_thread(server.stop)
        assert not server.base_dir.exists()
        assert not await asyncio.to_thread(is_reachable, server.settings)

    await bounded(body(), 90)


# --- Temporal -----------------------------------------------------------------------------------


async def test_a_workflow_sleeps_on_a_durable_timer_and_calls_an_activity(
    temporal_env: TemporalEnv,
) -> None:
    result, elapsed = await bounded(run_nap(temporal_env.client, 2.0), 60)
    assert result.greeting == "Halo, Siti"
    assert result.woke_at - result.slept_from >= timedelta(seconds=2)
    assert elapsed >= 2.0


@pytest.mark.temporal
async def test_the_sdk_workflow_environment_runs_on_the_installed_cli() -> None:
    async def body() -> NapResult:
        env = await start_local_environment()
        try:
            result, _ = await run_nap(env.client, 0.5)
            return result
        finally:
            await env.shutdown()

    result = await bounded(body(), 60)
    assert result.greeting == "Halo, Siti"


def test_a_missing_temporal_binary_is_reported_clearly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_TEMPORAL_BIN, str(tmp_path / "no-such-temporal"))
    with pytest.raises(TemporalNotFound, match=ENV_TEMPORAL_BIN):
        find_temporal_bin()


@pytest.mark.temporal
async def test_a_timer_survives_a_sigkill_and_restart_of_the_dev_server(tmp_path: Path) -> None:
    db_file = tmp_path / "temporal.db"
    queue = fresh_id("queue")
    workflow_id = fresh_id("alarm")

    async def body() -> tuple[AlarmResult, datetime, datetime]:
        server = await start_dev_server(db_file)
        try:
            client = await server.connect()
            fire_at = datetime.now(UTC) + timedelta(seconds=8)
            async with Worker(client, task_queue=queue, workflows=[Alarm]):
                handle = await client.start_workflow(
                    Alarm.run, AlarmInput(fire_at=fire_at), id=workflow_id, task_queue=queue
                )
                await bounded(wait_for_timer_started(handle), 15)
            old_pid = server.pid
            await server.kill()
            killed_at = datetime.now(UTC)
            assert killed_at < fire_at, "the timer must still be pending when the server dies"

            # Same db file, same port: what the product's run command does after a crash.
            await server.start()
            assert server.pid != old_pid
            client = await server.connect()
            async with Worker(client, task_queue=queue, workflows=[Alarm]):
                restored: WorkflowHandle[Alarm, AlarmResult] = client.get_workflow_handle_for(
                    Alarm.run, workflow_id
                )
                result = await restored.result()
            return result, fire_at, killed_at
        finally:
            await server.stop()

    result, fire_at, killed_at = await bounded(body(), 90)
    assert result.fired_at >= fire_at
    assert result.fired_at > killed_at


_ORPHAN_SCRIPT = """
import asyncio
import os
import sys
from infra.temporal import start_dev_server

async def main() -> None:
    server = await start_dev_server()
    print(server.pid, server.port, flush=True)
    await asyncio.sleep(120)

asyncio.run(main())
"""


def _process_gone(pid: int) -> bool:
    # A killed child of a dead parent can linger as a zombie if nothing reaps it; count that too.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


@pytest.mark.temporal
async def test_the_dev_server_dies_with_a_process_killed_by_sigkill() -> None:
    """A crashed product must not leave a server holding its port and db file."""
    repo = Path(__file__).resolve().parents[2]

    async def body() -> int:
        parent = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            _ORPHAN_SCRIPT,
            cwd=repo,
            env={**os.environ, "PYTHONPATH": str(repo)},
            stdout=asyncio.subprocess.PIPE,
        )
        assert parent.stdout is not None
        try:
            pid, _port = map(int, (await parent.stdout.readline()).split())
            assert not _process_gone(pid)
        finally:
            parent.kill()
            await parent.wait()
        while not _process_gone(pid):
            await asyncio.sleep(0.1)
        return pid

    await bounded(body(), 60)
