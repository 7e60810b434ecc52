"""Who may call which command route, generated from the same declaration the handlers use."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from domain.envelope import Role
from services.api import create_api, scouting, talent
from services.api.commands import route_name
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from services.config import StoreConfig
from services.permissions import roles_of

PEOPLE = [role for role in Role if role is not Role.SYSTEM]
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
