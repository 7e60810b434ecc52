from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.sqlite import SQLiteTrackingRecorder

from projections.audit.view import Row, SubjectIndex


class SQLiteSubjectIndex(SQLiteTrackingRecorder, SubjectIndex):
    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            "CREATE TABLE IF NOT EXISTS audit_subjects (subject TEXT, aggregate TEXT, "
            "version INTEGER, PRIMARY KEY (subject, aggregate, version)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS audit_owners (aggregate TEXT PRIMARY KEY, nip TEXT)",
        ]

    def record(
        self,
        aggregate: UUID,
        version: int,
        subjects: Iterable[str],
        owner: str | None,
        tracking: Tracking,
    ) -> None:
        with self.datastore.transaction(commit=True) as c:
            if owner is not None:
                c.execute(
                    "INSERT OR IGNORE INTO audit_owners VALUES (?, ?)", (str(aggregate), owner)
                )
            else:
                c.execute("SELECT nip FROM audit_owners WHERE aggregate=?", (str(aggregate),))
                row = c.fetchone()
                owner = None if row is None else row["nip"]
            named = {*subjects, *((owner,) if owner else ())}
            c.executemany(
                "INSERT OR IGNORE INTO audit_subjects VALUES (?, ?, ?)",
                [(subject, str(aggregate), version) for subject in sorted(named)],
            )
            self._insert_tracking(c, tracking)

    def rows(self, subject: str) -> list[Row]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                "SELECT aggregate, version FROM audit_subjects WHERE subject=? "
                "ORDER BY aggregate, version",
                (subject,),
            )
            return [(UUID(row["aggregate"]), int(row["version"])) for row in c.fetchall()]

    def reset(self, tracking_key: str) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.execute("DELETE FROM audit_subjects")
            c.execute("DELETE FROM audit_owners")
            c.execute("DELETE FROM tracking WHERE application_name=?", (tracking_key,))
