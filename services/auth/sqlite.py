from __future__ import annotations

from datetime import datetime
from sqlite3 import Row

from eventsourcing.sqlite import SQLiteDatastore

from services.auth.principal import Principal
from services.auth.tokens import (
    TokenInfo,
    TokenStore,
    UserInOtherAgency,
    decode_roles,
    encode_roles,
)

SELECT_TOKENS = (
    "SELECT t.token_id, t.user_id, u.agency, u.roles, u.unit, t.created_at, t.expires_at, "
    "t.revoked_at "
    "FROM api_tokens t JOIN users u ON u.id = t.user_id"
)


class SQLiteTokenStore(TokenStore):
    def __init__(self, datastore: SQLiteDatastore) -> None:
        self.datastore = datastore
        with datastore.transaction(commit=True) as c:
            c.execute(
                "CREATE TABLE IF NOT EXISTS users ("
                "id TEXT PRIMARY KEY, agency TEXT NOT NULL, roles TEXT NOT NULL, "
                "unit TEXT NOT NULL DEFAULT '')"
            )
            c.execute("PRAGMA table_info(users)")
            columns = {row["name"] for row in c.fetchall()}
            if "unit" not in columns:  # a database from before users carried their unit
                c.execute("ALTER TABLE users ADD COLUMN unit TEXT NOT NULL DEFAULT ''")
            c.execute(
                "CREATE TABLE IF NOT EXISTS api_tokens ("
                "token_id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id), "
                "token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, "
                "expires_at TEXT, revoked_at TEXT)"
            )

    def insert(
        self,
        user: Principal,
        token_id: str,
        token_hash: str,
        created_at: datetime,
        expires_at: datetime | None,
    ) -> None:
        with self.datastore.transaction(commit=True) as c:
            # Returns no row when the user exists in another agency: a user never changes agency.
            c.execute(
                "INSERT INTO users (id, agency, roles, unit) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET roles = excluded.roles, unit = excluded.unit "
                "WHERE users.agency = excluded.agency RETURNING id",
                [user.user_id, user.agency, encode_roles(user.roles), user.unit],
            )
            if c.fetchone() is None:
                raise UserInOtherAgency(user.user_id, user.agency)
            c.execute(
                "INSERT INTO api_tokens (token_id, user_id, token_hash, created_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [token_id, user.user_id, token_hash, created_at.isoformat(), _text(expires_at)],
            )

    def find(self, token_hash: str) -> TokenInfo | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(SELECT_TOKENS + " WHERE t.token_hash = ?", [token_hash])
            row = c.fetchone()
        return None if row is None else _info(row)

    def mark_revoked(self, token_id: str, at: datetime) -> bool:
        with self.datastore.transaction(commit=True) as c:
            c.execute(
                "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) "
                "WHERE token_id = ? RETURNING token_id",
                [at.isoformat(), token_id],
            )
            return c.fetchone() is not None

    def list_tokens(self) -> list[TokenInfo]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(SELECT_TOKENS + " ORDER BY t.created_at, t.token_id")
            return [_info(row) for row in c.fetchall()]


def _text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _info(row: Row) -> TokenInfo:
    return TokenInfo(
        token_id=row["token_id"],
        user_id=row["user_id"],
        agency=row["agency"],
        roles=decode_roles(row["roles"]),
        unit=row["unit"],
        created_at=datetime.fromisoformat(row["created_at"]),
        expires_at=_moment(row["expires_at"]),
        revoked_at=_moment(row["revoked_at"]),
    )
