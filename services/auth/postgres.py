from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.postgres import PostgresDatastore
from psycopg.sql import SQL, Composed, Identifier

from services.auth.tokens import TokenInfo, TokenRow, TokenStore, decode_roles, encode_roles


class PostgresTokenStore(TokenStore):
    def __init__(self, app: Application[UUID], datastore: PostgresDatastore) -> None:
        super().__init__(app)
        self.datastore = datastore
        self.users = Identifier(datastore.schema, "user_roles")
        self.tokens = Identifier(datastore.schema, "token_index")
        with datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL(
                    "CREATE TABLE IF NOT EXISTS {0} ("
                    "id text PRIMARY KEY, agency text NOT NULL, roles text NOT NULL)"
                ).format(self.users)
            )
            curs.execute(
                SQL(
                    "CREATE TABLE IF NOT EXISTS {0} ("
                    "token_id text PRIMARY KEY, user_id text NOT NULL, agency text NOT NULL, "
                    "roles text NOT NULL, token_hash text NOT NULL UNIQUE, "
                    "created_at timestamptz NOT NULL, expires_at timestamptz, "
                    "revoked_at timestamptz, unit text NOT NULL DEFAULT '')"
                ).format(self.tokens)
            )

    def put_user(self, user_id: str, agency: str, roles: Iterable[str]) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL(
                    "INSERT INTO {0} (id, agency, roles) VALUES (%s, %s, %s) ON CONFLICT (id) "
                    "DO UPDATE SET agency = excluded.agency, roles = excluded.roles"
                ).format(self.users),
                [user_id, agency, encode_roles(roles)],
            )

    def put_token(self, row: TokenRow) -> None:
        info = row.info
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL(
                    "INSERT INTO {0} (token_id, user_id, agency, roles, token_hash, created_at, "
                    "expires_at, revoked_at, unit) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
                    "ON CONFLICT (token_id) DO UPDATE SET user_id = excluded.user_id, "
                    "agency = excluded.agency, roles = excluded.roles, "
                    "token_hash = excluded.token_hash, created_at = excluded.created_at, "
                    "expires_at = excluded.expires_at, revoked_at = excluded.revoked_at, "
                    "unit = excluded.unit"
                ).format(self.tokens),
                [
                    info.token_id,
                    info.user_id,
                    info.agency,
                    encode_roles(info.roles),
                    row.token_hash,
                    info.created_at,
                    info.expires_at,
                    info.revoked_at,
                    info.unit,
                ],
            )

    def find(self, token_hash: str) -> TokenRow | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(self._select() + SQL(" WHERE token_hash = %s"), [token_hash])
            row = curs.fetchone()
        return None if row is None else _row(row)

    def rows(self) -> list[TokenRow]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(self._select() + SQL(" ORDER BY created_at, token_id"))
            return [_row(row) for row in curs.fetchall()]

    def clear(self) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(SQL("DELETE FROM {0}").format(self.tokens))
            curs.execute(SQL("DELETE FROM {0}").format(self.users))

    def _select(self) -> Composed:
        return SQL(
            "SELECT token_id, user_id, agency, roles, token_hash, created_at, expires_at, "
            "revoked_at, unit FROM {0}"
        ).format(self.tokens)


def _row(row: dict[str, Any]) -> TokenRow:
    token_hash = row.pop("token_hash")
    return TokenRow(TokenInfo(**{**row, "roles": decode_roles(row["roles"])}), token_hash)
