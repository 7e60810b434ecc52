"""API tokens in the application's own database, on SQLite and PostgreSQL: they outlive the
process that made them, revocation and expiry bite at once, and the HTTP seam answers 401, 400,
403 or 200 as the credential and the role header say."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from domain.envelope import Actor, Role
from services.api.auth import CurrentActor, use_authenticator
from services.application import Talenta
from services.auth import TokenNotFound, TokenStore, UserInOtherAgency, same_agency, token_store
from services.auth.postgres import PostgresTokenStore
from services.auth.sqlite import SQLiteTokenStore
from services.cli.token import token
from services.config import StoreConfig

MADIUN = "kota-madiun"


@pytest.fixture
def tokens(app: Talenta) -> TokenStore:
    return token_store(app)


@contextmanager
def reopened(store: StoreConfig) -> Iterator[TokenStore]:
    """The store as another process would see it: a new application on the same database."""
    app = Talenta(store)
    try:
        yield token_store(app)
    finally:
        app.close()


def raw_token_rows(tokens: TokenStore) -> list[Any]:
    assert isinstance(tokens, SQLiteTokenStore | PostgresTokenStore)
    with tokens.datastore.transaction(commit=False) as cursor:
        cursor.execute("SELECT * FROM api_tokens")
        return [tuple(dict(row).values()) for row in cursor.fetchall()]


def test_a_token_outlives_the_application_that_created_it(store: StoreConfig) -> None:
    with reopened(store) as tokens:
        token_id, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER, Role.AUDITOR])

    with reopened(store) as tokens:
        principal = tokens.authenticate(secret)
        assert principal is not None
        assert (principal.user_id, principal.agency) == ("ani", MADIUN)
        assert principal.roles == {Role.CASEWORKER, Role.AUDITOR}
        assert [info.token_id for info in tokens.list_tokens()] == [token_id]


def test_the_database_holds_the_digest_and_never_the_secret(tokens: TokenStore) -> None:
    _, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])

    values = [str(value) for row in raw_token_rows(tokens) for value in row]
    assert all(secret not in value for value in values)
    assert any(len(value) == 64 for value in values)


def test_revoking_takes_effect_at_once_for_every_process(store: StoreConfig) -> None:
    with reopened(store) as tokens:
        token_id, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])
        _, other = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])
        assert tokens.authenticate(secret) is not None

    with reopened(store) as tokens:
        tokens.revoke(token_id)

    with reopened(store) as tokens:
        assert tokens.authenticate(secret) is None
        assert tokens.authenticate(other) is not None  # only the one revoked


def test_revoking_again_keeps_the_first_revocation_and_an_unknown_id_is_refused(
    tokens: TokenStore,
) -> None:
    token_id, _ = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])
    tokens.revoke(token_id)
    (first,) = tokens.list_tokens()
    tokens.revoke(token_id)

    assert tokens.list_tokens() == [first] and first.revoked_at is not None
    with pytest.raises(TokenNotFound):
        tokens.revoke("no-such-token")


def test_an_expired_token_does_not_authenticate(tokens: TokenStore) -> None:
    now = datetime.now(UTC)
    past, future = now - timedelta(seconds=1), now + timedelta(days=30)
    _, expired = tokens.create_token("ani", MADIUN, [Role.CASEWORKER], past)
    _, live = tokens.create_token("ani", MADIUN, [Role.CASEWORKER], future)

    assert tokens.authenticate(expired) is None
    assert tokens.authenticate(live) is not None
    assert {info.expires_at for info in tokens.list_tokens()} == {past, future}


def test_a_new_token_states_the_roles_the_user_now_holds(tokens: TokenStore) -> None:
    _, old = tokens.create_token("ani", MADIUN, [Role.CASEWORKER, Role.TALENT_TEAM])
    tokens.create_token("ani", MADIUN, [Role.CASEWORKER])

    principal = tokens.authenticate(old)
    assert principal is not None and principal.roles == {Role.CASEWORKER}


def test_a_user_never_moves_to_another_agency(tokens: TokenStore) -> None:
    tokens.create_token("ani", MADIUN, [Role.CASEWORKER])

    with pytest.raises(UserInOtherAgency):
        tokens.create_token("ani", "kota-binjai", [Role.PPK])
    assert len(tokens.list_tokens()) == 1


def protected_api(tokens: TokenStore) -> FastAPI:
    api = FastAPI()
    use_authenticator(api, tokens)

    @api.get("/agencies/{agency}/whoami")
    def whoami(agency: str, actor: CurrentActor) -> Actor:
        same_agency(actor, agency)
        return actor

    return api


@pytest.fixture
def client(tokens: TokenStore) -> TestClient:
    return TestClient(protected_api(tokens))


def bearer(secret: str, role: str | None = None) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}", **({"X-Talenta-Role": role} if role else {})}


def test_a_request_without_a_valid_token_is_unauthenticated(
    client: TestClient, tokens: TokenStore
) -> None:
    token_id, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])
    tokens.revoke(token_id)

    for headers in ({}, bearer("not-a-token"), {"Authorization": secret}, bearer(secret)):
        answer = client.get(f"/agencies/{MADIUN}/whoami", headers=headers)
        assert answer.status_code == 401
        assert answer.headers["WWW-Authenticate"] == "Bearer"
        body = answer.json()
        assert body["code"] == "unauthenticated" and body["citation"] == ""
        assert body["message"] and body["message_en"] and body["message"] != body["message_en"]


def test_a_good_token_acts_as_its_user_in_its_only_role(
    client: TestClient, tokens: TokenStore
) -> None:
    _, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])

    answer = client.get(f"/agencies/{MADIUN}/whoami", headers=bearer(secret))
    assert answer.status_code == 200
    assert answer.json() == {"id": "ani", "role": "caseworker", "agency": MADIUN}
    lower_case = {"Authorization": f"bearer {secret}"}
    assert client.get(f"/agencies/{MADIUN}/whoami", headers=lower_case).status_code == 200


def test_a_user_with_several_roles_names_the_one_it_acts_in(
    client: TestClient, tokens: TokenStore
) -> None:
    _, secret = tokens.create_token("budi", MADIUN, [Role.TALENT_TEAM, Role.AUDITOR])
    url = f"/agencies/{MADIUN}/whoami"

    ambiguous = client.get(url, headers=bearer(secret))
    assert (ambiguous.status_code, ambiguous.json()["code"]) == (400, "role-required")
    named = client.get(url, headers=bearer(secret, "auditor"))
    assert (named.status_code, named.json()["role"]) == (200, "auditor")
    not_held = client.get(url, headers=bearer(secret, "ppk"))
    assert (not_held.status_code, not_held.json()["code"]) == (403, "role-not-held")
    unknown = client.get(url, headers=bearer(secret, "mayor"))
    assert (unknown.status_code, unknown.json()["code"]) == (400, "unknown-role")


def test_another_agencys_data_is_refused(client: TestClient, tokens: TokenStore) -> None:
    _, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])

    answer = client.get("/agencies/kota-binjai/whoami", headers=bearer(secret))
    assert (answer.status_code, answer.json()["code"]) == (403, "other-agency")


def test_the_cli_creates_lists_and_revokes_tokens(store: StoreConfig) -> None:
    runner = CliRunner()
    created = runner.invoke(
        token,
        ["create", "--store", store.url, "--user", "ani", "--agency", MADIUN,
         "--role", "caseworker", "--role", "auditor", "--expires-days", "30"],
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    lines = dict(line.split(": ", 1) for line in created.output.splitlines() if ": " in line)
    token_id, secret = lines["token_id"].strip(), lines["secret"].strip()

    listed = runner.invoke(token, ["list", "--store", store.url])
    assert token_id in listed.output and "aktif/active" in listed.output
    assert secret not in listed.output

    revoked = runner.invoke(token, ["revoke", token_id], env={"TALENTA_STORE": store.url})
    assert revoked.exit_code == 0, revoked.output
    with reopened(store) as tokens:
        assert tokens.authenticate(secret) is None
    unknown = runner.invoke(token, ["revoke", "--store", store.url, "nope"])
    assert unknown.exit_code == 1 and "no token nope" in unknown.output
