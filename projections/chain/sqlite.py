from __future__ import annotations

from collections.abc import Sequence

from eventsourcing.persistence import Tracking
from eventsourcing.sqlite import SQLiteTrackingRecorder

from projections.chain.view import ChainView, Link, VersionBreak

COLUMNS = "notification_id, content, hash"


class SQLiteChainView(SQLiteTrackingRecorder, ChainView):
    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            "CREATE TABLE IF NOT EXISTS chain (notification_id INTEGER PRIMARY KEY, "
            "content TEXT NOT NULL, hash TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS chain_content ON chain (content)",
        ]

    def append(self, links: Sequence[Link], tracking: Tracking) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.executemany(
                f"INSERT INTO chain ({COLUMNS}) VALUES (?, ?, ?)",
                [(each.notification_id, each.content, each.hash) for each in links],
            )
            self._insert_tracking(c, tracking)

    def head(self) -> Link | None:
        found = self._select(f"SELECT {COLUMNS} FROM chain ORDER BY notification_id DESC LIMIT 1")
        return found[0] if found else None

    def link(self, notification_id: int) -> Link | None:
        found = self._select(
            f"SELECT {COLUMNS} FROM chain WHERE notification_id=?", notification_id
        )
        return found[0] if found else None

    def links(self, after: int, limit: int) -> list[Link]:
        return self._select(
            f"SELECT {COLUMNS} FROM chain WHERE notification_id>? ORDER BY notification_id LIMIT ?",
            after,
            limit,
        )

    def chained_at(self, content: str) -> list[int]:
        found = self._select(
            f"SELECT {COLUMNS} FROM chain WHERE content=? ORDER BY notification_id", content
        )
        return [each.notification_id for each in found]

    def version_breaks(self, events_table: str) -> list[VersionBreak]:
        statement = (
            "SELECT id, originator_id, originator_version, previous_version, previous_id FROM ("
            "SELECT rowid AS id, originator_id, originator_version, "
            "LAG(originator_version) OVER w AS previous_version, LAG(rowid) OVER w AS previous_id "
            f'FROM "{events_table}" '
            "WINDOW w AS (PARTITION BY originator_id ORDER BY originator_version)) "
            "WHERE previous_id > id ORDER BY id"
        )
        with self.datastore.transaction(commit=False) as c:
            c.execute(statement)
            return [
                VersionBreak(
                    notification_id=row["id"],
                    originator_id=str(row["originator_id"]),
                    originator_version=row["originator_version"],
                    previous_version=row["previous_version"],
                    previous_id=row["previous_id"],
                )
                for row in c.fetchall()
            ]

    def _select(self, statement: str, *params: object) -> list[Link]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(statement, params)
            return [Link(row[0], row[1], row[2]) for row in c.fetchall()]
