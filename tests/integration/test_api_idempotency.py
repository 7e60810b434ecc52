"""Commands sent with an `Idempotency-Key`, on SQLite and PostgreSQL: the same key from the same
user answers the first outcome, also after the server restarts, without running the command
again; the key with another request is refused; a key whose request never answered says its
outcome is unknown; a lost race to save frees the key for the retry."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from domain.envelope import Role
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.audit.refusals import list_refusals
from services.config import StoreConfig
from services.idempotency import fingerprint, idempotency_store
from services.scouting.vacancies import propose_candidate
from tests.integration.test_personal_data import Desk, desk_for, recorded
from tests.integration.test_refusals import propose
from tests.integration.test_scouting_promotion import (
    AGENCY,
    HEAD,
    A,
    B,
    D,
    decreed,
    opened,
    proposal,
    staffed,
)

__all__ = ["staffed"]  # the fixture, used by name

OPENING = {
    "agency": AGENCY,
    "position": "Camat",
    "unit": "Kecamatan Taman",
    "level": "administrator",
    "opened_on": "2025-03-01",
}


def send(desk: Desk, path: str, role: Role, body: dict[str, Any], key: str) -> Any:
    headers = {"X-Talenta-Role": role, "Idempotency-Key": key}
    return desk.client.post(path, json=body, headers=headers)


def vacancies(desk: Desk) -> list[Any]:
    found: list[Any] = desk.get("/scouting/vacancies", Role.CASEWORKER, agency=AGENCY).json()
    return found


def test_the_same_key_answers_the_first_outcome_even_after_a_restart(staffed: Talenta) -> None:
    desk = desk_for(staffed, AGENCY, "siti")
    first = send(desk, "/scouting/open-vacancy", Role.CASEWORKER, OPENING, "buka-camat-1")
    assert first.status_code == 200, first.text
    after = staffed.recorder.max_notification_id()

    again = send(desk, "/scouting/open-vacancy", Role.CASEWORKER, OPENING, "buka-camat-1")
    restarted = TestClient(create_api(Context.of(staffed)), headers=desk.client.headers)
    retried = restarted.post(
        "/scouting/open-vacancy",
        json=OPENING,
        headers={"X-Talenta-Role": Role.CASEWORKER, "Idempotency-Key": "buka-camat-1"},
    )

    for answer in (again, retried):
        assert (answer.status_code, answer.json()) == (200, first.json())
        assert answer.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert staffed.recorder.max_notification_id() == after  # ran once
    assert [v["vacancy_id"] for v in vacancies(desk)] == [first.json()["result"]]


def test_a_key_is_the_user_s_own(staffed: Talenta) -> None:
    siti, budi = desk_for(staffed, AGENCY, "siti"), desk_for(staffed, AGENCY, "budi")
    ours = send(siti, "/scouting/open-vacancy", Role.CASEWORKER, OPENING, "k-1")
    lurah = {**OPENING, "position": "Lurah"}
    theirs = send(budi, "/scouting/open-vacancy", Role.CASEWORKER, lurah, "k-1")
    assert ours.status_code == theirs.status_code == 200
    assert ours.json() != theirs.json()
    assert len(vacancies(siti)) == 2


def test_the_same_key_with_another_request_is_refused_and_recorded(staffed: Talenta) -> None:
    desk = desk_for(staffed, AGENCY, "siti")
    assert send(desk, "/scouting/open-vacancy", Role.CASEWORKER, OPENING, "k-2").status_code == 200
    other = {**OPENING, "position": "Lurah"}

    answer = send(desk, "/scouting/open-vacancy", Role.CASEWORKER, other, "k-2")

    assert (answer.status_code, answer.json()["code"]) == (422, "idempotency-key-reused")
    assert "another request" in answer.json()["message_en"]
    assert "permintaan lain" in answer.json()["message"]
    (row,) = list_refusals(recorded(staffed), AGENCY)
    assert (row.code, row.body) == ("idempotency-key-reused", other)
    assert len(vacancies(desk)) == 1


@pytest.fixture
def vacancy(staffed: Talenta) -> UUID:
    decreed(staffed)
    return opened(staffed)


def test_a_refusal_is_the_first_outcome_too_and_is_recorded_once(
    staffed: Talenta, vacancy: UUID
) -> None:
    desk = desk_for(staffed, AGENCY, "kabag")
    body = propose(vacancy, D)  # not in the pool
    first = send(desk, "/scouting/propose-candidate", Role.HEAD_OF_UNIT, body, "usul-d")
    again = send(desk, "/scouting/propose-candidate", Role.HEAD_OF_UNIT, body, "usul-d")

    assert first.status_code == 422
    assert (again.status_code, again.json()) == (422, first.json())
    assert len(list_refusals(recorded(staffed), AGENCY)) == 1


def test_a_key_whose_request_never_answered_says_the_outcome_is_unknown(
    staffed: Talenta,
) -> None:
    desk = desk_for(staffed, AGENCY, "siti")
    # The server stopped after claiming the key, before the answer was kept.
    request = fingerprint(
        "open_vacancy", desk.client.build_request("POST", "/", json=OPENING).read()
    )
    assert idempotency_store(staffed).claim("siti", "k-3", request) is None

    answer = send(desk, "/scouting/open-vacancy", Role.CASEWORKER, OPENING, "k-3")

    assert (answer.status_code, answer.json()["code"]) == (409, "idempotency-key-pending")
    assert "outcome is unknown" in answer.json()["message_en"]
    assert "hasilnya tidak diketahui" in answer.json()["message"]
    assert vacancies(desk) == []


def test_a_lost_race_frees_the_key_for_the_retry(
    staffed: Talenta, vacancy: UUID, store: StoreConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = desk_for(staffed, AGENCY, "kabag", unit=HEAD.unit)
    other = Talenta(store)
    saving = staffed.save

    def after_another(*objs: Any, **kwargs: Any) -> Any:
        monkeypatch.setattr(staffed, "save", saving)
        propose_candidate(other, proposal(vacancy, A), HEAD)
        return saving(*objs, **kwargs)

    monkeypatch.setattr(staffed, "save", after_another)
    try:
        lost = send(
            desk, "/scouting/propose-candidate", Role.HEAD_OF_UNIT, propose(vacancy, B), "b"
        )
    finally:
        other.close()
    retried = send(desk, "/scouting/propose-candidate", Role.HEAD_OF_UNIT, propose(vacancy, B), "b")

    assert (lost.status_code, lost.json()["code"]) == (409, "conflict")
    assert retried.status_code == 200, retried.text
    assert "Idempotent-Replayed" not in retried.headers
    assert staffed.repository.get(vacancy).version == 3  # both proposals


@pytest.mark.parametrize("key", ["", "k" * 201, "kunci\tbaru"])
def test_a_key_not_in_its_shape_is_refused(staffed: Talenta, key: str) -> None:
    desk = desk_for(staffed, AGENCY, "siti")
    answer = send(desk, "/scouting/open-vacancy", Role.CASEWORKER, OPENING, key)
    assert (answer.status_code, answer.json()["code"]) == (422, "invalid-value")
    assert "Idempotency-Key" in answer.json()["message_en"]
    assert vacancies(desk) == []
