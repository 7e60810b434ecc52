"""The product run as a province runs it, for the scale-out test: API processes started as
`talenta serve --no-clocks` on one store, caseworkers with tokens of their own spread over
them, and what the test reads back from the processes, the store and Temporal."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
from psycopg import sql
from temporalio.client import Client

from domain.envelope import Role
from services.api.context import READ_POSITION
from services.config import StoreConfig
from tests.e2e.test_worker_restart import TALENTA

AGENCY = "kota-madiun"
TRACKING = "talenta_tracking"
# Tables of the store that are not read models: the log, the positions, and what the product
# keeps beside the log (the API tokens' index, the idempotency keys of answered commands).
NOT_READ_MODELS = frozenset(
    {"talenta_events", TRACKING, "token_index", "user_roles", "idempotency_keys"}
)


class ApiProcess:
    """`talenta serve --no-clocks` as an operator starts one of several behind a proxy."""

    def __init__(self, store: StoreConfig, port: int, data: Path) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.log = data / "api.log"
        data.mkdir(parents=True, exist_ok=True)
        command = [str(TALENTA), "serve", "--no-clocks", "--store", store.url]
        command += ["--host", "127.0.0.1", "--port", str(port), "--data", str(data)]
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    async def ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(base_url=self.url, timeout=5) as client:
            while True:
                assert self.process.poll() is None, self.log.read_text(errors="replace")
                with contextlib.suppress(httpx.TransportError):
                    if (await client.get("/health")).status_code == 200:
                        return
                assert time.monotonic() < deadline, f"the API at {self.url} did not answer"
                await asyncio.sleep(0.3)

    async def caught_up_to(self, head: int, token: str, timeout: float = 30) -> int:
        """Waits until this process's read models hold the log up to ``head``."""
        headers = {"Authorization": f"Bearer {token}"}
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(base_url=self.url, headers=headers, timeout=10) as client:
            while True:
                answer = await client.get("/scouting/rounds", params={"agency": AGENCY})
                answer.raise_for_status()
                position = int(answer.headers[READ_POSITION])
                if position >= head:
                    return position
                assert time.monotonic() < deadline, f"{self.url} stayed at {position} < {head}"
                await asyncio.sleep(0.3)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def schedule(today: date) -> dict[str, Any]:
    """A round whose registration is open today and closes weeks ahead: its clock waits."""

    def day(offset: int) -> str:
        return (today + timedelta(days=offset)).isoformat()

    return {
        "agency": AGENCY,
        "level": "administrator",
        "schedule": {
            "announcement": day(-10),
            "registration_opens": day(-5),
            "registration_closes": day(20),
            "potential_assessment": day(30),
            "technical_assessment": day(45),
            "result": day(60),
        },
        "announcement": {
            "requirements": "Pasal 10 ayat (1)",
            "timing_and_procedure": "pendaftaran dibuka",
            "stages": "enam tahapan Pasal 11",
            "other": "-",
        },
        "effective": day(-10),
        "reason": "kebutuhan organisasi (P5)",
    }


@dataclass
class Caseworker:
    """One caseworker registering candidates through one API process, into a round shared with
    a caseworker on the other process; a save that lost the race (409 conflict) is sent again,
    as the caseworker told to reload would."""

    token: str
    api: str
    round_id: str
    nips: list[str]
    today: date
    answered: Counter[int] = field(default_factory=Counter)
    registered: list[str] = field(default_factory=list)
    unseen: list[str] = field(default_factory=list)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "X-Talenta-Role": Role.CASEWORKER}

    async def work(self, stop: asyncio.Event, pause: float = 0.2) -> None:
        async with httpx.AsyncClient(base_url=self.api, headers=self.headers, timeout=60) as http:
            for nip in self.nips:
                if stop.is_set():
                    return
                await self.register(http, nip)
                await asyncio.sleep(pause)

    async def register(self, http: httpx.AsyncClient, nip: str) -> None:
        body = {
            "round_id": self.round_id,
            "effective": self.today.isoformat(),
            "nip": nip,
            "channel": "direct",
        }
        for _ in range(20):
            answer = await http.post("/scouting/register-candidate", json=body)
            self.answered[answer.status_code] += 1
            if answer.status_code == 200:
                self.registered.append(nip)
                # The caseworker's own write is on the board it reads next, from the same API.
                board = await http.get(f"/scouting/rounds/{self.round_id}")
                if board.status_code != 200 or nip not in board.text:
                    seen_at = board.headers.get(READ_POSITION)
                    self.unseen.append(f"{nip}: {board.status_code} at {seen_at} {board.text}")
                return
            assert answer.status_code == 409, answer.text
            assert answer.json()["code"] == "conflict", answer.text
        raise AssertionError(f"{nip}: still in conflict after 20 attempts")


async def workflow_ids(client: Client, prefixes: tuple[str, ...]) -> Counter[str]:
    """How many executions Temporal holds of each workflow id starting with one of ``prefixes``."""
    found: Counter[str] = Counter()
    async for execution in client.list_workflows():
        if execution.id.startswith(prefixes):
            found[execution.id] += 1
    return found


async def activity_workers(client: Client, workflow_id: str) -> list[str]:
    """The identity (pid@host) of the worker that ran each activity of a workflow, in order."""
    history = await client.get_workflow_handle(workflow_id).fetch_history()
    return [
        event.activity_task_started_event_attributes.identity
        for event in history.events
        if event.HasField("activity_task_started_event_attributes")
    ]


def read_model_tables(store: StoreConfig) -> list[str]:
    with psycopg.connect(store.url) as connection:
        rows = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).fetchall()
    return [name for (name,) in rows if name not in NOT_READ_MODELS]


def contents(store: StoreConfig, tables: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """Every row of each table, and the read models' tracked positions, in a stable order."""
    found = {}
    with psycopg.connect(store.url) as connection:
        for table in tables:
            query = sql.SQL("SELECT * FROM {}").format(sql.Identifier(table))
            found[table] = sorted(tuple(str(v) for v in row) for row in connection.execute(query))
        # The relay's position and the one the following process publishes for those that
        # watch are not read models': a rebuild of the read models leaves them.
        tracked = sql.SQL(
            "SELECT application_name, notification_id FROM {}"
            " WHERE application_name NOT LIKE %s AND application_name NOT LIKE %s"
        ).format(sql.Identifier(TRACKING))
        found[TRACKING] = sorted(
            tuple(str(v) for v in row)
            for row in connection.execute(tracked, ("relay@%", "read-models@%"))
        )
    return found


def published_position(store: StoreConfig) -> int:
    """How far the following API process last said the read models hold the log."""
    with psycopg.connect(store.url) as connection:
        row = connection.execute(
            sql.SQL("SELECT max(notification_id) FROM {} WHERE application_name LIKE %s").format(
                sql.Identifier(TRACKING)
            ),
            ("read-models@%",),
        ).fetchone()
    return int(row[0]) if row and row[0] is not None else 0
