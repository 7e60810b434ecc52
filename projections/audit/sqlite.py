from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.sqlite import SQLiteTrackingRecorder

from projections.audit.view import Entry, Row, SubjectIndex


class SQLiteSubjectIndex(SQLiteTrackingRecorder, SubjectIndex):
    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            "CREATE TABLE IF NOT EXISTS audit_subjects (subject TEXT, aggregate TEXT, "
            "version INTEGER, PRIMARY KEY (subject, aggregate, version)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS audit_owners (aggregate TEXT PRIMARY KEY, nip TEXT)",
        ]

    def record(
        self, entries: Iterable[Entry], owners: Mapping[UUID, str], tracking: Tracking
    ) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.executemany(
                "INSERT OR IGNORE INTO audit_owners VALUES (?, ?)",
                [(str(aggregate), nip) for aggregate, nip in owners.items()],
            )
            c.executemany(
                "INSERT OR IGNORE INTO audit_subjects VALUES (?, ?, ?)",
                [(subject, str(aggregate), version) for subject, aggregate, version in entries],
            )
            self._insert_tracking(c, tracking)

    def owners(self, aggregates: Collection[UUID]) -> dict[UUID, str]:
        if not aggregates:
            return {}
        marks = ", ".join("?" * len(aggregates))
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                f"SELECT aggregate, nip FROM audit_owners WHERE aggregate IN ({marks})",
                [str(aggregate) for aggregate in aggregates],
            )
            return {UUID(row["aggregate"]): row["nip"] for row in c.fetchall()}

    def rows(self, subject: str) -> list[Row]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                "SELECT aggregate, version FROM audit_subjects WHERE subject=? "
                "ORDER BY aggregate, version",
                (subject,),
            )
            return [(UUID(row["aggregate"]), int(row["version"])) for row in c.fetchall()]

    def rows_in(self, subject: str, aggregate: UUID) -> list[Row]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                "SELECT version FROM audit_subjects WHERE subject=? AND aggregate=? "
                "ORDER BY version",
                (subject, str(aggregate)),
            )
            return [(aggregate, int(row["version"])) for row in c.fetchall()]

    def reset(self, tracking_key: str) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute("DELETE FROM audit_subjects")
            c.execute("DELETE FROM audit_owners")
            c.execute("DELETE FROM tracking WHERE application_name=?", (tracking_key,))
