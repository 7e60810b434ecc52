from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import IntegrityError, Tracking
from eventsourcing.postgres import PostgresDatastore, PostgresTrackingRecorder
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Composed, Identifier
from psycopg.types.json import Jsonb

from projections.documents.view import FLUSH_ROWS, Document, DocumentView, Keyed, Row


class PostgresDocumentView(DocumentView, PostgresTrackingRecorder):
    def __init__(self, datastore: PostgresDatastore, **kwargs: Any) -> None:
        super().__init__(datastore, **kwargs)
        self.table = Identifier(datastore.schema, "documents")
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {0} (collection text, key text, agency text, "
                "body jsonb NOT NULL, PRIMARY KEY (collection, key))"
            ).format(self.table)
        )
        self.sql_create_statements.append(
            SQL(
                "CREATE INDEX IF NOT EXISTS documents_agency ON {0} (collection, agency, key)"
            ).format(self.table)
        )

    def _commit(self, rows: list[Row], tracking: Tracking, start: int | None) -> None:
        statement = SQL(
            "INSERT INTO {0} SELECT * FROM unnest(%b::text[], %b::text[], %b::text[], %b::jsonb[]) "
            "ON CONFLICT (collection, key) "
            "DO UPDATE SET agency=excluded.agency, body=excluded.body"
        ).format(self.table)
        with self.datastore.transaction(commit=True) as curs:
            if start is None:
                self._insert_tracking(curs, tracking)
            else:
                advance_tracking(self, curs, tracking, start)
            # One statement of arrays per chunk: a round trip, not one per row.
            for first in range(0, len(rows), FLUSH_ROWS):
                chunk = rows[first : first + FLUSH_ROWS]
                curs.execute(
                    statement,
                    (
                        [collection for collection, _, _, _ in chunk],
                        [key for _, key, _, _ in chunk],
                        [agency for _, _, agency, _ in chunk],
                        [Jsonb(document) for _, _, _, document in chunk],
                    ),
                )

    def _get(self, collection: str, key: str) -> Document | None:
        statement = SQL("SELECT body FROM {0} WHERE collection=%s AND key=%s").format(self.table)
        rows = read_rows(self.datastore, statement, (collection, key))
        return dict(rows[0]["body"]) if rows else None

    def _list(self, collection: str, agency: str) -> Keyed:
        statement = SQL(
            "SELECT key, body FROM {0} WHERE collection=%s AND agency=%s ORDER BY key"
        ).format(self.table)
        rows = read_rows(self.datastore, statement, (collection, agency))
        return [(row["key"], dict(row["body"])) for row in rows]

    def reset(self, collections: tuple[str, ...], tracking_key: str) -> None:
        tracking = Identifier(self.datastore.schema, self.tracking_table_name)
        with self.datastore.transaction(commit=True) as curs:
            for collection in collections:
                curs.execute(
                    SQL("DELETE FROM {0} WHERE collection=%s").format(self.table), (collection,)
                )
            curs.execute(
                SQL("DELETE FROM {0} WHERE application_name=%s").format(tracking), (tracking_key,)
            )


def read_rows(
    datastore: PostgresDatastore, statement: SQL | Composed, params: Sequence[object] = ()
) -> list[DictRow]:
    """The rows of one read statement, sent on its own: the store's connections are in autocommit,
    so it is a transaction of its own in one round trip, where opening one around it takes three
    (BEGIN, the statement, ROLLBACK) and a page reads several."""
    with datastore.get_connection() as conn:
        return conn.execute(statement, params).fetchall()


def advance_tracking(
    recorder: PostgresTrackingRecorder, curs: Cursor[DictRow], tracking: Tracking, start: int
) -> None:
    """Moves the tracked position from ``start`` to the batch's last event, first in the batch's
    transaction: the row lock makes a concurrent batch of the same view wait for this one, then
    find the position moved (read committed re-reads the row) and fail."""
    table = Identifier(recorder.datastore.schema, recorder.tracking_table_name)
    if start:
        curs.execute(
            SQL(
                "UPDATE {0} SET notification_id=%s WHERE application_name=%s "
                "AND notification_id=%s RETURNING notification_id"
            ).format(table),
            (tracking.notification_id, tracking.application_name, start),
        )
    else:
        curs.execute(
            SQL(
                "INSERT INTO {0} VALUES (%s, %s) ON CONFLICT (application_name) DO NOTHING "
                "RETURNING notification_id"
            ).format(table),
            (tracking.application_name, tracking.notification_id),
        )
    if curs.fetchone() is None:
        raise IntegrityError(f"{tracking.application_name}: moved from {start} by another follower")
