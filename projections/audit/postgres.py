from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.postgres import PostgresDatastore, PostgresTrackingRecorder
from psycopg.sql import SQL, Identifier

from projections.audit.view import Row, SubjectIndex


class PostgresSubjectIndex(PostgresTrackingRecorder, SubjectIndex):
    def __init__(self, datastore: PostgresDatastore, **kwargs: Any) -> None:
        super().__init__(datastore, **kwargs)
        self.subjects = Identifier(datastore.schema, "audit_subjects")
        self.owners = Identifier(datastore.schema, "audit_owners")
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {0} (subject text, aggregate uuid, version int, "
                "PRIMARY KEY (subject, aggregate, version))"
            ).format(self.subjects)
        )
        self.sql_create_statements.append(
            SQL("CREATE TABLE IF NOT EXISTS {0} (aggregate uuid PRIMARY KEY, nip text)").format(
                self.owners
            )
        )

    def record(
        self,
        aggregate: UUID,
        version: int,
        subjects: Iterable[str],
        owner: str | None,
        tracking: Tracking,
    ) -> None:
        with self.datastore.transaction(commit=True) as curs:
            if owner is not None:
                curs.execute(
                    SQL("INSERT INTO {0} VALUES (%s, %s) ON CONFLICT DO NOTHING").format(
                        self.owners
                    ),
                    (aggregate, owner),
                )
            else:
                curs.execute(
                    SQL("SELECT nip FROM {0} WHERE aggregate=%s").format(self.owners),
                    (aggregate,),
                )
                row = curs.fetchone()
                owner = None if row is None else row["nip"]
            named = {*subjects, *((owner,) if owner else ())}
            if named:
                curs.executemany(
                    SQL("INSERT INTO {0} VALUES (%s, %s, %s) ON CONFLICT DO NOTHING").format(
                        self.subjects
                    ),
                    [(subject, aggregate, version) for subject in sorted(named)],
                )
            self._insert_tracking(curs, tracking)

    def rows(self, subject: str) -> list[Row]:
        statement = SQL(
            "SELECT aggregate, version FROM {0} WHERE subject=%s ORDER BY aggregate, version"
        ).format(self.subjects)
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(statement, (subject,))
            return [(UUID(str(row["aggregate"])), int(row["version"])) for row in curs.fetchall()]

    def reset(self, tracking_key: str) -> None:
        tracking = Identifier(self.datastore.schema, self.tracking_table_name)
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(SQL("DELETE FROM {0}").format(self.subjects))
            curs.execute(SQL("DELETE FROM {0}").format(self.owners))
            curs.execute(
                SQL("DELETE FROM {0} WHERE application_name=%s").format(tracking), (tracking_key,)
            )
