"""API tokens: shown once, kept only as a SHA-256 digest, revocable, optionally expiring.

The SQL lives in one module per backend (sqlite.py, postgres.py); what a token means lives here."""

from __future__ import annotations

import hashlib
import secrets
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from domain.envelope import Role
from services.auth.principal import Principal


class TokenNotFound(LookupError):
    def __init__(self, token_id: str) -> None:
        super().__init__(f"token {token_id} tidak ada / no token {token_id}")


class UserInOtherAgency(ValueError):
    def __init__(self, user_id: str, agency: str) -> None:
        super().__init__(
            f"pengguna {user_id} terdaftar di instansi lain, bukan {agency} / "
            f"user {user_id} is registered with another agency, not {agency}"
        )


@dataclass(frozen=True)
class TokenInfo:
    """A token as listed: everything but its secret, which is never stored."""

    token_id: str
    user_id: str
    agency: str
    roles: frozenset[Role]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    unit: str = ""

    def live(self, now: datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or now < self.expires_at)

    def principal(self) -> Principal:
        return Principal(self.user_id, self.agency, self.roles, self.unit)


def digest(secret: str) -> str:
    """A token is looked up by the digest of the secret presented, never compared with a stored
    secret: response times then depend on the digest, which tells an attacker nothing about the
    secret, so no constant-time comparison of secrets is needed."""
    return hashlib.sha256(secret.encode()).hexdigest()


def encode_roles(roles: Iterable[Role]) -> str:
    return " ".join(sorted(roles))


def decode_roles(text: str) -> frozenset[Role]:
    return frozenset(Role(name) for name in text.split())


def utc_now() -> datetime:
    return datetime.now(UTC)


class TokenStore(ABC):
    """Users and their API tokens in the application's own database; an Authenticator."""

    def create_token(
        self,
        user_id: str,
        agency: str,
        roles: Iterable[Role],
        expires: datetime | None = None,
        unit: str = "",
    ) -> tuple[str, str]:
        """Records the user with these roles (replacing the roles it held: the administrator
        states what the user holds now, for all its tokens) and returns a new token's id and
        secret. The secret is not kept and cannot be shown again."""
        # Refuses empty or system roles.
        principal = Principal(user_id, agency, frozenset(roles), unit.strip())
        if expires is not None and expires.tzinfo is None:
            raise ValueError(
                "waktu kedaluwarsa harus berzona waktu / expires must carry a time zone"
            )
        token_id = secrets.token_hex(8)
        secret = secrets.token_urlsafe(32)
        self.insert(principal, token_id, digest(secret), utc_now(), expires)
        return token_id, secret

    def authenticate(self, secret: str, /) -> Principal | None:
        found = self.find(digest(secret))
        return found.principal() if found is not None and found.live(utc_now()) else None

    def revoke(self, token_id: str) -> None:
        """Revokes at once; revoking again keeps the first revocation time."""
        if not self.mark_revoked(token_id, utc_now()):
            raise TokenNotFound(token_id)

    @abstractmethod
    def list_tokens(self) -> list[TokenInfo]:
        """Every token, oldest first."""

    @abstractmethod
    def insert(
        self,
        user: Principal,
        token_id: str,
        token_hash: str,
        created_at: datetime,
        expires_at: datetime | None,
    ) -> None:
        """Upserts the user and inserts the token in one transaction; raises UserInOtherAgency,
        writing nothing, when the user exists in another agency."""

    @abstractmethod
    def find(self, token_hash: str) -> TokenInfo | None: ...

    @abstractmethod
    def mark_revoked(self, token_id: str, at: datetime) -> bool:
        """False when there is no such token."""
