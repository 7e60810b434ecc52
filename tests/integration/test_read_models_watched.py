"""An API process of several that only watches the read models (`talenta serve --read-models
watch`) while another process follows them: it applies no event itself, answers from as far as
the following process says it has come, and shows a user's own write in that user's next read
as soon as the following process has it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from domain.envelope import Actor, Role
from services.api import create_api
from services.api.context import READ_POSITION, Context
from services.application import Talenta
from services.auth import token_store
from services.config import StoreConfig
from services.importing import PersonnelFiles, import_personnel
from tests.integration.test_read_freshness import ROUND

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
AGENCY = "kota-madiun"
WAIT = 0.5  # seconds a read waits for its own writes in these tests


@dataclass
class Watched:
    context: Context
    writer: TestClient
    reader: TestClient
    stop: threading.Event


@pytest.fixture
def watched(app: Talenta) -> Iterator[Watched]:
    clerk = Actor(id="setup", role=Role.CASEWORKER, agency=AGENCY)
    import_personnel(app, PersonnelFiles.in_directory(SAMPLES), AGENCY, clerk)
    context = Context.of(app)
    context.own_writes_wait = WAIT
    tokens = token_store(app)
    clients = []
    for user in ("siti.bkpsdm", "rina.bkpsdm"):
        _, secret = tokens.create_token(user, AGENCY, {Role.CASEWORKER})
        client = TestClient(create_api(context))
        client.headers["Authorization"] = f"Bearer {secret}"
        clients.append(client)
    stop = threading.Event()
    context.watch(stop, interval=0.05)
    yield Watched(context, *clients, stop)
    stop.set()


@pytest.fixture
def following(store: StoreConfig) -> Iterator[Context]:
    """The process that follows the read models for the watching ones."""
    app = Talenta(store)
    context = Context.of(app)
    stop = threading.Event()
    thread = context.follow(stop, interval=0.05)
    yield context
    stop.set()
    thread.join(10)
    app.close()


def _get(client: TestClient, path: str, **params: Any) -> Any:
    answer = client.get(path, params=params)
    assert answer.status_code == 200, answer.text
    return answer


def _open_round(watched: Watched) -> str:
    opened = watched.writer.post("/scouting/open-round", json=ROUND)
    assert opened.status_code == 200, opened.text
    round_id: str = opened.json()["result"]
    return round_id


def test_a_watching_process_applies_nothing_itself(watched: Watched, app: Talenta) -> None:
    round_id = _open_round(watched)
    written = app.recorder.max_notification_id() or 0

    # No process follows: the writer's read waits its while, then answers what there is and
    # says where that stands.
    mine = _get(watched.writer, "/scouting/rounds", agency=AGENCY)
    assert round_id not in {row["round_id"] for row in mine.json()}
    assert int(mine.headers[READ_POSITION]) < written
    assert watched.context.published() == 0


def test_a_users_own_write_is_in_its_next_read_once_the_following_process_has_it(
    watched: Watched, following: Context, app: Talenta
) -> None:
    round_id = _open_round(watched)
    written = app.recorder.max_notification_id() or 0

    mine = _get(watched.writer, "/scouting/rounds", agency=AGENCY)
    assert round_id in {row["round_id"] for row in mine.json()}
    assert int(mine.headers[READ_POSITION]) >= written
    assert watched.context.published() >= written

    # another user's read answers from as far as the follower has come, without waiting
    theirs = _get(watched.reader, "/scouting/rounds", agency=AGENCY)
    assert int(theirs.headers[READ_POSITION]) >= written
    assert round_id in {row["round_id"] for row in theirs.json()}
