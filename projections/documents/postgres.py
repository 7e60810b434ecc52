from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Tracking
from eventsourcing.postgres import PostgresDatastore, PostgresTrackingRecorder
from psycopg.sql import SQL, Identifier
from psycopg.types.json import Jsonb

from projections.documents.view import Document, DocumentView


class PostgresDocumentView(PostgresTrackingRecorder, DocumentView):
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

    def put(
        self, collection: str, key: str, agency: str, document: Document, tracking: Tracking
    ) -> None:
        statement = SQL(
            "INSERT INTO {0} VALUES (%s, %s, %s, %s) ON CONFLICT (collection, key) "
            "DO UPDATE SET agency=excluded.agency, body=excluded.body"
        ).format(self.table)
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(statement, (collection, key, agency, Jsonb(document)))
            self._insert_tracking(curs, tracking)

    def get(self, collection: str, key: str) -> Document | None:
        statement = SQL("SELECT body FROM {0} WHERE collection=%s AND key=%s").format(self.table)
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(statement, (collection, key))
            row = curs.fetchone()
        return None if row is None else dict(row["body"])

    def list(self, collection: str, agency: str) -> list[Document]:
        statement = SQL(
            "SELECT body FROM {0} WHERE collection=%s AND agency=%s ORDER BY key"
        ).format(self.table)
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(statement, (collection, agency))
            return [dict(row["body"]) for row in curs.fetchall()]

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
