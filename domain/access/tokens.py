"""One API token: issued to a user for a fixed set of roles, and perhaps revoked. Its secret is
never recorded, only the SHA-256 of it; the token table is a read model of these events, so a
row written straight into it is backed by no event and does not authenticate."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

_TOKEN_IDS = uuid5(NAMESPACE_URL, "talenta:api-token")


def api_token_id(token_id: str) -> UUID:
    return uuid5(_TOKEN_IDS, token_id)


class ApiToken(Aggregate):
    class Issued(Aggregate.Created):
        token_id: str
        user_id: str
        agency: str
        roles: list[str]  # fixed for the token's life; the user's roles can only narrow them
        token_hash: str
        expires_at: datetime | None
        by: str  # who issued it
        unit: str = ""  # the unit a head of unit's token heads (madiun-2021:P24 angka 1)

    class Revoked(Aggregate.Event):
        by: str
        at: datetime

    @staticmethod
    def create_id(token_id: str, **_: Any) -> UUID:
        return api_token_id(token_id)

    @event(Issued)
    def __init__(
        self,
        token_id: str,
        user_id: str,
        agency: str,
        roles: list[str],
        token_hash: str,
        expires_at: datetime | None,
        by: str,
        unit: str = "",
    ) -> None:
        self.token_id = token_id
        self.user_id = user_id
        self.agency = agency
        self.roles = sorted(roles)
        self.token_hash = token_hash
        self.expires_at = expires_at
        self.issued_by = by
        self.unit = unit
        self.revoked_at: datetime | None = None

    def revoke(self, by: str, at: datetime) -> None:
        """Revoking again records nothing: the first revocation stands."""
        if self.revoked_at is None:
            self._revoke(by=by, at=at)

    @event(Revoked)
    def _revoke(self, by: str, at: datetime) -> None:
        self.revoked_by = by
        self.revoked_at = at
