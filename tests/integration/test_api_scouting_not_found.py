"""Scouting commands naming a round, vacancy, mutation or tenure review that does not exist
answer 404 with the message in Indonesian and English, not a server error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from domain.envelope import Role
from services.api import create_api
from services.api.context import Context
from services.application import NotFound, Talenta
from services.auth import token_store
from services.config import StoreConfig

NOWHERE = "00000000-0000-0000-0000-000000000007"
NIP = "197506012000011001"
BOARD = [{"name": "Sekretaris Daerah", "office": "sekda"}]
DECREE = {"decree_number": "821/1/2025", "decree_date": "2025-04-10"}

MISSING: list[Any] = [
    pytest.param(
        "decree-pool", Role.PPK, {"round_id": NOWHERE, **DECREE}, "putaran Talent Scouting",
        "scouting round", id="decree-pool unknown round",
    ),
    pytest.param(
        "propose-candidate", Role.HEAD_OF_UNIT,
        {"vacancy_id": NOWHERE, "nip": NIP, "proposed_on": "2025-03-10"}, "lowongan", "vacancy",
        id="propose-candidate unknown vacancy",
    ),
    pytest.param(
        "shortlist", Role.TPK_MEMBER,
        {"vacancy_id": NOWHERE, "tpk_decree": "188.45/1", "members": BOARD,
         "minutes_number": "BA/1",
         "minutes_date": "2025-04-02", "nips": [NIP]},
        "lowongan", "vacancy", id="shortlist unknown vacancy",
    ),
    pytest.param(
        "pick", Role.PPK, {"vacancy_id": NOWHERE, "nip": NIP, **DECREE}, "lowongan", "vacancy",
        id="pick unknown vacancy",
    ),
    pytest.param(
        "lapse-pick", Role.PPK, {"vacancy_id": NOWHERE, "lapsed_on": "2025-04-10"}, "lowongan",
        "vacancy", id="lapse-pick unknown vacancy",
    ),
    pytest.param(
        "inaugurate", Role.CASEWORKER, {"vacancy_id": NOWHERE, "inaugurated_on": "2025-04-14"},
        "lowongan", "vacancy", id="inaugurate unknown vacancy",
    ),
    pytest.param(
        "recommend-mutation", Role.TPK_MEMBER,
        {"mutation_id": NOWHERE, "tpk_decree": "188.45/1", "members": BOARD,
         "minutes_number": "BA/2",
         "minutes_date": "2025-05-09", "recommended": True},
        "usulan mutasi", "mutation proposal", id="recommend-mutation unknown mutation",
    ),
    pytest.param(
        "decide-mutation", Role.PPK, {"mutation_id": NOWHERE, "approved": True, **DECREE},
        "usulan mutasi", "mutation proposal", id="decide-mutation unknown mutation",
    ),
    pytest.param(
        "decide-tenure", Role.PPK, {"review_id": NOWHERE, "extend": True, **DECREE},
        "telaah masa jabatan", "tenure review", id="decide-tenure unknown review",
    ),
]  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("missing") / "talenta.sqlite"
    app = Talenta(StoreConfig(f"sqlite:///{path}"))
    roles = {role for role in Role if role is not Role.SYSTEM}
    _, secret = token_store(app).create_token("everyone", "kota-madiun", roles)
    client = TestClient(create_api(Context.of(app)), raise_server_exceptions=False)
    client.headers["Authorization"] = f"Bearer {secret}"
    yield client
    app.close()


@pytest.mark.parametrize(("route", "role", "body", "kind_id", "kind_en"), MISSING)
def test_an_unknown_id_answers_404_in_both_languages(
    client: TestClient, route: str, role: Role, body: dict[str, Any], kind_id: str, kind_en: str
) -> None:
    answer = client.post(f"/scouting/{route}", json=body, headers={"X-Talenta-Role": role})

    assert answer.status_code == 404, answer.text
    assert answer.json() == {
        "code": "not-found",
        "message": f"{kind_id} {NOWHERE} tidak ada",
        "message_en": f"no {kind_en} {NOWHERE}",
        "citation": "",
    }


def test_a_kind_that_would_split_the_message_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        NotFound.of(NOWHERE, "lowongan / vacancy", "vacancy")
    assert str(NotFound.of(NOWHERE, "lowongan", "vacancy")) == (
        f"lowongan {NOWHERE} tidak ada / no vacancy {NOWHERE}"
    )
