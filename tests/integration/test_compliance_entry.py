"""The compliance replay from its entry points, on SQLite and PostgreSQL: GET /audit/compliance
for an agency's auditors and administrators only, and `talenta compliance` (exit code 1 on a
breach). The breach is a pick outside the shortlist, written past the command (see
test_compliance)."""

from __future__ import annotations

import json

from click.testing import CliRunner, Result
from fastapi.testclient import TestClient

from domain.envelope import Role
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from services.cli import main
from services.config import StoreConfig
from tests.integration.test_compliance import AS_OF, BINJAI, MADIUN, pick_outside_the_shortlist

BREACH = ("not-shortlisted", "madiun-2021:P24 angka 5")


def headers(app: Talenta, agency: str, role: Role) -> dict[str, str]:
    _, secret = token_store(app).create_token(f"{role}@{agency}", agency, [role])
    return {"Authorization": f"Bearer {secret}"}


def test_auditors_and_administrators_get_their_agencys_breaches(app: Talenta) -> None:
    pick_outside_the_shortlist(app)
    client = TestClient(create_api(Context.of(app)))
    at = {"as_of": AS_OF.isoformat()}

    answers = {
        role: client.get("/audit/compliance", params=at, headers=headers(app, MADIUN, role))
        for role in (Role.AUDITOR, Role.ADMINISTRATOR)
    }
    elsewhere = client.get("/audit/compliance", headers=headers(app, BINJAI, Role.AUDITOR))

    for answer in answers.values():
        assert answer.status_code == 200, answer.json()
        report = answer.json()
        assert report["agency"] == MADIUN
        assert [(b["code"], b["citation"]) for b in report["breaches"]] == [BREACH]
        assert report["breaches"][0]["message"] and report["breaches"][0]["message_en"]
    assert elsewhere.status_code == 200
    assert (elsewhere.json()["agency"], elsewhere.json()["breaches"]) == (BINJAI, [])


def test_other_roles_and_other_agencies_are_refused(app: Talenta) -> None:
    pick_outside_the_shortlist(app)
    client = TestClient(create_api(Context.of(app)))

    caseworker = client.get("/audit/compliance", headers=headers(app, MADIUN, Role.CASEWORKER))
    stranger = client.get(
        "/audit/compliance",
        params={"agency": MADIUN},
        headers=headers(app, BINJAI, Role.AUDITOR),
    )
    naive = client.get(
        "/audit/compliance",
        params={"as_of": "2026-11-23T03:00:00"},
        headers=headers(app, MADIUN, Role.AUDITOR),
    )

    assert caseworker.status_code == 403
    assert stranger.status_code == 403
    assert naive.status_code == 422
    assert all(a.json()["message"] and a.json()["message_en"] for a in (caseworker, stranger))


def run(store: StoreConfig, *args: str) -> Result:
    return CliRunner().invoke(
        main, ["compliance", "--store", store.url, "--as-of", AS_OF.isoformat(), *args]
    )


def test_the_command_prints_each_breach_and_fails(store: StoreConfig, app: Talenta) -> None:
    pick_outside_the_shortlist(app)

    found = run(store, "--agency", MADIUN)
    as_json = run(store, "--agency", MADIUN, "--json")
    everyone = run(store)
    elsewhere = run(store, "--agency", BINJAI)

    assert found.exit_code == 1, found.output
    first, summary = found.output.strip().splitlines()
    assert "Vacancy.Picked" in first and "not-shortlisted [madiun-2021:P24 angka 5]" in first
    assert summary.startswith("1 PELANGGARAN / BREACHES")
    report = json.loads(as_json.output)
    assert as_json.exit_code == 1
    assert [(b["code"], b["citation"]) for b in report["breaches"]] == [BREACH]
    assert everyone.exit_code == 1 and "not-shortlisted" in everyone.output
    assert elsewhere.exit_code == 0, elsewhere.output
    assert elsewhere.output.startswith("PATUH / COMPLIANT")
