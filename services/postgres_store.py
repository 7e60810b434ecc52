"""The PostgreSQL event store with a faster insert and a read of many aggregates at once.

The library sends a save as one array of composite values in text format: every state is escaped
byte by byte on the client (a regular expression per event) and the parameter grows to about
twice the states' size, which is also what makes a large save hang in pipeline mode.
This recorder sends the same rows as four arrays in binary format through ``unnest``: the
transaction, the table lock, the notification and the returned notification ids stay the
library's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import InterfaceError, OperationalError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from eventsourcing.utils import retry
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Identifier

# As the library's own reads: a restarting server is waited for, not reported as a failure.
_RIDES_THROUGH_RESTARTS = retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)

TOPIC = f"{__name__}:ArrayInsertRecorder"


class ArrayInsertRecorder(PostgresApplicationRecorder):
    def __init__(
        self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"
    ) -> None:
        super().__init__(datastore, events_table_name=events_table_name)
        id_type = SQL(self.datastore.originator_id_type)
        self.insert_events_statement = SQL(
            "INSERT INTO {schema}.{table} (originator_id, originator_version, topic, state) "
            "SELECT * FROM unnest(%b::{id_type}[], %b::bigint[], %b::text[], %b::bytea[]) "
            "RETURNING notification_id"
        ).format(
            schema=Identifier(self.datastore.schema),
            table=Identifier(self.events_table_name),
            id_type=id_type,
        )
        self.select_events_of_statement = SQL(
            "SELECT originator_id, originator_version, topic, state FROM {schema}.{table} "
            "WHERE originator_id = ANY(%s::{id_type}[]) ORDER BY originator_id, originator_version"
        ).format(
            schema=Identifier(self.datastore.schema),
            table=Identifier(self.events_table_name),
            id_type=id_type,
        )
        self.select_events_at_statement = SQL(
            "SELECT originator_id, originator_version, topic, state FROM {schema}.{table} "
            "JOIN unnest(%s::{id_type}[], %s::bigint[]) AS wanted(id, version) "
            "ON originator_id = wanted.id AND originator_version = wanted.version "
            "ORDER BY originator_id, originator_version"
        ).format(
            schema=Identifier(self.datastore.schema),
            table=Identifier(self.events_table_name),
            id_type=id_type,
        )
        self.select_versions_of_statement = SQL(
            "SELECT originator_id, max(originator_version) AS version FROM {schema}.{table} "
            "WHERE originator_id = ANY(%s::{id_type}[]) GROUP BY originator_id"
        ).format(
            schema=Identifier(self.datastore.schema),
            table=Identifier(self.events_table_name),
            id_type=id_type,
        )

    @_RIDES_THROUGH_RESTARTS
    def versions_of(self, originator_ids: Sequence[UUID]) -> dict[UUID, int]:
        """The version of each of these aggregates that is stored, in one query."""
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(self.select_versions_of_statement, (list(originator_ids),))
            return {row["originator_id"]: int(row["version"]) for row in curs.fetchall()}

    @_RIDES_THROUGH_RESTARTS
    def select_events_of(self, originator_ids: Sequence[UUID]) -> list[StoredEvent]:
        """Every event of these aggregates, each aggregate's in version order."""
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(self.select_events_of_statement, (list(originator_ids),))
            return [_stored(row) for row in curs.fetchall()]

    @_RIDES_THROUGH_RESTARTS
    def select_events_at(self, rows: Sequence[tuple[UUID, int]]) -> list[StoredEvent]:
        """The events at these (aggregate, version)s, in one query, by aggregate and version."""
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            ids, versions = [row[0] for row in rows], [row[1] for row in rows]
            curs.execute(self.select_events_at_statement, (ids, versions))
            return [_stored(row) for row in curs.fetchall()]

    def _insert_stored_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **_: Any
    ) -> None:
        self._lock_table(curs)
        self._notify_channel(curs)
        curs.execute(
            self.insert_events_statement,
            (
                [event.originator_id for event in stored_events],
                [event.originator_version for event in stored_events],
                [event.topic for event in stored_events],
                [event.state for event in stored_events],
            ),
        )


def _stored(row: DictRow) -> StoredEvent:
    return StoredEvent(
        originator_id=row["originator_id"],
        originator_version=row["originator_version"],
        topic=row["topic"],
        state=bytes(row["state"]),
    )
