"""Tokens, principals and role selection, without a database: the rules every backend shares."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import pytest

from domain.envelope import Actor, Role
from services.application import Talenta
from services.auth import (
    OtherAgency,
    Principal,
    RoleNotHeld,
    RoleRequired,
    TokenInfo,
    TokenStore,
    UnknownRole,
    actor_for,
    same_agency,
)
from services.auth.tokens import TokenRow, digest
from services.config import StoreConfig

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
ANI = Principal("ani", "kota-madiun", frozenset({Role.CASEWORKER}))
BUDI = Principal("budi", "kota-madiun", frozenset({Role.TALENT_TEAM, Role.AUDITOR}))


class MemoryTokens(TokenStore):
    """The log in an in-memory SQLite store and the table as a dict, so the tests see exactly
    what would be stored."""

    def __init__(self) -> None:
        super().__init__(Talenta(StoreConfig("sqlite:///:memory:")))
        self.table: dict[str, TokenRow] = {}

    def put_user(self, user_id: str, agency: str, roles: Iterable[str]) -> None:
        pass  # authentication reads the user's roles from the log

    def put_token(self, row: TokenRow) -> None:
        self.table[row.token_hash] = row

    def find(self, token_hash: str) -> TokenRow | None:
        return self.table.get(token_hash)

    def rows(self) -> list[TokenRow]:
        return list(self.table.values())

    def clear(self) -> None:
        self.table.clear()


def info(expires_at: datetime | None = None, revoked_at: datetime | None = None) -> TokenInfo:
    return TokenInfo("t1", "ani", "kota-madiun", ANI.roles, NOW, expires_at, revoked_at)


def test_a_token_is_stored_only_as_the_sha256_of_its_secret() -> None:
    tokens = MemoryTokens()
    _, secret = tokens.create_token("ani", "kota-madiun", [Role.CASEWORKER])

    assert list(tokens.table) == [hashlib.sha256(secret.encode()).hexdigest()]
    assert digest(secret) != secret
    assert len(secret) >= 43  # 32 random bytes, URL-safe base64


def test_each_token_gets_its_own_id_and_secret() -> None:
    tokens = MemoryTokens()
    first = tokens.create_token("ani", "kota-madiun", [Role.CASEWORKER])
    second = tokens.create_token("ani", "kota-madiun", [Role.CASEWORKER])

    assert first[0] != second[0] and first[1] != second[1]


def test_a_secret_authenticates_as_its_user_and_nothing_else_does() -> None:
    tokens = MemoryTokens()
    _, secret = tokens.create_token("ani", "kota-madiun", [Role.CASEWORKER])

    assert tokens.authenticate(secret) == ANI
    assert tokens.authenticate(secret + "x") is None
    assert tokens.authenticate(digest(secret)) is None  # a leaked digest is no credential


def test_a_revoked_token_no_longer_authenticates() -> None:
    tokens = MemoryTokens()
    token_id, secret = tokens.create_token("ani", "kota-madiun", [Role.CASEWORKER])
    tokens.revoke(token_id)

    assert tokens.authenticate(secret) is None


def test_a_token_past_its_expiry_no_longer_authenticates() -> None:
    tokens = MemoryTokens()
    past = datetime.now(UTC) - timedelta(seconds=1)
    _, expired = tokens.create_token("ani", "kota-madiun", [Role.CASEWORKER], expires=past)
    future = datetime.now(UTC) + timedelta(days=1)
    _, live = tokens.create_token("ani", "kota-madiun", [Role.CASEWORKER], expires=future)

    assert tokens.authenticate(expired) is None
    assert tokens.authenticate(live) == ANI


def test_a_token_is_live_until_the_instant_it_expires_and_never_once_revoked() -> None:
    assert info().live(NOW + timedelta(days=3650))
    assert info(expires_at=NOW + timedelta(seconds=1)).live(NOW)
    assert not info(expires_at=NOW).live(NOW)
    assert not info(revoked_at=NOW).live(NOW - timedelta(days=1))


def test_an_expiry_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        MemoryTokens().create_token("ani", "kota-madiun", [Role.CASEWORKER], datetime(2030, 1, 1))


@pytest.mark.parametrize(
    ("user_id", "agency", "roles"),
    [("", "kota-madiun", [Role.CASEWORKER]), ("ani", "", [Role.CASEWORKER]), ("ani", "x", [])],
)
def test_a_token_needs_a_user_an_agency_and_a_role(
    user_id: str, agency: str, roles: list[Role]
) -> None:
    tokens = MemoryTokens()
    with pytest.raises(ValueError, match="at least one role"):
        tokens.create_token(user_id, agency, roles)
    assert tokens.table == {}


def test_no_token_may_carry_the_system_role() -> None:
    with pytest.raises(ValueError, match="system role"):
        MemoryTokens().create_token("ani", "kota-madiun", [Role.CASEWORKER, Role.SYSTEM])


def test_a_principal_acts_in_a_role_it_holds_for_its_own_agency() -> None:
    assert BUDI.actor(Role.AUDITOR) == Actor(id="budi", role=Role.AUDITOR, agency="kota-madiun")


def test_a_principal_is_refused_a_role_it_does_not_hold() -> None:
    with pytest.raises(RoleNotHeld) as refused:
        ANI.actor(Role.PPK)

    assert (refused.value.status, refused.value.code) == (403, "role-not-held")
    assert isinstance(refused.value, PermissionError)
    assert "ppk" in refused.value.message.id and "ppk" in refused.value.message.en


def test_a_user_with_one_role_need_not_name_it() -> None:
    assert actor_for(ANI, None).role is Role.CASEWORKER
    assert actor_for(ANI, "").role is Role.CASEWORKER


def test_a_user_with_several_roles_must_name_the_one_it_acts_in() -> None:
    with pytest.raises(RoleRequired) as refused:
        actor_for(BUDI, None)

    assert (refused.value.status, refused.value.code) == (400, "role-required")
    assert actor_for(BUDI, "talent-team").role is Role.TALENT_TEAM
    assert actor_for(BUDI, " auditor ").role is Role.AUDITOR


def test_naming_a_role_not_held_is_forbidden_and_an_unknown_role_is_a_bad_request() -> None:
    with pytest.raises(RoleNotHeld):
        actor_for(ANI, "auditor")
    with pytest.raises(UnknownRole) as unknown:
        actor_for(ANI, "mayor")
    assert unknown.value.status == 400


def test_an_actor_may_touch_only_its_own_agency() -> None:
    actor = ANI.actor(Role.CASEWORKER)
    same_agency(actor, "kota-madiun")

    with pytest.raises(OtherAgency) as refused:
        same_agency(actor, "kota-binjai")
    assert (refused.value.status, refused.value.code) == (403, "other-agency")
    assert "kota-binjai" in refused.value.message.id and "kota-binjai" in refused.value.message.en


def test_the_system_actor_keeps_every_agencys_clocks() -> None:
    same_agency(Actor(id="talenta", role=Role.SYSTEM), "kota-binjai")
