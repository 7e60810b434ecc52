from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.postgres import PostgresDatastore, PostgresTrackingRecorder
from psycopg.sql import SQL, Identifier

from projections.audit.view import Entry, Row, SubjectIndex
from projections.documents.postgres import read_rows


class PostgresSubjectIndex(PostgresTrackingRecorder, SubjectIndex):
    def __init__(self, datastore: PostgresDatastore, **kwargs: Any) -> None:
        super().__init__(datastore, **kwargs)
        self.subjects = Identifier(datastore.schema, "audit_subjects")
        self.owners_table = Identifier(datastore.schema, "audit_owners")
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {0} (subject text, aggregate uuid, version int, "
                "PRIMARY KEY (subject, aggregate, version))"
            ).format(self.subjects)
        )
        self.sql_create_statements.append(
            SQL("CREATE TABLE IF NOT EXISTS {0} (aggregate uuid PRIMARY KEY, nip text)").format(
                self.owners_table
            )
        )

    def record(
        self, entries: Iterable[Entry], owners: Mapping[UUID, str], tracking: Tracking
    ) -> None:
        owned = list(owners.items())
        rows = list(entries)
        with self.datastore.transaction(commit=True) as curs:
            if owned:
                curs.executemany(
                    SQL("INSERT INTO {0} VALUES (%s, %s) ON CONFLICT DO NOTHING").format(
                        self.owners_table
                    ),
                    owned,
                )
            if rows:
                curs.executemany(
                    SQL("INSERT INTO {0} VALUES (%s, %s, %s) ON CONFLICT DO NOTHING").format(
                        self.subjects
                    ),
                    rows,
                )
            self._insert_tracking(curs, tracking)

    def owners(self, aggregates: Collection[UUID]) -> dict[UUID, str]:
        if not aggregates:
            return {}
        statement = SQL("SELECT aggregate, nip FROM {0} WHERE aggregate = ANY(%s)").format(
            self.owners_table
        )
        rows = read_rows(self.datastore, statement, (list(aggregates),))
        return {UUID(str(row["aggregate"])): row["nip"] for row in rows}

    def rows(self, subject: str) -> list[Row]:
        statement = SQL(
            "SELECT aggregate, version FROM {0} WHERE subject=%s ORDER BY aggregate, version"
        ).format(self.subjects)
        rows = read_rows(self.datastore, statement, (subject,))
        return [(UUID(str(row["aggregate"])), int(row["version"])) for row in rows]

    def rows_in(self, subject: str, aggregate: UUID) -> list[Row]:
        statement = SQL(
            "SELECT version FROM {0} WHERE subject=%s AND aggregate=%s ORDER BY version"
        ).format(self.subjects)
        rows = read_rows(self.datastore, statement, (subject, aggregate))
        return [(aggregate, int(row["version"])) for row in rows]

    def reset(self, tracking_key: str) -> None:
        tracking = Identifier(self.datastore.schema, self.tracking_table_name)
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(SQL("DELETE FROM {0}").format(self.subjects))
            curs.execute(SQL("DELETE FROM {0}").format(self.owners_table))
            curs.execute(
                SQL("DELETE FROM {0} WHERE application_name=%s").format(tracking), (tracking_key,)
            )
