"""What a request may carry, on SQLite and PostgreSQL: text that cannot be stored (a lone UTF-16
surrogate) is refused at the edge with a 4xx, and every refusal is recorded, its request kept
escaped, whoever sent it and however it failed."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

import pytest

from domain.envelope import Actor, Role
from services.application import Talenta
from services.audit.refusals import list_refusals, record_refusal
from tests.integration.test_personal_data import Desk, desk_for, recorded
from tests.integration.test_scouting_promotion import AGENCY, D, decreed, opened, staffed

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
