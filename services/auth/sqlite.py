from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from sqlite3 import Row
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.sqlite import SQLiteDatastore

from services.auth.tokens import TokenInfo, TokenRow, TokenStore, decode_roles, encode_roles

SELECT_TOKENS = (
    "SELECT token_id, user_id, agency, roles, token_hash, created_at, expires_at, revoked_at, "
    "unit FROM token_index"
)


class SQLiteTokenStore(TokenStore):
    def __init__(self, app: Application[UUID], datastore: SQLiteDatastore) -> None:
        super().__init__(app)
        self.datastore = datastore
        with datastore.transaction(commit=True) as c:
            c.execute(
                "CREATE TABLE IF NOT EXISTS user_roles ("
                "id TEXT PRIMARY KEY, agency TEXT NOT NULL, roles TEXT NOT NULL)"
            )
            c.execute(
                "CREATE TABLE IF NOT EXISTS token_index ("
                "token_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, agency TEXT NOT NULL, "
                "roles TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, "
                "expires_at TEXT, revoked_at TEXT, unit TEXT NOT NULL DEFAULT '')"
            )

    def put_user(self, user_id: str, agency: str, roles: Iterable[str]) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute(
                "INSERT INTO user_roles (id, agency, roles) VALUES (?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET agency = excluded.agency, roles = excluded.roles",
                [user_id, agency, encode_roles(roles)],
            )

    def put_token(self, row: TokenRow) -> None:
        info = row.info
        with self.datastore.transaction(commit=True) as c:
            c.execute(
                "INSERT OR REPLACE INTO token_index (token_id, user_id, agency, roles, "
                "token_hash, created_at, expires_at, revoked_at, unit) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    info.token_id,
                    info.user_id,
                    info.agency,
                    encode_roles(info.roles),
                    row.token_hash,
                    info.created_at.isoformat(),
                    _text(info.expires_at),
                    _text(info.revoked_at),
                    info.unit,
                ],
            )

    def find(self, token_hash: str) -> TokenRow | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(SELECT_TOKENS + " WHERE token_hash = ?", [token_hash])
            row = c.fetchone()
        return None if row is None else _row(row)

    def rows(self) -> list[TokenRow]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(SELECT_TOKENS + " ORDER BY created_at, token_id")
            return [_row(row) for row in c.fetchall()]

    def clear(self) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute("DELETE FROM token_index")
            c.execute("DELETE FROM user_roles")


def _text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _row(row: Row) -> TokenRow:
    info = TokenInfo(
        token_id=row["token_id"],
        user_id=row["user_id"],
        agency=row["agency"],
        roles=decode_roles(row["roles"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        expires_at=_moment(row["expires_at"]),
        revoked_at=_moment(row["revoked_at"]),
        unit=row["unit"],
    )
    return TokenRow(info, row["token_hash"])
