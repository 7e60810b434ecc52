"""Reads answer from the read models as they stand, never waiting for another's catch-up, and
say where they stand; a user's own writes are in that user's next read at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from domain.envelope import Actor, Role
from projections.follower import Follower
from services.api import create_api
from services.api.context import READ_POSITION, Context
from services.application import Talenta
from services.auth import token_store
from services.importing import PersonnelFiles, import_personnel

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
AGENCY = "kota-madiun"
ROUND = {
    "agency": AGENCY,
    "level": "administrator",
    "name": "seleksi administrator 2024",
    "schedule": {
        "announcement": "2024-02-01",
        "registration_opens": "2024-02-05",
        "registration_closes": "2024-03-15",
        "potential_assessment": "2024-04-01",
        "technical_assessment": "2024-04-22",
        "result": "2024-05-06",
    },
    "announcement": {
        "requirements": "Pasal 10 ayat (1)",
        "timing_and_procedure": "5 Februari - 15 Maret 2024",
        "stages": "enam tahapan Pasal 11",
        "other": "-",
    },
    "effective": "2024-02-01",
    "reason": "kebutuhan organisasi",
}
PROMPT = 5.0  # seconds: far below the held catch-up, far above a read of six employees


class HeldFollower(Follower):
    """A follower whose catch-up, once started, holds until released: a long catch-up."""

    def __init__(self, follower: Follower) -> None:
        super().__init__(follower.app, follower.projector)
        self.started = threading.Event()
        self.release = threading.Event()

    def catch_up(self) -> int:
        self.started.set()
        self.release.wait(60)
        return super().catch_up()


@dataclass
class Api:
    context: Context
    writer: TestClient
    reader: TestClient


@pytest.fixture
def api(app: Talenta) -> Iterator[Api]:
    clerk = Actor(id="setup", role=Role.CASEWORKER, agency=AGENCY)
    import_personnel(app, PersonnelFiles.in_directory(SAMPLES), AGENCY, clerk)
    context = Context.of(app)
    context.refresh()
    tokens = token_store(app)
    clients = []
    for user in ("siti.bkpsdm", "rina.bkpsdm"):
        _, secret = tokens.create_token(user, AGENCY, {Role.CASEWORKER})
        client = TestClient(create_api(context))
        client.headers["Authorization"] = f"Bearer {secret}"
        clients.append(client)
    yield Api(context, *clients)


def _get(client: TestClient, path: str, **params: Any) -> Any:
    answer = client.get(path, params=params)
    assert answer.status_code == 200, answer.text
    return answer


@pytest.mark.parametrize("followed", [False, True], ids=["read-catches-up", "followed"])
def test_a_read_answers_promptly_while_a_long_catch_up_runs(
    api: Api, app: Talenta, followed: bool
) -> None:
    context = api.context
    # Two more employees: the directory's follower has something to catch up (a catch-up
    # wakes only the followers whose projections read the new events).
    clerk = Actor(id="setup", role=Role.CASEWORKER, agency=AGENCY)
    import_personnel(app, PersonnelFiles.in_directory(SAMPLES / "candidates"), AGENCY, clerk)
    held = HeldFollower(context.followers[1])  # the directory's
    context.followers[1] = held
    stop = threading.Event()
    if followed:
        catching_up = context.follow(stop)
    else:
        catching_up = threading.Thread(target=context.refresh, daemon=True)
        catching_up.start()
    assert held.started.wait(PROMPT), "the catch-up did not start"
    try:
        with ThreadPoolExecutor(1) as pool:
            read = pool.submit(_get, api.reader, f"/agencies/{AGENCY}/employees")
            answer = read.result(timeout=PROMPT)
        assert len(answer.json()) == 6  # the rows the read model holds, not the 2 new ones
        assert int(answer.headers[READ_POSITION]) == context.position
        assert context.position > 0  # the catch-up before the hold reached the import
    finally:
        stop.set()
        held.release.set()
        catching_up.join(PROMPT)  # done before the store closes


def test_a_users_own_write_is_in_that_users_next_read(api: Api, app: Talenta) -> None:
    stopped = threading.Event()
    stopped.set()
    api.context.follow(stopped)  # left to a follower that has stopped: nothing else catches up
    before = int(_get(api.writer, "/scouting/rounds", agency=AGENCY).headers[READ_POSITION])
    opened = api.writer.post("/scouting/open-round", json=ROUND)
    assert opened.status_code == 200, opened.text
    round_id = opened.json()["result"]
    written = app.recorder.max_notification_id() or 0
    assert written > before

    # another user reads what the read models hold, without catching up for it
    theirs = _get(api.reader, "/scouting/rounds", agency=AGENCY)
    assert int(theirs.headers[READ_POSITION]) == before
    assert round_id not in {row["round_id"] for row in theirs.json()}

    mine = _get(api.writer, "/scouting/rounds", agency=AGENCY)
    assert round_id in {row["round_id"] for row in mine.json()}
    assert int(mine.headers[READ_POSITION]) >= written
    board = _get(api.writer, f"/scouting/rounds/{round_id}")
    assert board.json()["round_id"] == round_id
