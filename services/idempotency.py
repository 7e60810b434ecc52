"""The outcome of each command sent with an idempotency key, kept in the application's own
database beside the log (a table on either backend), so that a retry of the same request by the
same user (after a lost answer, a timeout, a server restart) gets the first outcome instead of
running twice.

A key is claimed before the command runs and settled with its answer after; a claim never
settled (the server stopped in between) says the outcome is unknown. A key names one request:
the same key with another request is refused."""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.postgres import PostgresDatastore, PostgresFactory
from eventsourcing.sqlite import SQLiteDatastore, SQLiteFactory
from psycopg.sql import SQL, Identifier

MAX_KEY = 200  # characters; a UUID or a client's own request id fits many times


@dataclass(frozen=True)
class Claim:
    """What a key holds already: the request it named, and its answer once it has one."""

    request: str  # the digest of the command and its body
    status: int | None  # None: claimed, never settled
    answer: dict[str, Any] | None


def fingerprint(command: str, body: bytes) -> str:
    return hashlib.sha256(command.encode() + b"\n" + body).hexdigest()


class IdempotencyStore(ABC):
    @abstractmethod
    def claim(self, user: str, key: str, request: str) -> Claim | None:
        """Claims ``key`` for ``request``: None when it was free (now claimed), else what it
        holds."""

    @abstractmethod
    def settle(self, user: str, key: str, status: int, answer: dict[str, Any]) -> None:
        """Keeps the answer of a claimed key."""

    @abstractmethod
    def release(self, user: str, key: str) -> None:
        """Frees a claimed key whose request changed nothing and may simply be sent again."""


class SQLiteIdempotency(IdempotencyStore):
    def __init__(self, datastore: SQLiteDatastore) -> None:
        self.datastore = datastore
        with datastore.transaction(commit=True) as c:
            c.execute(
                "CREATE TABLE IF NOT EXISTS idempotency_keys ("
                "user_id TEXT NOT NULL, key TEXT NOT NULL, request TEXT NOT NULL, "
                "status INTEGER, answer TEXT, PRIMARY KEY (user_id, key))"
            )

    def claim(self, user: str, key: str, request: str) -> Claim | None:
        with self.datastore.transaction(commit=True) as c:
            c.execute(
                "INSERT INTO idempotency_keys (user_id, key, request) VALUES (?, ?, ?) "
                "ON CONFLICT (user_id, key) DO NOTHING RETURNING key",
                [user, key, request],
            )
            if c.fetchone() is not None:
                return None
            c.execute(
                "SELECT request, status, answer FROM idempotency_keys "
                "WHERE user_id = ? AND key = ?",
                [user, key],
            )
            row = c.fetchone()
        if row is None:  # released meanwhile: free again
            return self.claim(user, key, request)
        return _claim(row["request"], row["status"], row["answer"])

    def settle(self, user: str, key: str, status: int, answer: dict[str, Any]) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute(
                "UPDATE idempotency_keys SET status = ?, answer = ? WHERE user_id = ? AND key = ?",
                [status, json.dumps(answer), user, key],
            )

    def release(self, user: str, key: str) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute(
                "DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND status IS NULL",
                [user, key],
            )


class PostgresIdempotency(IdempotencyStore):
    def __init__(self, datastore: PostgresDatastore) -> None:
        self.datastore = datastore
        self.table = Identifier(datastore.schema, "idempotency_keys")
        with datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL(
                    "CREATE TABLE IF NOT EXISTS {0} ("
                    "user_id text NOT NULL, key text NOT NULL, request text NOT NULL, "
                    "status integer, answer text, PRIMARY KEY (user_id, key))"
                ).format(self.table)
            )

    def claim(self, user: str, key: str, request: str) -> Claim | None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL(
                    "INSERT INTO {0} (user_id, key, request) VALUES (%s, %s, %s) "
                    "ON CONFLICT (user_id, key) DO NOTHING RETURNING key"
                ).format(self.table),
                [user, key, request],
            )
            if curs.fetchone() is not None:
                return None
            curs.execute(
                SQL(
                    "SELECT request, status, answer FROM {0} WHERE user_id = %s AND key = %s"
                ).format(self.table),
                [user, key],
            )
            row = curs.fetchone()
        if row is None:  # released meanwhile: free again
            return self.claim(user, key, request)
        return _claim(row["request"], row["status"], row["answer"])

    def settle(self, user: str, key: str, status: int, answer: dict[str, Any]) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL(
                    "UPDATE {0} SET status = %s, answer = %s WHERE user_id = %s AND key = %s"
                ).format(self.table),
                [status, json.dumps(answer), user, key],
            )

    def release(self, user: str, key: str) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                SQL("DELETE FROM {0} WHERE user_id = %s AND key = %s AND status IS NULL").format(
                    self.table
                ),
                [user, key],
            )


def _claim(request: str, status: int | None, answer: str | None) -> Claim:
    return Claim(request, status, None if answer is None else json.loads(answer))


def idempotency_store(app: Application[UUID]) -> IdempotencyStore:
    """The keys in the application's own database, whichever backend it is."""
    if isinstance(app.factory, SQLiteFactory):
        return SQLiteIdempotency(app.factory.datastore)
    if isinstance(app.factory, PostgresFactory):
        return PostgresIdempotency(app.factory.datastore)
    raise TypeError(f"no idempotency store for {type(app.factory).__name__}")
