"""API tokens: shown once, kept only as a SHA-256 digest, revocable, optionally expiring.

Issuing, revoking and changing a user's roles are events in the log (domain.access), so the
hash chain covers them; the token table is their read model. A token authenticates only as the
log says: the row found by the digest names a token whose own events must give the same digest,
user and agency, and still be live, and it acts in the roles it was issued for that its user
still holds. A row written straight into the table is backed by no event and proves nothing.

The SQL lives in one module per backend (sqlite.py, postgres.py); what a token means lives here."""

from __future__ import annotations

import hashlib
import secrets
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError
from eventsourcing.utils import get_topic

from domain.access.roles import UserRoles, user_roles_id
from domain.access.tokens import ApiToken, api_token_id
from domain.access.users import User
from domain.access.users import user_id as person_id
from domain.envelope import Role
from services.auth.principal import Principal
from services.auth.verdicts import Verdict, Verdicts

# Who issues a token when the caller does not say: the product's own administration.
ISSUER = "talenta"
TOKEN_TOPICS = frozenset(get_topic(event) for event in (ApiToken.Issued, ApiToken.Revoked))
USER_TOPICS = frozenset(get_topic(event) for event in (UserRoles.Granted, UserRoles.Changed))
PAGE = 500


class TokenNotFound(LookupError):
    def __init__(self, token_id: str) -> None:
        super().__init__(f"token {token_id} tidak ada / no token {token_id}")


class UserNotFound(LookupError):
    def __init__(self, user_id: str) -> None:
        super().__init__(f"pengguna {user_id} tidak ada / no user {user_id}")


class UserInOtherAgency(ValueError):
    def __init__(self, user_id: str, agency: str) -> None:
        super().__init__(
            f"pengguna {user_id} terdaftar di instansi lain, bukan {agency} / "
            f"user {user_id} is registered with another agency, not {agency}"
        )


class RolesNotGranted(ValueError):
    """A token carries only roles its user holds; granting more is a change of roles."""

    def __init__(self, user_id: str, missing: Iterable[Role]) -> None:
        names = ", ".join(sorted(missing))
        super().__init__(
            f"pengguna {user_id} tidak memegang peran {names}; ubah perannya dulu "
            f"(talenta token roles) / user {user_id} does not hold the roles {names}; change "
            "its roles first (talenta token roles)"
        )


@dataclass(frozen=True)
class TokenInfo:
    """A token as listed: everything but its secret, which is never stored. ``roles`` are the
    roles it was issued for."""

    token_id: str
    user_id: str
    agency: str
    roles: frozenset[Role]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    unit: str = ""  # the unit a head of unit's token heads, fixed like its roles

    def live(self, now: datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or now < self.expires_at)


@dataclass(frozen=True)
class TokenRow:
    """A row of the token table: the listed token and the digest it is found by."""

    info: TokenInfo
    token_hash: str


def digest(secret: str) -> str:
    """A token is looked up by the digest of the secret presented, never compared with a stored
    secret: response times then depend on the digest, which tells an attacker nothing about the
    secret, so no constant-time comparison of secrets is needed."""
    return hashlib.sha256(secret.encode()).hexdigest()


def encode_roles(roles: Iterable[Role | str]) -> str:
    return " ".join(sorted(str(role) for role in roles))


def decode_roles(text: str) -> frozenset[Role]:
    return frozenset(Role(name) for name in text.split())


def utc_now() -> datetime:
    return datetime.now(UTC)


def row_of(token: ApiToken) -> TokenRow:
    info = TokenInfo(
        token_id=token.token_id,
        user_id=token.user_id,
        agency=token.agency,
        roles=frozenset(Role(name) for name in token.roles),
        created_at=token.created_on,
        expires_at=token.expires_at,
        revoked_at=token.revoked_at,
        unit=token.unit,
    )
    return TokenRow(info, token.token_hash)


class TokenStore(ABC):
    """Users' roles and their API tokens, recorded in the application's log and read through a
    table of the application's own database; an Authenticator."""

    def __init__(self, app: Application[UUID]) -> None:
        self.app = app
        self.verdicts = Verdicts()

    def create_token(
        self,
        user_id: str,
        agency: str,
        roles: Iterable[Role],
        expires: datetime | None = None,
        by: str = ISSUER,
        unit: str = "",
    ) -> tuple[str, str]:
        """Issues a token for these roles, fixed for its life, and returns its id and secret;
        the secret is not kept and cannot be shown again. A user's first token grants it these
        roles in this agency; a later one may carry only roles the user holds (RolesNotGranted)
        and never changes the user's other tokens."""
        # Refuses empty or system roles.
        principal = Principal(user_id, agency, frozenset(roles), unit.strip())
        if expires is not None and expires.tzinfo is None:
            raise ValueError(
                "waktu kedaluwarsa harus berzona waktu / expires must carry a time zone"
            )
        token_id = secrets.token_hex(8)
        secret = secrets.token_urlsafe(32)
        for attempt in range(2):
            user = self._user(user_id)
            pending: list[Aggregate] = []
            if user is None:
                user = UserRoles(
                    user_id=user_id,
                    agency=agency,
                    roles=sorted(map(str, principal.roles)),
                    by=by,
                    reason="peran diberikan bersama token pertamanya / "
                    "roles granted with the user's first token",
                )
                pending.append(user)
            elif user.agency != agency:
                raise UserInOtherAgency(user_id, agency)
            elif missing := principal.roles - set(user.roles):
                raise RolesNotGranted(user_id, missing)
            token = ApiToken(
                token_id=token_id,
                user_id=user_id,
                agency=agency,
                roles=sorted(map(str, principal.roles)),
                token_hash=digest(secret),
                expires_at=expires,
                by=by,
                unit=principal.unit,
            )
            try:
                self.app.save(*pending, token)
            except IntegrityError:
                if attempt:
                    raise
                continue  # another process granted the same new user first: read it again
            self.put_user(user.user_id, user.agency, user.roles)
            self.put_token(row_of(token))
            break
        return token_id, secret

    def authenticate(self, secret: str, /) -> Principal | None:
        token_hash = digest(secret)
        held = self.verdicts.get(token_hash)
        if held is not None:
            if held.holds(self._versions(held.ids), utc_now()):
                return held.principal
            self.verdicts.drop(token_hash)
        found = self.find(token_hash)
        if found is None:
            return None
        info = found.info
        ids = (api_token_id(info.token_id), user_roles_id(info.user_id), person_id(info.user_id))
        # Read before judging: a record saved in between makes the next request judge again.
        versions = self._versions(ids)
        token = self._token(info.token_id)
        if token is None or token.token_hash != found.token_hash:
            return None  # a row the log does not back
        if not row_of(token).info.live(utc_now()):
            return None
        user = self._user(token.user_id)
        if user is None or user.agency != token.agency or self._disabled(token.user_id):
            return None
        roles = frozenset(Role(name) for name in set(token.roles) & set(user.roles))
        if not roles:
            return None
        principal = Principal(token.user_id, token.agency, roles, token.unit)
        self.verdicts.keep(token_hash, Verdict(ids, versions, principal, token.expires_at))
        return principal

    def _versions(self, ids: tuple[UUID, ...]) -> dict[UUID, int]:
        found: dict[UUID, int] = self.app.recorder.versions_of(ids)  # type: ignore[attr-defined]
        return found

    def _disabled(self, user_id: str) -> bool:
        """Whether the person of this name, if the token's user signs in too, is disabled."""
        person: User | None = self._get(person_id(user_id))
        return person is not None and person.disabled

    def revoke(self, token_id: str, by: str = ISSUER) -> None:
        """Revokes at once; revoking again keeps the first revocation time."""
        token = self._token(token_id)
        if token is None:
            raise TokenNotFound(token_id)
        token.revoke(by=by, at=utc_now())
        self.app.save(token)
        self.put_token(row_of(token))

    def change_roles(self, user_id: str, roles: Iterable[Role], reason: str, by: str) -> bool:
        """Records the roles the user holds from now on, for every token it has: each token then
        acts in the roles it was issued for that the user still holds. False, recording nothing,
        when they are the roles it holds already."""
        user = self._user(user_id)
        if user is None:
            raise UserNotFound(user_id)
        principal = Principal(user_id, user.agency, frozenset(roles))
        if not reason.strip():
            raise ValueError("perubahan peran memerlukan alasan / a change of roles needs a reason")
        if not user.change(sorted(map(str, principal.roles)), by=by, reason=reason):
            return False
        self.app.save(user)
        self.put_user(user.user_id, user.agency, user.roles)
        return True

    def forged(self) -> list[TokenInfo]:
        """The table's tokens that the log does not give as they stand: written or changed
        straight in the database."""
        found = []
        for row in self.rows():
            token = self._token(row.info.token_id)
            if token is None or row_of(token) != row:
                found.append(row.info)
        return found

    def rebuild(self) -> int:
        """Empties the table and fills it again from the log's events alone; returns the number
        of tokens."""
        tokens: set[UUID] = set()
        users: set[UUID] = set()
        start: int | None = None
        while True:
            notifications = self.app.recorder.select_notifications(
                start=start,
                limit=PAGE,
                topics=sorted(TOKEN_TOPICS | USER_TOPICS),
                inclusive_of_start=False,
            )
            for notification in notifications:
                kind = tokens if notification.topic in TOKEN_TOPICS else users
                kind.add(UUID(str(notification.originator_id)))
            if len(notifications) < PAGE:
                break
            start = notifications[-1].id
        self.clear()
        for user_uuid in sorted(users):
            user: UserRoles = self.app.repository.get(user_uuid)
            self.put_user(user.user_id, user.agency, user.roles)
        for token_uuid in sorted(tokens):
            self.put_token(row_of(self.app.repository.get(token_uuid)))
        return len(tokens)

    def list_tokens(self) -> list[TokenInfo]:
        """Every token, oldest first."""
        return [row.info for row in self.rows()]

    def _token(self, token_id: str) -> ApiToken | None:
        token: ApiToken | None = self._get(api_token_id(token_id))
        return token

    def _user(self, user_id: str) -> UserRoles | None:
        user: UserRoles | None = self._get(user_roles_id(user_id))
        return user

    def _get(self, aggregate_id: UUID) -> Any:
        try:
            return self.app.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None

    @abstractmethod
    def put_user(self, user_id: str, agency: str, roles: Iterable[str]) -> None:
        """Writes the user's row as its events leave it."""

    @abstractmethod
    def put_token(self, row: TokenRow) -> None:
        """Writes the token's row as its events leave it."""

    @abstractmethod
    def find(self, token_hash: str) -> TokenRow | None: ...

    @abstractmethod
    def rows(self) -> list[TokenRow]:
        """Every token row, oldest first."""

    @abstractmethod
    def clear(self) -> None:
        """Deletes every user and token row."""
