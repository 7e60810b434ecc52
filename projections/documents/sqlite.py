from __future__ import annotations

import json

from eventsourcing.persistence import IntegrityError, Tracking
from eventsourcing.sqlite import SQLiteCursor, SQLiteTrackingRecorder

from projections.documents.view import FLUSH_ROWS, Document, DocumentView, Keyed, Row


class SQLiteDocumentView(DocumentView, SQLiteTrackingRecorder):
    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            "CREATE TABLE IF NOT EXISTS documents (collection TEXT, key TEXT, agency TEXT, "
            "body TEXT NOT NULL, PRIMARY KEY (collection, key))",
            "CREATE INDEX IF NOT EXISTS documents_agency ON documents (collection, agency, key)",
        ]

    def _commit(self, rows: list[Row], tracking: Tracking, start: int | None) -> None:
        with self.datastore.transaction(commit=True) as c:
            if start is None:
                self._insert_tracking(c, tracking)
            else:
                advance_tracking(c, tracking, start)
            for first in range(0, len(rows), FLUSH_ROWS):
                c.executemany(
                    "INSERT INTO documents VALUES (?, ?, ?, ?) ON CONFLICT (collection, key) "
                    "DO UPDATE SET agency=excluded.agency, body=excluded.body",
                    [
                        (collection, key, agency, json.dumps(document, sort_keys=True))
                        for collection, key, agency, document in rows[first : first + FLUSH_ROWS]
                    ],
                )

    def _get(self, collection: str, key: str) -> Document | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT body FROM documents WHERE collection=? AND key=?", (collection, key))
            row = c.fetchone()
        return None if row is None else dict(json.loads(row["body"]))

    def _list(self, collection: str, agency: str) -> Keyed:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                "SELECT key, body FROM documents WHERE collection=? AND agency=? ORDER BY key",
                (collection, agency),
            )
            return [(row["key"], dict(json.loads(row["body"]))) for row in c.fetchall()]

    def reset(self, collections: tuple[str, ...], tracking_key: str) -> None:
        with self.datastore.transaction(commit=True) as c:
            for collection in collections:
                c.execute("DELETE FROM documents WHERE collection=?", (collection,))
            c.execute("DELETE FROM tracking WHERE application_name=?", (tracking_key,))


def advance_tracking(c: SQLiteCursor, tracking: Tracking, start: int) -> None:
    """Moves the tracked position from ``start`` to the batch's last event, first in the batch's
    transaction so that it takes the write lock before anything else is written."""
    if start:
        c.execute(
            "UPDATE tracking SET notification_id=? WHERE application_name=? "
            "AND notification_id=? RETURNING notification_id",
            (tracking.notification_id, tracking.application_name, start),
        )
    else:
        c.execute(
            "INSERT INTO tracking VALUES (?, ?) ON CONFLICT (application_name) DO NOTHING "
            "RETURNING notification_id",
            (tracking.application_name, tracking.notification_id),
        )
    if c.fetchone() is None:
        raise IntegrityError(f"{tracking.application_name}: moved from {start} by another follower")
