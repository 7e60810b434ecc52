"""Inside one command an aggregate is brought up to the log at its first read only (the agency
bound checks the employee, then the handler reads it: one query), while a save in the command
makes its next reads ask the store again, so a command reads back what it wrote; outside a
command every read asks the store, as before."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest

from domain.scouting.round import ScoutingRound
from services.aggregate_cache import reading_once
from services.application import Talenta
from services.config import StoreConfig
from tests.integration.test_aggregate_cache import (
    PUBLICATION,
    changing_envelope,
    opened,
    published,
)


@pytest.fixture
def other(store: StoreConfig) -> Iterator[Talenta]:
    """A second application on the same store, as another process would open it."""
    application = Talenta(store)
    yield application
    application.close()


def circular(app: Talenta, round_id: UUID) -> str:
    found: ScoutingRound = app.repository.get(round_id)
    return found.circular_number


def test_a_command_reads_a_record_once_however_often_it_asks(app: Talenta, other: Talenta) -> None:
    round_id = opened(app)
    with reading_once():
        assert circular(app, round_id) == ""
        published(other, round_id)  # saved by another process while the command runs
        assert circular(app, round_id) == "", "read as at the command's first read"
    assert circular(app, round_id) == PUBLICATION["circular_number"]


def test_a_command_reads_back_what_it_saved(app: Talenta) -> None:
    round_id = opened(app)
    with reading_once():
        changing: ScoutingRound = app.repository.get(round_id)
        changing.publish("1/2024", "https://a.example", changing_envelope(round_id))
        app.save(changing)
        again: ScoutingRound = app.repository.get(round_id)
        assert (again.circular_number, again.version) == ("1/2024", changing.version)


def test_a_read_outside_a_command_always_asks_the_store(app: Talenta, other: Talenta) -> None:
    round_id = opened(app)
    assert circular(app, round_id) == ""
    published(other, round_id)
    assert circular(app, round_id) == PUBLICATION["circular_number"]
