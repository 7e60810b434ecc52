"""Personal data through the API with real tokens, on SQLite and PostgreSQL: each role sees the
NIP, the birth date (age) and the disciplinary record only where services/personal_data.py
declares its need, and a full-record read by anyone but a caseworker is recorded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.values import Investigation, Penalty, PenaltyLevel
from projections.documents import DocumentView
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from services.personal_data import NEEDS, WITHHELD, PersonalField, mask_nip, shown
from tests.unit.rules_builders import facts, nip_for

AGENCY, OTHER = "kota-madiun", "kota-binjai"
PEOPLE = [role for role in Role if role is not Role.SYSTEM]
A = nip_for(date(1975, 6, 1))
PUNISHED = Penalty(level=PenaltyLevel.MODERATE, start=date(2023, 1, 2), end=date(2023, 12, 31))
OPEN = Investigation(opened=date(2024, 2, 1), reference="LHP-7/2024")


@dataclass
class Desk:
    """The API as one user of an agency holding every role, acting in the role named."""

    client: TestClient
    app: Talenta

    def get(self, path: str, role: Role, **params: Any) -> Any:
        return self.client.get(path, params=params, headers={"X-Talenta-Role": role})

    def post(self, path: str, role: Role, body: dict[str, Any]) -> Any:
        return self.client.post(path, json=body, headers={"X-Talenta-Role": role})


def desk_for(app: Talenta, agency: str, user: str, unit: str = "") -> Desk:
    """A user holding every role; as head of unit it heads ``unit``."""
    _, secret = token_store(app).create_token(user, agency, set(PEOPLE), unit=unit)
    client = TestClient(create_api(Context.of(app)))
    client.headers["Authorization"] = f"Bearer {secret}"
    return Desk(client, app)


def recorded(app: Talenta) -> DocumentView:
    """The read models, access records included, brought up to the log."""
    context = Context.of(app)
    context.refresh()
    return context.documents


def enrol(app: Talenta) -> None:
    stamp = Envelope(
        actor=Actor(id="siti", role=Role.CASEWORKER, agency=AGENCY), effective=date(2024, 1, 2)
    )
    record = facts(nip=A, penalties=(PUNISHED,), investigations=(OPEN,))
    app.save(Employee.enrol(record, stamp))


@pytest.fixture
def desks(app: Talenta) -> Iterator[dict[str, Desk]]:
    enrol(app)
    yield {AGENCY: desk_for(app, AGENCY, "auditee"), OTHER: desk_for(app, OTHER, "outsider")}


def sees(role: Role, field: PersonalField) -> bool:
    return field in NEEDS[role]


# Read route x role: which personal fields the answer shows, from the declaration itself.
TABLE = [pytest.param(role, id=str(role)) for role in PEOPLE]


@pytest.mark.parametrize("role", TABLE)
def test_each_role_sees_in_each_read_route_only_the_personal_data_it_needs(
    desks: dict[str, Desk], role: Role
) -> None:
    desk = desks[AGENCY]
    shown_nip = A if sees(role, PersonalField.NIP) else mask_nip(A)

    record = desk.get(f"/employees/{A}", role)
    assert record.status_code == 200
    assert record.json()["nip"] == shown_nip
    assert ("penalties" in record.json()) is sees(role, PersonalField.DISCIPLINE)
    assert ("investigations" in record.json()) is sees(role, PersonalField.DISCIPLINE)

    directory = desk.get(f"/agencies/{AGENCY}/employees", role)
    assert [row["nip"] for row in directory.json()] == [shown_nip]

    check = {"level": "administrator", "on": "2024-06-03"}
    checked = desk.post(f"/agencies/{AGENCY}/scouting-eligibility", role, check).json()
    (employee,) = checked
    assert employee["nip"] == shown_nip
    requirements = {r["code"]: r for r in employee["result"]["requirements"]}
    age, discipline = requirements["age"], requirements["discipline"]
    assert ("birth_date" in age["evidence"]) is sees(role, PersonalField.BIRTH_DATE)
    assert ("age" in age["evidence"]) is sees(role, PersonalField.BIRTH_DATE)
    blocking = discipline["evidence"].get("blocking_penalties")
    assert bool(blocking) is sees(role, PersonalField.DISCIPLINE)
    # the outcome stays: an assessor learns that a requirement failed, not the record behind it
    assert discipline["outcome"] == "not-met"


def test_a_full_record_read_by_a_non_caseworker_is_recorded_and_listed_for_auditors(
    desks: dict[str, Desk],
) -> None:
    desk = desks[AGENCY]
    head_before = desk.get("/audit/chain/head", Role.AUDITOR).json()["head"]

    assert desk.get(f"/employees/{A}", Role.CASEWORKER).status_code == 200
    assert desk.get("/audit/reads", Role.AUDITOR, nip=A).json() == []

    assert desk.get(f"/employees/{A}", Role.TPK_MEMBER).status_code == 200
    assert desk.get(f"/employees/{A}", Role.ASSESSOR).status_code == 200  # not the full record
    (read,) = desk.get("/audit/reads", Role.AUDITOR, nip=A).json()
    assert read["actor"] == {"id": "auditee", "role": "tpk-member", "agency": AGENCY}
    assert read["agency"] == AGENCY
    assert read["nip"] == A
    assert read["via"] == "GET /employees/{nip}"
    assert read["read_at"]

    # the read is an event of the log, so the hash chain moves past it
    head_after = desk.get("/audit/chain/head", Role.AUDITOR).json()["head"]
    assert head_after["notification_id"] == desk.app.recorder.max_notification_id()
    assert (
        head_after["notification_id"] > (head_before or {"notification_id": 0})["notification_id"]
    )

    # an eligibility check reads each record it judges
    check = {"level": "administrator", "on": "2024-06-03"}
    desk.post(f"/agencies/{AGENCY}/scouting-eligibility", Role.SCOUTING_TEAM, check)
    vias = [r["via"] for r in desk.get("/audit/reads", Role.ADMINISTRATOR).json()]
    assert vias == ["GET /employees/{nip}", "POST /agencies/{agency}/scouting-eligibility"]


@pytest.mark.parametrize("role", [r for r in PEOPLE if r not in (Role.AUDITOR, Role.ADMINISTRATOR)])
def test_only_auditors_and_administrators_list_the_reads(
    desks: dict[str, Desk], role: Role
) -> None:
    answer = desks[AGENCY].get("/audit/reads", role)
    assert answer.status_code == 403
    assert answer.json()["code"] == "forbidden"


def test_another_agency_reads_neither_the_record_nor_the_reads(desks: dict[str, Desk]) -> None:
    outsider = desks[OTHER]
    answer = outsider.get(f"/employees/{A}", Role.AUDITOR)
    assert answer.status_code == 403
    assert answer.json()["code"] == "other-agency"
    assert outsider.get(f"/agencies/{AGENCY}/employees", Role.AUDITOR).status_code == 403
    desks[AGENCY].get(f"/employees/{A}", Role.PPK)
    # an auditor sees the reads of its own agency only
    assert outsider.get("/audit/reads", Role.AUDITOR, nip=A).json() == []
    assert len(desks[AGENCY].get("/audit/reads", Role.AUDITOR, nip=A).json()) == 1


def test_the_filter_withholds_keys_requirements_and_nips_wherever_they_sit() -> None:
    age = {"code": "age", "outcome": "met", "evidence": {"age": "49"}, "message": {"en": "aged 49"}}
    data = {
        "nip": A,
        "results": {A: {"final": "80"}},
        "candidates": [
            {"nip": A, "birth_date": "1975-06-01", "penalties": [], "requirements": [age]}
        ],
    }

    assert shown(data, Role.AUDITOR) is data
    assert shown(data, Role.HEAD_OF_UNIT) == {
        "nip": A,
        "results": {A: {"final": "80"}},
        "candidates": [{"nip": A, "requirements": [{**age, "evidence": {}, "message": WITHHELD}]}],
    }
    hidden = mask_nip(A)
    assert shown(data, Role.EXTERNAL_ASSESSOR)["results"] == {hidden: {"final": "80"}}
    assert shown(data, None) == shown(data, Role.EXTERNAL_ASSESSOR)  # no reader: nothing personal
    # A refused request's body may hold anything under "code" (found by fuzzing the API).
    odd = {"code": [1], "evidence": {"x": 1}}
    assert shown(odd, Role.HEAD_OF_UNIT) == odd
