"""Sizes, ranges and shapes refused at the edge, on SQLite and PostgreSQL: a request body over the
limit gets 413, a text over its field's bound, a blank name, an out-of-range count, a NIP sent
as a number and a score written other than plainly get 422 naming the field; each refusal is
recorded and nothing else is written."""

from __future__ import annotations

import json
from typing import Any
from uuid import uuid4

import pytest

from domain.envelope import Role
from services.api.limits import MAX_REQUEST_BYTES
from services.application import Talenta
from services.audit.refusals import list_refusals
from services.commands import MAX_EVIDENCE, MAX_NAME, MAX_REASON, MAX_TEXT
from tests.integration.test_personal_data import desk_for, recorded
from tests.integration.test_scouting_promotion import AGENCY, D, staffed

__all__ = ["staffed"]  # the fixture, used by name


def opening(**change: Any) -> dict[str, Any]:
    return {
        "agency": AGENCY,
        "position": "Camat",
        "unit": "Kecamatan Taman",
        "level": "administrator",
        "opened_on": "2025-03-01",
        **change,
    }


def assessment(**change: Any) -> dict[str, Any]:
    return {
        "agency": AGENCY,
        "nip": D,
        "period": "2025",
        "assessed_on": "2025-03-01",
        "performance": "high",
        "potential": "high",
        "evidence": {"other": {"note": "rapor"}},
        **change,
    }


def score(value: Any) -> dict[str, Any]:
    return {"round_id": str(uuid4()), "effective": "2024-04-01", "nip": D, "score": value}


def refused_field(answer: Any, field: str) -> dict[str, Any]:
    assert answer.status_code == 422, answer.text
    body: dict[str, Any] = answer.json()
    assert body["code"] == "invalid-request"
    assert f" {field}" in body["message"], body
    assert f" {field}" in body["message_en"], body
    return body


CASES = [
    # (route, role, body, the field named in the refusal)
    ("/scouting/open-vacancy", Role.CASEWORKER, opening(position="x" * (MAX_NAME + 1)), "position"),
    ("/scouting/open-vacancy", Role.CASEWORKER, opening(position="   "), "position"),
    ("/scouting/open-vacancy", Role.CASEWORKER, opening(unit="\t "), "unit"),
    ("/scouting/open-vacancy", Role.CASEWORKER, opening(reason="x" * (MAX_REASON + 1)), "reason"),
    (
        "/talent/assess-employee",
        Role.ASSESSOR,
        assessment(evidence={"other": {f"k{n}": "x" * 1000 for n in range(MAX_EVIDENCE // 1000)}}),
        "evidence",
    ),
    (
        "/talent/assess-employee",
        Role.ASSESSOR,
        assessment(evidence={"other": {"note": "x" * (MAX_TEXT + 1)}}),
        "evidence.other.note",
    ),
    (
        "/talent/assess-employee",
        Role.ASSESSOR,
        assessment(documents=[{"name": "x" * (MAX_TEXT + 1), "sha256": "ab" * 32}]),
        "documents.0.name",
    ),
    ("/scouting/pick", Role.PPK, {"vacancy_id": str(uuid4()), "nip": int(D)}, "nip"),
    ("/scouting/register-candidate", Role.CASEWORKER, {**score(0), "nip": int(D)}, "nip"),
    ("/scouting/record-potential", Role.ASSESSOR, score("8e1"), "score"),
    ("/scouting/record-potential", Role.ASSESSOR, score("-0"), "score"),
    ("/scouting/record-potential", Role.ASSESSOR, score(80), "score"),
    ("/scouting/record-potential", Role.ASSESSOR, score(80.5), "score"),
    (
        "/talent/declare-critical-position",
        Role.PPK,
        {"agency": AGENCY, "priority_rank": 10**26},
        "priority_rank",
    ),
]


@pytest.mark.parametrize(("path", "role", "body", "field"), CASES)
def test_a_value_out_of_its_bounds_or_shape_is_refused_naming_its_field(
    staffed: Talenta, path: str, role: Role, body: dict[str, Any], field: str
) -> None:
    desk = desk_for(staffed, AGENCY, "kabag")
    before = staffed.recorder.max_notification_id() or 0

    refused_field(desk.post(path, role, body), field)

    added = staffed.recorder.select_notifications(before, 10, inclusive_of_start=False)
    assert [n.topic.rsplit(":", 1)[-1] for n in added] == ["Refusal.Refused"]


def test_a_plain_score_passes_the_edge(staffed: Talenta) -> None:
    desk = desk_for(staffed, AGENCY, "kabag")
    answer = desk.post("/scouting/record-potential", Role.ASSESSOR, score("80.5"))
    assert answer.json()["code"] == "not-found"  # past the edge, to the (unknown) round


def test_a_request_body_over_the_limit_is_refused_with_413_and_recorded(
    staffed: Talenta,
) -> None:
    desk = desk_for(staffed, AGENCY, "kabag")
    huge = json.dumps(opening(position="x" * 8_000_000))
    headers = {"X-Talenta-Role": Role.CASEWORKER, "Content-Type": "application/json"}

    answer = desk.client.post("/scouting/open-vacancy", content=huge.encode(), headers=headers)

    assert answer.status_code == 413
    refused = answer.json()
    assert set(refused) == {"code", "message", "message_en", "citation"}
    assert refused["code"] == "request-too-large"
    assert str(MAX_REQUEST_BYTES) in refused["message"]
    assert str(MAX_REQUEST_BYTES) in refused["message_en"]
    (row,) = list_refusals(recorded(staffed), AGENCY)
    assert (row.command, row.code, row.status) == ("open_vacancy", "request-too-large", 413)
    assert row.body == {"unread": f"more than {MAX_REQUEST_BYTES} bytes"}
    assert desk.get("/scouting/vacancies", Role.CASEWORKER, agency=AGENCY).json() == []


def test_a_body_just_under_the_limit_is_read(staffed: Talenta) -> None:
    desk = desk_for(staffed, AGENCY, "kabag")
    text = json.dumps(opening(position="x" * (MAX_REQUEST_BYTES - 500)))
    headers = {"X-Talenta-Role": Role.CASEWORKER, "Content-Type": "application/json"}
    answer = desk.client.post("/scouting/open-vacancy", content=text.encode(), headers=headers)
    refused_field(answer, "position")  # read, then refused by the field's own bound
