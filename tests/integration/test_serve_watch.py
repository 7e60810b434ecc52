"""`talenta serve --no-clocks --read-models watch` beside a `talenta serve --no-clocks` that
follows, both on one store, as two API processes of a deployment: a command sent to the watching
process is in its sender's next read there, once the following process has applied it."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from domain.envelope import Role
from infra.processes import free_port
from services.api.context import READ_POSITION
from services.application import Talenta
from services.auth import token_store
from services.config import StoreConfig
from tests.e2e.test_worker_restart import TALENTA
from tests.integration.test_read_freshness import ROUND

AGENCY = "kota-madiun"


@contextlib.contextmanager
def serving(store: StoreConfig, data: Path, *options: str) -> Iterator[str]:
    """`talenta serve --no-clocks` with ``options``; yields its address once it answers."""
    port = free_port()
    data.mkdir(parents=True)
    command = [str(TALENTA), "serve", "--no-clocks", "--store", store.url, "--port", str(port)]
    log = data / "api.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "--data", str(data), *options],
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text(errors="replace")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{url}/health", timeout=5).status_code == 200:
                    break
            assert time.monotonic() < deadline, f"{url} did not answer"
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def secret(app: Talenta) -> str:
    _, found = token_store(app).create_token("siti.bkpsdm", AGENCY, {Role.CASEWORKER})
    return found


async def write_then_read(url: str, secret: str) -> tuple[str, list[str], int]:
    headers = {"Authorization": f"Bearer {secret}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as client:
        opened = await client.post("/scouting/open-round", json=ROUND)
        assert opened.status_code == 200, opened.text
        mine = await client.get("/scouting/rounds", params={"agency": AGENCY})
        assert mine.status_code == 200, mine.text
        rounds = [row["round_id"] for row in mine.json()]
        return opened.json()["result"], rounds, int(mine.headers[READ_POSITION])


def test_a_watching_api_process_shows_its_senders_write_once_the_follower_has_it(
    store: StoreConfig, app: Talenta, secret: str, tmp_path: Path
) -> None:
    with (
        serving(store, tmp_path / "following"),
        serving(store, tmp_path / "watching", "--read-models", "watch") as watching,
    ):
        round_id, rounds, position = asyncio.run(write_then_read(watching, secret))
        head = app.recorder.max_notification_id() or 0

    assert round_id in rounds
    assert position >= head
