"""A token found authenticating is judged again only when its records move, on SQLite and
PostgreSQL: an API process answers a known token with one query, and a revocation, a change of
roles or a disable saved by another process on the same database is refused at its next request;
an expiry bites at once without any write."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest

from domain.envelope import Actor, Role
from services.accounts import NewUser, create_user, disable_user
from services.application import Talenta
from services.auth import TokenStore, token_store
from services.auth.postgres import PostgresTokenStore
from services.auth.sqlite import SQLiteTokenStore
from services.config import StoreConfig

MADIUN = "kota-madiun"
ADMIN = Actor(id="admin", role=Role.ADMINISTRATOR, agency=MADIUN)


@contextmanager
def another_process(store: StoreConfig) -> Iterator[TokenStore]:
    """A second application on the same database, as a second API process has."""
    app = Talenta(store)
    try:
        yield token_store(app)
    finally:
        app.close()


@pytest.fixture
def tokens(app: Talenta) -> TokenStore:
    return token_store(app)


def judged(tokens: TokenStore, secret: str) -> frozenset[Role] | None:
    found = tokens.authenticate(secret)
    return None if found is None else found.roles


def delete_rows(tokens: TokenStore) -> None:
    assert isinstance(tokens, SQLiteTokenStore | PostgresTokenStore)
    with tokens.datastore.transaction(commit=True) as cursor:
        cursor.execute("DELETE FROM token_index")


def test_a_token_judged_once_is_answered_without_its_row_until_its_records_move(
    tokens: TokenStore,
) -> None:
    token_id, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])
    assert judged(tokens, secret) == {Role.CASEWORKER}
    delete_rows(tokens)  # the table is a read model: the verdict rests on the log's records

    assert judged(tokens, secret) == {Role.CASEWORKER}
    tokens.revoke(token_id)
    assert judged(tokens, secret) is None


def test_a_revocation_by_another_process_is_refused_at_the_next_request(
    store: StoreConfig, tokens: TokenStore
) -> None:
    token_id, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])
    _, other = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])
    assert judged(tokens, secret) == judged(tokens, other) == {Role.CASEWORKER}

    with another_process(store) as second:
        assert judged(second, secret) == {Role.CASEWORKER}
        second.revoke(token_id)
        assert judged(second, secret) is None

    assert judged(tokens, secret) is None
    assert judged(tokens, other) == {Role.CASEWORKER}


def test_a_change_of_roles_by_another_process_narrows_the_token_at_once(
    store: StoreConfig, tokens: TokenStore
) -> None:
    _, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER, Role.AUDITOR])
    assert judged(tokens, secret) == {Role.CASEWORKER, Role.AUDITOR}

    with another_process(store) as second:
        assert second.change_roles("ani", [Role.AUDITOR], "pindah ke inspektorat", by="admin")

    assert judged(tokens, secret) == {Role.AUDITOR}


def test_a_person_disabled_by_another_process_acts_through_no_token(
    store: StoreConfig, app: Talenta, tokens: TokenStore
) -> None:
    password = "kata-sandi-panjang"
    person = NewUser(username="ani", agency=MADIUN, roles={Role.CASEWORKER}, password=password)
    create_user(app, person, ADMIN)
    _, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER])
    _, someone_else = tokens.create_token("budi", MADIUN, [Role.CASEWORKER])
    assert judged(tokens, secret) == {Role.CASEWORKER}

    second = Talenta(store)
    try:
        disable_user(second, "ani", ADMIN)
    finally:
        second.close()

    assert judged(tokens, secret) is None
    assert judged(tokens, someone_else) == {Role.CASEWORKER}  # a token of no person


def test_a_token_judged_live_is_refused_once_it_expires(tokens: TokenStore) -> None:
    expires = datetime.now(UTC) + timedelta(seconds=1)
    _, secret = tokens.create_token("ani", MADIUN, [Role.CASEWORKER], expires)
    assert judged(tokens, secret) == {Role.CASEWORKER}

    time.sleep(max(0.0, (expires - datetime.now(UTC)).total_seconds()) + 0.05)
    assert judged(tokens, secret) is None
