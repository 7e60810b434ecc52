"""Who may call which command route, generated from the same declaration the handlers use."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from uuid import UUID

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.values import Penalty, PenaltyLevel
from services.api import access, create_api, scouting, talent
from services.api.commands import route_name
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from services.config import StoreConfig
from services.permissions import roles_of
from services.personal_data import NEEDS, PersonalField
from tests.unit.rules_builders import facts, nip_for

PEOPLE = [role for role in Role if role is not Role.SYSTEM]
ROLE = "X-Talenta-Role"
NIP = nip_for(date(1975, 6, 1))
PUNISHED = Penalty(level=PenaltyLevel.MODERATE, start=date(2023, 1, 2), end=date(2023, 12, 31))
# Each area's command routes under its prefix.
AREAS = {"/scouting": scouting.COMMANDS, "/talent": talent.COMMANDS}
COMMANDS = [handler for handlers in AREAS.values() for handler in handlers]
TABLE = [
    pytest.param(
        f"{prefix}/{route_name(handler)}",
        role,
        role in roles_of(handler),
        id=f"{route_name(handler)}-{role}",
    )
    for prefix, handlers in AREAS.items()
    for handler in handlers
    for role in PEOPLE
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("roles") / "talenta.sqlite"
    app = Talenta(StoreConfig(f"sqlite:///{path}"))
    tokens = token_store(app)
    _, secret = tokens.create_token("everyone", "kota-madiun", set(PEOPLE))
    client = TestClient(create_api(Context.of(app)))
    client.headers["Authorization"] = f"Bearer {secret}"
    yield client
    app.close()


@pytest.mark.parametrize(("route", "role", "allowed"), TABLE)
def test_each_role_may_call_exactly_the_commands_declared_for_it(
    client: TestClient, route: str, role: Role, allowed: bool
) -> None:
    answer = client.post(route, json={}, headers={"X-Talenta-Role": role})
    if allowed:
        assert answer.status_code == 422  # let through to the body, which is empty
        assert answer.json()["code"] == "invalid-request"
        assert answer.json()["message_en"].startswith("the request is not valid")
    else:
        assert answer.status_code == 403
        assert answer.json()["code"] == "forbidden"


def test_the_auditor_may_call_no_command() -> None:
    assert all(Role.AUDITOR not in roles_of(handler) for handler in COMMANDS)


def test_a_command_without_a_token_is_unauthenticated(client: TestClient) -> None:
    answer = client.post("/scouting/open-round", json={}, headers={"Authorization": ""})
    assert answer.status_code == 401
    assert answer.json()["code"] == "unauthenticated"


def test_a_query_out_of_bounds_is_refused_not_a_server_error(client: TestClient) -> None:
    answer = client.get(
        "/talent/monitoring/due",
        params={"agency": "kota-madiun", "days": 10**9},
        headers={"X-Talenta-Role": Role.AUDITOR},
    )
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid-request"


# Read routes with roles of their own (services/api/access.py), from the same declaration.
READS = [
    (route.path, access.READERS[dependency.dependency])
    for route in access.router.routes
    if isinstance(route, APIRoute)
    for dependency in route.dependencies
    if dependency.dependency in access.READERS
]
READ_TABLE = [
    pytest.param(path, role, role in roles, id=f"{path}-{role}")
    for path, roles in READS
    for role in PEOPLE
]


def test_every_audit_record_route_declares_its_readers() -> None:
    assert {path for path, _ in READS} == {
        "/audit/reads",
        "/audit/refusals",
        "/audit/refusals/{refusal_id}",
    }


@pytest.mark.parametrize(("route", "role", "allowed"), READ_TABLE)
def test_each_role_may_read_exactly_the_audit_records_declared_for_it(
    client: TestClient, route: str, role: Role, allowed: bool
) -> None:
    answer = client.get(route.replace("{refusal_id}", str(UUID(int=1))), headers={ROLE: role})
    if not allowed:
        assert answer.status_code == 403
        assert answer.json()["code"] == "forbidden"
    elif "{refusal_id}" in route:
        assert answer.status_code == 404  # let through to the lookup: no such refusal
        assert answer.json()["code"] == "not-found"
    else:
        assert answer.status_code == 200


# Read routes answering personal data x role: which fields the role sees (services/personal_data).
PERSONAL = {
    f"/employees/{NIP}": (PersonalField.NIP, PersonalField.DISCIPLINE),
    "/agencies/kota-madiun/employees": (PersonalField.NIP,),
}
PERSONAL_TABLE = [
    pytest.param(route, role, id=f"{route}-{role}") for route in PERSONAL for role in PEOPLE
]


@pytest.fixture(scope="module")
def staffed_client(client: TestClient) -> TestClient:
    app: Talenta = client.app.state.context.app  # type: ignore[attr-defined]
    clerk = Actor(id="siti", role=Role.CASEWORKER, agency="kota-madiun")
    record = facts(nip=NIP, penalties=(PUNISHED,))
    app.save(Employee.enrol(record, Envelope(actor=clerk, effective=date(2024, 1, 2))))
    return client


@pytest.mark.parametrize(("route", "role"), PERSONAL_TABLE)
def test_each_role_reads_only_the_personal_fields_declared_for_it(
    staffed_client: TestClient, route: str, role: Role
) -> None:
    answer = staffed_client.get(route, headers={ROLE: role})
    assert answer.status_code == 200
    found = answer.json() if isinstance(answer.json(), dict) else answer.json()[0]
    assert (found["nip"] == NIP) is (PersonalField.NIP in NEEDS[role])
    assert found["nip"].endswith(NIP[-3:])
    if PersonalField.DISCIPLINE in PERSONAL[route]:
        assert ("penalties" in found) is (PersonalField.DISCIPLINE in NEEDS[role])
