from __future__ import annotations

import json

from eventsourcing.persistence import Tracking
from eventsourcing.sqlite import SQLiteTrackingRecorder

from projections.documents.view import Document, DocumentView


class SQLiteDocumentView(SQLiteTrackingRecorder, DocumentView):
    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            "CREATE TABLE IF NOT EXISTS documents (collection TEXT, key TEXT, agency TEXT, "
            "body TEXT NOT NULL, PRIMARY KEY (collection, key))",
            "CREATE INDEX IF NOT EXISTS documents_agency ON documents (collection, agency, key)",
        ]

    def put(
        self, collection: str, key: str, agency: str, document: Document, tracking: Tracking
    ) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?) ON CONFLICT (collection, key) "
                "DO UPDATE SET agency=excluded.agency, body=excluded.body",
                (collection, key, agency, json.dumps(document, sort_keys=True)),
            )
            self._insert_tracking(c, tracking)

    def get(self, collection: str, key: str) -> Document | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT body FROM documents WHERE collection=? AND key=?", (collection, key))
            row = c.fetchone()
        return None if row is None else dict(json.loads(row["body"]))

    def list(self, collection: str, agency: str) -> list[Document]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                "SELECT body FROM documents WHERE collection=? AND agency=? ORDER BY key",
                (collection, agency),
            )
            return [dict(json.loads(row["body"])) for row in c.fetchall()]

    def reset(self, collections: tuple[str, ...], tracking_key: str) -> None:
        with self.datastore.transaction(commit=True) as c:
            for collection in collections:
                c.execute("DELETE FROM documents WHERE collection=?", (collection,))
            c.execute("DELETE FROM tracking WHERE application_name=?", (tracking_key,))
