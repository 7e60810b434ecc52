"""The HTTP API fuzzed from its own OpenAPI description: schemathesis generates valid and invalid
requests for every route, sent with a valid token in a role the route accepts, against a
PostgreSQL store holding an agency's employees; some bodies also get a lone UTF-16 surrogate (in a
key or a value), a text over its bound, a body over the size limit or arrays nested 200 deep. No
answer is a server error; a command carrying such a hazard is refused; a refusal (4xx) says why in
both languages in the one refusal shape, and leaves the store as it was: the only event it may
add is its own Refusal record."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
import schemathesis
from eventsourcing.utils import get_topic
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis.generation.modes import GenerationMode

from domain.access.refusals import Refusal
from domain.envelope import Actor, Role
from infra.postgres import PostgresServer, create_database, drop_database, unique_database_name
from services.api import create_api
from services.api.context import Context
from services.api.limits import MAX_REQUEST_BYTES
from services.application import Talenta
from services.auth import token_store
from services.commands import MAX_TEXT
from services.importing import PersonnelFiles, import_personnel
from services.permissions import PERMISSIONS
from tests.faults.conftest import store_url

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
AGENCY = "kota-madiun"
REFUSED = get_topic(Refusal.Refused)
PEOPLE = sorted(role for role in Role if role is not Role.SYSTEM)
NIPS = ["197503122000031004", "198307252006042011"]  # in the samples
# Enough to find what a route does with bad input; the whole run stays near a minute.
EXAMPLES = 4
TIMEOUT = 300  # seconds; about one on an idle machine


class Fuzzed:
    """The application under the fuzzed API, and the role each route is called in."""

    def __init__(self, app: Talenta, api: FastAPI, secret: str) -> None:
        self.app = app
        self.api = api
        self.secret = secret
        declared = {key.rsplit(".", 1)[-1]: roles for key, roles in PERMISSIONS.items()}
        self.roles: dict[tuple[str, str], list[Role]] = {}
        # Included routers are nested in the app's routes; the OpenAPI description lists every
        # operation, its id made of the route's name and path.
        for path, operations in api.openapi()["paths"].items():
            for method, operation in operations.items():
                for name, roles in declared.items():
                    if operation["operationId"] == re.sub(r"\W", "_", name + path) + f"_{method}":
                        self.roles[(method.upper(), path)] = sorted(roles)
        assert len(self.roles) > 40  # the command routes

    def steer(self, case: Any, data: st.DataObject) -> tuple[str, bool]:
        """Points some generated agencies and NIPs at the stored ones, so requests get past
        "not found" to the rules, and puts a hazard in some bodies; returns the role to act in,
        one the route accepts if declared, and whether the request is a command with a
        hazard."""
        for values in (case.path_parameters, case.query, case.body):
            if not isinstance(values, dict):
                continue
            if "agency" in values and data.draw(st.booleans(), "own agency"):
                values["agency"] = AGENCY
            if "nip" in values and data.draw(st.booleans(), "stored nip"):
                values["nip"] = data.draw(st.sampled_from(NIPS), "nip")
        hazard = data.draw(st.sampled_from([None, *HAZARDS]), "hazard")
        if hazard is not None and isinstance(case.body, dict):
            HAZARDS[hazard](case.body, data)
        declared = (case.method.upper(), case.operation.path) in self.roles
        roles = self.roles.get((case.method.upper(), case.operation.path), PEOPLE)
        role: str = data.draw(st.sampled_from(roles), "role")
        return role, declared and hazard is not None and isinstance(case.body, dict)


def _text_field(body: dict[str, Any], data: st.DataObject) -> str:
    """A key of the body holding text, or "reason", which most commands take."""
    texts = sorted(key for key, value in body.items() if isinstance(value, str))
    return data.draw(st.sampled_from(texts), "text field") if texts else "reason"


def _surrogate_key(body: dict[str, Any], data: st.DataObject) -> None:
    body["x\ud800"] = 1


def _surrogate_value(body: dict[str, Any], data: st.DataObject) -> None:
    field = _text_field(body, data)
    body[field] = f"{body.get(field, '')}\udfff"


def _oversized_field(body: dict[str, Any], data: st.DataObject) -> None:
    body[_text_field(body, data)] = "x" * (MAX_TEXT + 1)


def _oversized_body(body: dict[str, Any], data: st.DataObject) -> None:
    body[_text_field(body, data)] = "x" * (MAX_REQUEST_BYTES + 1)


def _deep_nesting(body: dict[str, Any], data: st.DataObject) -> None:
    nested: list[Any] = []
    for _ in range(200):
        nested = [nested]
    body[_text_field(body, data)] = nested


HAZARDS = {
    "deep-nesting": _deep_nesting,
    "surrogate-key": _surrogate_key,
    "surrogate-value": _surrogate_value,
    "oversized-field": _oversized_field,
    "oversized-body": _oversized_body,
}


@pytest.fixture(scope="module")
def fuzzed(pg_server: PostgresServer) -> Iterator[Fuzzed]:
    name = unique_database_name("talenta_fuzz")
    app = Talenta(store_url(create_database(pg_server.settings, name)))
    try:
        caseworker = Actor(id="impor", role=Role.CASEWORKER, agency=AGENCY)
        import_personnel(app, PersonnelFiles.in_directory(SAMPLES), AGENCY, caseworker)
        _, secret = token_store(app).create_token("semua.peran", AGENCY, set(PEOPLE))
        api = create_api(Context.of(app))
        yield Fuzzed(app, api, secret)
    finally:
        app.close()
        drop_database(pg_server.settings, name)


def check(fuzzed: Fuzzed, case: Any, role: str, hazardous: bool) -> None:
    before = fuzzed.app.recorder.max_notification_id() or 0
    headers = {"Authorization": f"Bearer {fuzzed.secret}", "X-Talenta-Role": role}
    answer = case.call(headers=headers)
    assert answer.status_code < 500, (answer.status_code, answer.text[:2000])
    if hazardous:
        assert 400 <= answer.status_code < 500, (answer.status_code, answer.text[:500])
    if 400 <= answer.status_code < 500:
        refusal = answer.json()
        assert set(refusal) == {"code", "message", "message_en", "citation"}, refusal
        assert refusal["message"] and refusal["message_en"], refusal
        added = fuzzed.app.recorder.select_notifications(before, 10, inclusive_of_start=False)
        assert [n.topic for n in added] in ([], [REFUSED]), (answer.text[:500], added)


def fuzz_every_operation(fuzzed: Fuzzed) -> tuple[int, list[str]]:
    """How many operations were fuzzed, and what failed on which."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzzed.api)
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode), data=st.data())
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,
                phases=[Phase.explicit, Phase.generate],  # no shrinking: bounded in time
                suppress_health_check=list(HealthCheck),
            )
            def fuzz(case: Any, data: st.DataObject) -> None:
                check(fuzzed, case, *fuzzed.steer(case, data))

            try:
                fuzz()
            except AssertionError as failure:
                failures.append(f"{operation.label} ({mode}): {failure}")
            except Unsatisfiable:
                pass  # nothing to send that breaks the description (e.g. no parameters)
    return operations, failures


def test_no_request_gets_a_server_error_and_a_refusal_changes_nothing(fuzzed: Fuzzed) -> None:
    outcome: list[tuple[int, list[str]]] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(fuzz_every_operation(fuzzed))
        except BaseException as error:  # handed to the test thread below
            errors.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(TIMEOUT)
    assert not worker.is_alive(), f"the fuzzing did not end within {TIMEOUT} s"
    if errors:
        raise errors[0]
    operations, failures = outcome[0]
    assert operations > 50
    assert not failures, "\n".join(failures)


def test_a_nul_character_anywhere_in_a_request_is_refused_and_recorded_without_it(
    fuzzed: Fuzzed,
) -> None:
    """Found by the fuzzing: PostgreSQL keeps no NUL in jsonb, so a refusal recording a body with
    one made every read model fail from then on, each read answering 500. A refused command is
    recorded with its NUL left out; a refused read is not recorded."""
    client = TestClient(fuzzed.api, raise_server_exceptions=False)
    client.headers["Authorization"] = f"Bearer {fuzzed.secret}"
    as_caseworker = {"X-Talenta-Role": Role.CASEWORKER}
    before = fuzzed.app.recorder.max_notification_id()
    answers = [
        client.post(
            "/agencies/kota-madiun/scouting-eligibility",
            json={"level": "supervisor", "on": "2025-03-01", "nips": [f"{NIPS[0]}\u0000"]},
            headers=as_caseworker,
        ),
        client.post(
            "/scouting/register-candidate",
            json={
                "round_id": str(uuid4()),
                "nip": NIPS[0],
                "channel": "direct",
                "effective": "2024-02-12",
                "reason": "berkas\u0000",
            },
            headers=as_caseworker,
        ),
        client.get("/scouting/rounds", params={"agency": f"{AGENCY}\u0000"}),
        client.get(f"/employees/{NIPS[0]}%00", headers=as_caseworker),
    ]
    assert [(a.status_code, a.json()["code"]) for a in answers] == [(422, "invalid-value")] * 4
    assert all("NUL" in a.json()["message_en"] for a in answers)
    added = fuzzed.app.recorder.select_notifications(before or 0, 10, inclusive_of_start=False)
    assert [n.topic for n in added] == [REFUSED, REFUSED]  # the two commands'
    listed = client.get("/scouting/rounds", params={"agency": AGENCY}, headers=as_caseworker)
    assert listed.status_code == 200, listed.text
