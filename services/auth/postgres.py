from __future__ import annotations

from datetime import datetime
from typing import Any

from eventsourcing.postgres import PostgresDatastore
from psycopg.sql import SQL, Composed, Identifier

from services.auth.principal import Principal
from services.auth.tokens import (
    TokenInfo,
    TokenStore,
    UserInOtherAgency,
    decode_roles,
    encode_roles,
)


class PostgresTokenStore(TokenStore):
    def __init__(self, datastore: PostgresDatastore) -> None:
        self.datastore = datastore
        self.users = Identifier(datastore.schema, "users")
        self.tokens = Identifier(datastore.schema, "api_tokens")
        with datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL(
                    "CREATE TABLE IF NOT EXISTS {0} ("
                    "id text PRIMARY KEY, agency text NOT NULL, roles text NOT NULL, "
                    "unit text NOT NULL DEFAULT '')"
                ).format(self.users)
            )
            curs.execute(
                SQL(
                    "ALTER TABLE {0} ADD COLUMN IF NOT EXISTS unit text NOT NULL DEFAULT ''"
                ).format(self.users)
            )
            curs.execute(
                SQL(
                    "CREATE TABLE IF NOT EXISTS {0} ("
                    "token_id text PRIMARY KEY, user_id text NOT NULL REFERENCES {1} (id), "
                    "token_hash text NOT NULL UNIQUE, created_at timestamptz NOT NULL, "
                    "expires_at timestamptz, revoked_at timestamptz)"
                ).format(self.tokens, self.users)
            )

    def insert(
        self,
        user: Principal,
        token_id: str,
        token_hash: str,
        created_at: datetime,
        expires_at: datetime | None,
    ) -> None:
        with self.datastore.transaction(commit=True) as curs:
            # Returns no row when the user exists in another agency: a user never changes agency.
            curs.execute(
                SQL(
                    "INSERT INTO {0} AS u (id, agency, roles, unit) VALUES (%s, %s, %s, %s) "
                    "ON CONFLICT (id) DO UPDATE SET roles = excluded.roles, unit = excluded.unit "
                    "WHERE u.agency = excluded.agency RETURNING id"
                ).format(self.users),
                [user.user_id, user.agency, encode_roles(user.roles), user.unit],
            )
            if curs.fetchone() is None:
                raise UserInOtherAgency(user.user_id, user.agency)
            curs.execute(
                SQL(
                    "INSERT INTO {0} (token_id, user_id, token_hash, created_at, expires_at) "
                    "VALUES (%s, %s, %s, %s, %s)"
                ).format(self.tokens),
                [token_id, user.user_id, token_hash, created_at, expires_at],
            )

    def find(self, token_hash: str) -> TokenInfo | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(self._select() + SQL(" WHERE t.token_hash = %s"), [token_hash])
            row = curs.fetchone()
        return None if row is None else _info(row)

    def mark_revoked(self, token_id: str, at: datetime) -> bool:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL(
                    "UPDATE {0} SET revoked_at = COALESCE(revoked_at, %s) "
                    "WHERE token_id = %s RETURNING token_id"
                ).format(self.tokens),
                [at, token_id],
            )
            return curs.fetchone() is not None

    def list_tokens(self) -> list[TokenInfo]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(self._select() + SQL(" ORDER BY t.created_at, t.token_id"))
            return [_info(row) for row in curs.fetchall()]

    def _select(self) -> Composed:
        return SQL(
            "SELECT t.token_id, t.user_id, u.agency, u.roles, u.unit, t.created_at, t.expires_at, "
            "t.revoked_at FROM {0} t JOIN {1} u ON u.id = t.user_id"
        ).format(self.tokens, self.users)


def _info(row: dict[str, Any]) -> TokenInfo:
    return TokenInfo(**{**row, "roles": decode_roles(row["roles"])})
