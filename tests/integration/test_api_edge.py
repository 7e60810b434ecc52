"""What a request may carry, on SQLite and PostgreSQL: text that cannot be stored (a lone UTF-16
surrogate) is refused at the edge with a 4xx, and every refusal is recorded, its request kept
escaped, whoever sent it and however it failed."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

import pytest
from click.testing import CliRunner

from domain.envelope import Actor, Role
from services.application import Talenta
from services.audit.refusals import list_refusals, record_refusal
from services.auth import token_store
from services.cli import main
from services.config import StoreConfig
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

SURROGATE = "\\ud800"  # as JSON writes it: the escape of a lone high surrogate


def raw_post(desk: Desk, path: str, role: Role, text: str) -> Any:
    headers = {"X-Talenta-Role": role, "Content-Type": "application/json"}
    return desk.client.post(path, content=text.encode("ascii"), headers=headers)


@pytest.fixture
def vacancy(staffed: Talenta) -> UUID:
    decreed(staffed)
    return opened(staffed)


def pick(vacancy: UUID) -> dict[str, Any]:
    return {"vacancy_id": str(vacancy), "nip": D, "decree_number": "1", "decree_date": "2025-04-10"}


def assessment() -> dict[str, Any]:
    return {
        "agency": AGENCY,
        "nip": D,
        "period": "2025",
        "assessed_on": "2025-03-01",
        "performance": "high",
        "potential": "high",
        "evidence": {"other": {"note": "PLACEHOLDER"}},
    }


@pytest.mark.parametrize(
    ("path", "role", "where"),
    [
        ("/scouting/pick", Role.CASEWORKER, "key"),  # a role that may not act, hidden behind it
        ("/scouting/pick", Role.PPK, "value"),
        ("/talent/assess-employee", Role.ASSESSOR, "evidence"),
    ],
)
def test_a_lone_surrogate_is_refused_at_the_edge_and_the_refusal_recorded(
    staffed: Talenta, vacancy: UUID, path: str, role: Role, where: str
) -> None:
    desk = desk_for(staffed, AGENCY, "kabag")
    body = assessment() if where == "evidence" else pick(vacancy)
    text = json.dumps(body)
    if where == "key":
        text = text[:-1] + f', "x{SURROGATE}": 1}}'
    elif where == "value":
        text = text.replace('"decree_number": "1"', f'"decree_number": "1{SURROGATE}"')
    else:
        text = text.replace("PLACEHOLDER", f"bukti{SURROGATE}")
    before = staffed.repository.get(vacancy).version

    answer = raw_post(desk, path, role, text)

    assert answer.status_code == 422, answer.text
    refused = answer.json()
    assert refused["code"] == "invalid-value"
    assert "surrogate" in refused["message_en"]
    assert "surrogate" in refused["message"]
    assert staffed.repository.get(vacancy).version == before  # nothing written
    (row,) = list_refusals(recorded(staffed), AGENCY)
    assert (row.actor.id, row.code, row.status) == ("kabag", "invalid-value", 422)
    # the request kept as it came, its surrogate written as its escape
    kept = json.dumps(row.body)
    assert "\\\\ud800" in kept


def test_recording_a_refusal_never_fails_on_its_body(staffed: Talenta) -> None:
    actor = Actor(id="kabag", role=Role.CASEWORKER, agency=AGENCY)
    body = {"x\ud800": ["\udfff", {"nip": f"{D}\ud800"}], "reason": "sah"}

    record_refusal(staffed, actor, "pick", "api", body, 403, "forbidden", "", "ditolak", "refused")

    (row,) = list_refusals(recorded(staffed), AGENCY)
    assert row.body == {"x\\ud800": ["\\udfff", {"nip": f"{D}\\ud800"}], "reason": "sah"}


def test_a_request_refused_before_it_has_an_actor_is_recorded_for_its_user(
    staffed: Talenta, vacancy: UUID
) -> None:
    desk = desk_for(staffed, AGENCY, "kabag")  # holds every role
    _, secret = token_store(staffed).create_token("siti", AGENCY, {Role.CASEWORKER})
    body = json.dumps(pick(vacancy))

    def send(headers: dict[str, str], text: str = body) -> Any:
        return desk.client.post("/scouting/pick", content=text.encode(), headers=headers)

    own = {"Content-Type": "application/json"}
    siti = {**own, "Authorization": f"Bearer {secret}"}
    answers = [
        send({**siti, "X-Talenta-Role": Role.PPK}),  # a role the user does not hold
        send({**own, "X-Talenta-Role": "walikota"}),  # no such role
        send(own),  # several roles held, none named
        send({**own, "X-Talenta-Role": Role.PPK}, '{"vacancy_id": '),  # no JSON
        send({**own, "Authorization": "Bearer nothing"}),  # no user: recorded for no one
    ]

    codes = ["role-not-held", "unknown-role", "role-required", "invalid-request"]
    assert [a.json()["code"] for a in answers] == [*codes, "unauthenticated"]
    rows = list_refusals(recorded(staffed), AGENCY)
    assert [(r.code, r.actor.id, r.actor.role, r.status) for r in rows] == [
        ("role-not-held", "siti", "ppk", 403),
        ("unknown-role", "kabag", "walikota", 400),
        ("role-required", "kabag", "", 400),
        ("invalid-request", "kabag", "ppk", 422),
    ]
    assert all(r.command == "pick" for r in rows)
    # kept as a request in no role would see it: the NIP masked
    assert rows[0].body == {**pick(vacancy), "nip": "*" * 15 + D[-3:]}
    assert rows[3].body == {"unreadable": '{"vacancy_id": '}
    for row in rows:  # the why answers for each, though no rule was evaluated
        why = desk.get(f"/audit/refusals/{row.id}", Role.AUDITOR)
        assert why.status_code == 200, why.text
        assert why.json()["rule"]["outcome"] == "not-evaluated"


def test_a_lost_race_to_save_is_answered_truthfully_and_recorded(
    staffed: Talenta, vacancy: UUID, store: StoreConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = desk_for(staffed, AGENCY, "kabag", unit=HEAD.unit)
    other = Talenta(store)  # a second server on the same store
    saving = staffed.save

    def after_another(*objs: Any, **kwargs: Any) -> Any:
        # Between this request's read and its save, another request proposes first.
        monkeypatch.setattr(staffed, "save", saving)
        propose_candidate(other, proposal(vacancy, A), HEAD)
        return saving(*objs, **kwargs)

    monkeypatch.setattr(staffed, "save", after_another)
    try:
        answer = desk.post("/scouting/propose-candidate", Role.HEAD_OF_UNIT, propose(vacancy, B))
    finally:
        other.close()

    assert answer.status_code == 409, answer.text
    refused = answer.json()
    assert refused["code"] == "conflict"
    assert "possibly an earlier try of this same request" in refused["message_en"]
    assert "mungkin percobaan sebelumnya" in refused["message"]
    (row,) = list_refusals(recorded(staffed), AGENCY)
    assert (row.code, row.status, row.actor.role) == ("conflict", 409, Role.HEAD_OF_UNIT)
    assert row.body == propose(vacancy, B)
    assert staffed.repository.get(vacancy).version == 2  # the other proposal only


@pytest.mark.parametrize(
    ("change", "field", "indonesian", "english"),
    [
        ({"decree_date": None}, "decree_date", "tanggal", "date"),
        ({"vacancy_id": "bukan-uuid"}, "vacancy_id", "harus berupa UUID", "UUID"),
        ({"decree_number": ""}, "decree_number", "paling sedikit 1 karakter", "at least 1"),
        ({"nip": 197506012000011004}, "nip", "harus ditulis sebagai teks", "written as text"),
    ],
)
def test_a_validation_refusal_names_the_field_and_why_in_both_languages(
    staffed: Talenta,
    vacancy: UUID,
    change: dict[str, Any],
    field: str,
    indonesian: str,
    english: str,
) -> None:
    desk = desk_for(staffed, AGENCY, "kabag")
    body = {**pick(vacancy), **change}

    answer = desk.post("/scouting/pick", Role.PPK, body)

    assert answer.status_code == 422, answer.text
    refused = answer.json()
    assert refused["code"] == "invalid-request"
    assert refused["message"].startswith(f"permintaan tidak sah: {field}: ")
    assert indonesian in refused["message"]
    assert refused["message_en"].startswith(f"the request is not valid: {field}: ")
    assert english in refused["message_en"]


def test_the_command_line_names_the_field_and_why_in_both_languages(
    staffed: Talenta, store: StoreConfig
) -> None:
    env = {"TALENTA_STORE": store.url, "TALENTA_AGENCY": AGENCY, "TALENTA_ACTOR": "siti"}
    args = ["scouting", "vacancy", "open", AGENCY, "--position", "   ", "--unit", "Setda"]

    result = CliRunner().invoke(main, [*args, "--level", "administrator"], env=env)

    assert result.exit_code == 1, result.output
    assert "permintaan tidak sah: position: tidak boleh hanya spasi" in result.output
    assert "the request is not valid: position: must not be only spaces" in result.output


@pytest.mark.parametrize(("depth", "status"), [(40, 422), (900, 422), (5000, 400)])
def test_json_nested_past_any_command_is_refused_and_recorded_never_a_server_error(
    staffed: Talenta, depth: int, status: int
) -> None:
    desk = desk_for(staffed, AGENCY, "siti")
    deep = '{"agency": ' + "[" * depth + "]" * depth + "}"

    answer = raw_post(desk, "/scouting/open-vacancy", Role.CASEWORKER, deep)

    assert answer.status_code == status, answer.text
    assert answer.json()["message"] and answer.json()["message_en"]
    (row,) = list_refusals(recorded(staffed), AGENCY)
    assert (row.command, row.status) == ("open_vacancy", status)
    assert row.body == {"unreadable": deep[:2000]}
