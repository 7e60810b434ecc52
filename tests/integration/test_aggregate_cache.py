"""The fast-forwarding aggregate cache: each application keeps the aggregates it read, yet every
read shows what any other process saved since, and what a command changed without saving never
reaches the next read."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest
from eventsourcing.persistence import IntegrityError

from domain.envelope import Actor, Envelope, Role
from domain.scouting.round import ScoutingRound
from services.application import Talenta, noting_saves
from services.config import StoreConfig
from services.scouting.rounds import (
    OpenRound,
    PublishRound,
    decision_envelope,
    open_round,
    publish_round,
)

CASEWORKER = Actor(id="siti.bkpsdm", role=Role.CASEWORKER, agency="kota-madiun")
OPENING = {
    "agency": "kota-madiun",
    "level": "administrator",
    "name": "cache",
    "effective": "2024-02-01",
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
}
PUBLICATION = {
    "effective": "2024-02-01",
    "circular_number": "800/117/401.103/2024",
    "website": "https://bkpsdm.madiunkota.go.id/talent-scouting",
}


@pytest.fixture
def other(store: StoreConfig) -> Iterator[Talenta]:
    """A second application on the same store, as another process would open it."""
    application = Talenta(store)
    yield application
    application.close()


def opened(app: Talenta) -> UUID:
    return open_round(app, OpenRound.model_validate(OPENING), CASEWORKER)


def published(app: Talenta, round_id: UUID) -> None:
    command = PublishRound.model_validate({**PUBLICATION, "round_id": str(round_id)})
    publish_round(app, command, CASEWORKER)


def test_a_read_shows_what_another_process_saved_after_the_aggregate_was_cached(
    app: Talenta, other: Talenta
) -> None:
    round_id = opened(app)
    cached: ScoutingRound = app.repository.get(round_id)
    assert app.repository.cache is not None and app.repository.cache.get(round_id) is not None
    assert cached.circular_number == ""
    published(other, round_id)
    assert app.repository.get(round_id).circular_number == PUBLICATION["circular_number"]


def test_a_change_not_saved_never_reaches_the_next_read(app: Talenta) -> None:
    round_id = opened(app)
    app.repository.get(round_id)  # cached
    changing: ScoutingRound = app.repository.get(round_id)
    changing.publish("999/unsaved", "https://example.invalid", changing_envelope(round_id))
    again: ScoutingRound = app.repository.get(round_id)
    assert (again.circular_number, again.version) == ("", changing.version - 1)
    published(app, round_id)  # what is saved is seen
    assert app.repository.get(round_id).circular_number == PUBLICATION["circular_number"]


def changing_envelope(round_id: UUID) -> Envelope:
    command = PublishRound.model_validate({**PUBLICATION, "round_id": str(round_id)})
    return decision_envelope(CASEWORKER, command)


def test_two_processes_changing_one_cached_round_still_conflict(
    app: Talenta, other: Talenta
) -> None:
    round_id = opened(app)
    app.repository.get(round_id)
    other.repository.get(round_id)
    mine: ScoutingRound = app.repository.get(round_id)
    theirs: ScoutingRound = other.repository.get(round_id)
    envelope = changing_envelope(round_id)
    mine.publish("1/2024", "https://a.example", envelope)
    theirs.publish("2/2024", "https://b.example", envelope)
    app.save(mine)
    with pytest.raises(IntegrityError):
        other.save(theirs)
    assert other.repository.get(round_id).circular_number == "1/2024"


def test_saves_say_where_the_log_stands_for_whoever_made_them(app: Talenta) -> None:
    with noting_saves() as saves:
        round_id = opened(app)
        published(app, round_id)
    assert len(saves) == 2
    assert saves[-1] == app.recorder.max_notification_id()
    assert saves[0] < saves[1]
