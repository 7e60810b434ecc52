"""API tokens recorded in the event log and read through a table, on SQLite and PostgreSQL: they
outlive the process that made them, revocation and expiry bite at once, a token's roles are
fixed when issued, a row written straight into the table does not authenticate and the table
rebuilds from the log, and the HTTP seam answers 401, 400, 403 or 200 as the credential and the
role header say."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from domain.access.roles import UserRoles
from domain.access.tokens import ApiToken
from domain.envelope import Actor, Role
from services.api.auth import CurrentActor, use_authenticator
from services.application import Talenta
from services.auth import TokenNotFound, TokenStore, UserInOtherAgency, same_agency, token_store
from services.auth.postgres import PostgresTokenStore
from services.auth.sqlite import SQLiteTokenStore
from services.auth.tokens import RolesNotGranted, digest
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
        cursor.execute("SELECT * FROM token_index")
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


def test_a_later_token_never_changes_the_roles_of_an_earlier_one(tokens: TokenStore) -> None:
    _, old = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])

    # A token may carry only roles the user holds: granting more is a decision of its own.
    with pytest.raises(RolesNotGranted, match="auditor"):
        tokens.create_token("ani", MADIUN, [Role.AUDITOR])
    assert tokens.change_roles("ani", [Role.CASEWORKER, Role.AUDITOR], "mutasi", by="admin")
    _, new = tokens.create_token("ani", MADIUN, [Role.AUDITOR])

    earlier, later = tokens.authenticate(old), tokens.authenticate(new)
    assert earlier is not None and earlier.roles == {Role.CASEWORKER}
    assert later is not None and later.roles == {Role.AUDITOR}


def test_a_change_of_roles_is_recorded_and_narrows_every_token(
    app: Talenta, tokens: TokenStore
) -> None:
    _, both = tokens.create_token("ani", MADIUN, [Role.CASEWORKER, Role.AUDITOR])
    _, caseworker = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])

    assert tokens.change_roles("ani", [Role.AUDITOR], "pindah ke inspektorat", by="admin")
    assert not tokens.change_roles("ani", [Role.AUDITOR], "lagi", by="admin")  # nothing new

    narrowed = tokens.authenticate(both)
    assert narrowed is not None and narrowed.roles == {Role.AUDITOR}
    assert tokens.authenticate(caseworker) is None  # none of its roles is held any more
    (changed,) = [e for e in events(app) if isinstance(e, UserRoles.Changed)]
    assert (changed.roles, changed.by, changed.reason) == (
        ["auditor"],
        "admin",
        "pindah ke inspektorat",
    )
    with pytest.raises(ValueError, match="reason"):
        tokens.change_roles("ani", [Role.CASEWORKER], " ", by="admin")


def events(app: Talenta) -> list[Any]:
    return [
        app.mapper.to_domain_event(notification)
        for notification in app.recorder.select_notifications(start=1, limit=1000)
    ]


def test_issuing_and_revoking_are_events_in_the_log(app: Talenta, tokens: TokenStore) -> None:
    token_id, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER], by="admin")
    tokens.revoke(token_id, by="inspektur")

    kinds = [type(event) for event in events(app)]
    assert kinds == [UserRoles.Granted, ApiToken.Issued, ApiToken.Revoked]
    issued = events(app)[1]
    assert (issued.token_id, issued.user_id, issued.agency, issued.roles, issued.by) == (
        token_id,
        "ani",
        MADIUN,
        ["caseworker"],
        "admin",
    )
    assert all(secret not in str(vars(event)) for event in events(app))


FORGED_AT = "2025-01-01T00:00:00+00:00"


def forge_administrator(tokens: TokenStore, secret: str) -> None:
    """What a forger with write access to the database does: rows for a token of their own."""
    assert isinstance(tokens, SQLiteTokenStore | PostgresTokenStore)
    mark = "?" if isinstance(tokens, SQLiteTokenStore) else "%s"
    with tokens.datastore.transaction(commit=True) as cursor:
        cursor.execute(
            f"INSERT INTO user_roles (id, agency, roles) VALUES ({mark}, {mark}, {mark})",
            ["mallory", MADIUN, "administrator"],
        )
        cursor.execute(
            "INSERT INTO token_index (token_id, user_id, agency, roles, token_hash, created_at) "
            f"VALUES ({mark}, {mark}, {mark}, {mark}, {mark}, {mark})",
            ["f0f0f0f0", "mallory", MADIUN, "administrator", digest(secret), FORGED_AT],
        )


def test_a_token_row_written_straight_into_the_database_grants_nothing(
    store: StoreConfig, tokens: TokenStore
) -> None:
    token_id, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])
    forge_administrator(tokens, "forged-secret")

    with reopened(store) as fresh:
        assert fresh.authenticate("forged-secret") is None
        assert [info.token_id for info in fresh.forged()] == ["f0f0f0f0"]
        assert fresh.rebuild() == 1
        assert [info.token_id for info in fresh.list_tokens()] == [token_id]
        assert fresh.forged() == []
        assert fresh.authenticate(secret) is not None


def test_a_revocation_undone_in_the_table_still_holds(tokens: TokenStore) -> None:
    token_id, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])
    tokens.revoke(token_id)
    assert isinstance(tokens, SQLiteTokenStore | PostgresTokenStore)
    with tokens.datastore.transaction(commit=True) as cursor:
        cursor.execute("UPDATE token_index SET revoked_at = NULL")

    assert tokens.authenticate(secret) is None
    assert [info.token_id for info in tokens.forged()] == [token_id]


def test_the_table_rebuilds_from_the_log_to_the_same_rows(tokens: TokenStore) -> None:
    first, _ = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])
    tokens.create_token("budi", MADIUN, [Role.AUDITOR], datetime.now(UTC) + timedelta(days=9))
    tokens.revoke(first)
    before = tokens.list_tokens()

    assert tokens.rebuild() == 2
    assert tokens.list_tokens() == before


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


def test_the_cli_changes_roles_marks_a_forged_row_and_rebuilds(store: StoreConfig) -> None:
    runner = CliRunner()
    env = {"TALENTA_STORE": store.url, "TALENTA_ACTOR": "admin.bkpsdm"}
    with reopened(store) as tokens:
        token_id, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])
        forge_administrator(tokens, "forged-secret")

    listed = runner.invoke(token, ["list"], env=env)
    assert "f0f0f0f0" in listed.output and "FORGED" in listed.output
    assert listed.output.count("FORGED") == 1

    changed = runner.invoke(
        token, ["roles", "ani", "--role", "auditor", "--reason", "mutasi"], env=env
    )
    assert changed.exit_code == 0, changed.output
    assert "dicatat/recorded: ani auditor" in changed.output
    missing = runner.invoke(token, ["roles", "nobody", "--role", "ppk", "--reason", "x"], env=env)
    assert missing.exit_code == 1 and "no user nobody" in missing.output

    rebuilt = runner.invoke(token, ["rebuild"], env=env)
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "dropped f0f0f0f0 mallory" in rebuilt.output
    with reopened(store) as tokens:
        assert [info.token_id for info in tokens.list_tokens()] == [token_id]
        assert tokens.authenticate(secret) is None  # issued for caseworker, which ani lost
        (changed_event,) = [e for e in events(tokens.app) if isinstance(e, UserRoles.Changed)]
        assert changed_event.by == "embedded:admin.bkpsdm"


def test_a_head_of_units_token_carries_the_unit_it_heads(tokens: TokenStore) -> None:
    """madiun-2021:P24 angka 1: the head of the unit holding a vacancy proposes for it, so the
    actor a head of unit's token gives names that unit; its other roles carry none."""
    _, secret = tokens.create_token(
        "kabag.umum",
        MADIUN,
        {Role.HEAD_OF_UNIT, Role.CASEWORKER},
        unit=" Sekretariat Daerah ",
    )
    principal = tokens.authenticate(secret)
    assert principal is not None and principal.unit == "Sekretariat Daerah"
    assert principal.actor(Role.HEAD_OF_UNIT).unit == "Sekretariat Daerah"
    assert principal.actor(Role.CASEWORKER).unit == ""
    _, again = tokens.create_token("kabag.umum", MADIUN, {Role.HEAD_OF_UNIT}, unit="Bappeda")
    moved = tokens.authenticate(again)
    assert moved is not None and moved.unit == "Bappeda"
